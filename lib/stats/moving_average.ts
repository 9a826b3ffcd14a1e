/**
 * Centred moving averages (boxcar FIR filters with zero phase), the library's cheap
 * low-pass for baseline, drift and QRS-band estimates.
 *
 * @module
 */
import { checkSignal } from "./validate.ts";

/**
 * Centred moving average of odd `length` L: y[i] = mean(x[i−h … i+h]), h = (L−1)/2; near the
 * ends the window shrinks to the samples that exist. Its response is sinc-shaped, first
 * zero at fs/L, −3 dB at ≈ 0.443·fs/L. O(n) via a Float64 running sum.
 */
export function movingAverage(x: Float32Array, length: number): Float32Array {
  checkSignal(x, "movingAverage: signal");
  if (!Number.isInteger(length) || length < 1 || length % 2 === 0) {
    throw new Error(`movingAverage: length must be an odd integer ≥ 1, got ${length}`);
  }
  const n = x.length;
  const h = (length - 1) / 2;
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i] + x[i];
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - h), b = Math.min(n, i + h + 1);
    y[i] = (cum[b] - cum[a]) / (b - a);
  }
  return y;
}

/**
 * Low-pass by two passes of a centred moving average (a triangular FIR: zero phase,
 * sidelobes ≤ −26 dB) whose length is chosen so the gain is −3 dB at `cutoffHz`:
 * L = the odd integer nearest 0.32·fs/cutoff (|sinc(f·L/fs)|² = 1/√2 at f·L/fs ≈ 0.32).
 */
export function lowPassBoxcar2(
  x: Float32Array,
  sampleRate: number,
  cutoffHz: number,
): Float32Array {
  if (!(cutoffHz > 0 && sampleRate > 0 && cutoffHz < sampleRate / 2)) {
    throw new Error(
      `lowPassBoxcar2: expected 0 < cutoffHz < sampleRate/2, got cutoffHz=${cutoffHz}, sampleRate=${sampleRate}`,
    );
  }
  return movingAverage(
    movingAverage(x, boxcarLength(sampleRate, cutoffHz)),
    boxcarLength(sampleRate, cutoffHz),
  );
}

/** Odd boxcar length for {@linkcode lowPassBoxcar2} at the given cutoff. */
function boxcarLength(sampleRate: number, cutoffHz: number): number {
  const l = Math.max(1, Math.round((0.32 * sampleRate) / cutoffHz));
  return l % 2 === 1 ? l : l + 1;
}

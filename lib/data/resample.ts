/**
 * Band-limited resampling of recordings to another sampling rate.
 *
 * Each output sample at input position p = j · fromRate / toRate is a windowed-sinc
 * interpolation of the input (Smith 2002, "Digital Audio Resampling"):
 *
 *   y[j] = Σ_k h(p − k) x[k] / Σ_k h(p − k),
 *   h(d) = sinc(2 f_c d) · kaiser_β(2 f_c d / Z),   |2 f_c d| < Z,
 *
 * with cut-off f_c = ρ · ½ · min(1, toRate / fromRate) cycles per input sample, so that
 * when decimating the same kernel is the anti-alias low-pass. Dividing by Σ h makes the DC
 * gain exactly 1, also near the edges where the kernel is truncated. With Z = 48 zero
 * crossings, Kaiser β = 8.6 (≈ 85 dB stop band) and roll-off ρ = 0.85, the pass band is flat
 * to ≈ 75 % of the lower Nyquist frequency and the stop band starts at ≈ 95 % of it.
 *
 * Hand-written: the one maintained npm resampler (libsamplerate-js) is audio-oriented wasm,
 * async-only, and fails on inputs over 4 MB; this is ~100 lines, synchronous and exact.
 *
 * @module
 */
import type { Recording } from "./recording.ts";

/** The resampler's fixed design (see the module doc). */
export const RESAMPLER_DESIGN = {
  /** Zero crossings of the sinc on each side of the kernel centre. */
  zeroCrossings: 48,
  /** Kaiser window shape β. */
  kaiserBeta: 8.6,
  /** Cut-off as a fraction of the lower Nyquist frequency. */
  rolloff: 0.85,
} as const;

/** Kernel table resolution: points per zero crossing (linear interpolation in between). */
const TABLE_RES = 512;

function besselI0(x: number): number {
  let sum = 1, term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 200; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

let kernelTable: Float64Array | null = null;

/** sinc(z) · kaiser(z / Z) tabulated at z = i / TABLE_RES for i = 0 … Z·TABLE_RES (+1 guard). */
function kernel(): Float64Array {
  if (kernelTable) return kernelTable;
  const { zeroCrossings: Z, kaiserBeta: beta } = RESAMPLER_DESIGN;
  const n = Z * TABLE_RES + 2;
  const t = new Float64Array(n);
  const i0b = besselI0(beta);
  for (let i = 0; i < n; i++) {
    const z = i / TABLE_RES;
    const u = z / Z;
    const win = u < 1 ? besselI0(beta * Math.sqrt(1 - u * u)) / i0b : 0;
    t[i] = (z === 0 ? 1 : Math.sin(Math.PI * z) / (Math.PI * z)) * win;
  }
  kernelTable = t;
  return t;
}

function checkRate(rate: number, what: string): void {
  if (!(typeof rate === "number" && rate > 0 && Number.isFinite(rate))) {
    throw new RangeError(`resample: ${what}: expected a positive number of Hz, got ${rate}`);
  }
}

/**
 * Number of output samples when resampling `n` samples from `fromRate` to `toRate`: the
 * outputs at times j / toRate that do not go past the last input sample.
 */
export function resampledLength(n: number, fromRate: number, toRate: number): number {
  checkRate(fromRate, "fromRate");
  checkRate(toRate, "toRate");
  if (n <= 0) return 0;
  return Math.floor(((n - 1) * toRate) / fromRate + 1e-9) + 1;
}

/**
 * Resamples equally long signals from `fromRate` to `toRate` Hz (band-limited, with the
 * anti-alias low-pass when `toRate < fromRate`). Output sample j is at time j / toRate
 * from the first input sample. Returns new arrays; equal rates return copies.
 */
export function resampleSignals(
  signals: Float32Array[],
  fromRate: number,
  toRate: number,
): Float32Array[] {
  checkRate(fromRate, "fromRate");
  checkRate(toRate, "toRate");
  if (signals.length === 0) return [];
  const n = signals[0].length;
  for (const s of signals) {
    if (s.length !== n) {
      throw new RangeError(`resample: signals must have equal lengths, got ${n} and ${s.length}`);
    }
  }
  if (fromRate === toRate) return signals.map((s) => s.slice());
  const m = resampledLength(n, fromRate, toRate);
  const out = signals.map(() => new Float32Array(m));
  const table = kernel();
  const { zeroCrossings: Z, rolloff } = RESAMPLER_DESIGN;
  const ratio = fromRate / toRate;
  const fc2 = rolloff * Math.min(1, toRate / fromRate); // 2 f_c, in cycles per input sample
  const half = Z / fc2; // kernel half-width in input samples
  const w = new Float64Array(Math.ceil(2 * half) + 2);
  const scale = fc2 * TABLE_RES;
  for (let j = 0; j < m; j++) {
    const p = j * ratio;
    const k0 = Math.max(0, Math.ceil(p - half));
    const k1 = Math.min(n - 1, Math.floor(p + half));
    let sum = 0;
    for (let k = k0; k <= k1; k++) {
      const pos = Math.abs(p - k) * scale;
      const i = Math.floor(pos);
      const f = pos - i;
      const v = table[i] + f * (table[i + 1] - table[i]);
      w[k - k0] = v;
      sum += v;
    }
    for (let c = 0; c < signals.length; c++) {
      const x = signals[c];
      let acc = 0;
      for (let k = k0; k <= k1; k++) acc += w[k - k0] * x[k];
      out[c][j] = acc / sum;
    }
  }
  return out;
}

/**
 * Per-sample labels resampled from `fromRate` to `toRate` Hz: output sample j takes the label
 * of the nearest input sample, round(j · fromRate / toRate).
 */
export function resampleLabels(labels: Uint8Array, fromRate: number, toRate: number): Uint8Array {
  const n = labels.length;
  const m = resampledLength(n, fromRate, toRate);
  const out = new Uint8Array(m);
  const ratio = fromRate / toRate;
  for (let j = 0; j < m; j++) out[j] = labels[Math.min(n - 1, Math.round(j * ratio))];
  return out;
}

/**
 * A recording resampled to `toRate` Hz: signals and clean signals band-limited
 * ({@linkcode resampleSignals}), each output sample's mode taken from the nearest input
 * sample ({@linkcode resampleLabels}), and time `time[0] + j / toRate`. Returns the recording itself when the rate is
 * already `toRate`.
 */
export function resampleRecording(rec: Recording, toRate: number): Recording {
  checkRate(toRate, "toRate");
  const from = rec.meta.sampleRate;
  if (from === toRate) return rec;
  const n = rec.time.length;
  const m = resampledLength(n, from, toRate);
  const time = new Float64Array(m);
  for (let j = 0; j < m; j++) time[j] = rec.time[0] + j / toRate;
  return {
    meta: { ...rec.meta, channels: [...rec.meta.channels], sampleRate: toRate },
    time,
    modes: rec.modes ? resampleLabels(rec.modes, from, toRate) : null,
    signals: resampleSignals(rec.signals, from, toRate),
    clean: rec.clean ? resampleSignals(rec.clean, from, toRate) : null,
  };
}

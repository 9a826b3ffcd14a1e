/**
 * A fixed-length description of each window that needs no model: the log power spectrum of
 * every channel in a few bands. It is what "the raw windows" look like to a projection
 * (time samples themselves have random phase and project to noise).
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import { welchPsd } from "../stats/welch_psd.ts";
import { bandPower } from "../stats/band_power.ts";

/** Number of log-spaced bands per channel. */
export const SPECTRAL_BANDS = 16;

/**
 * Log10 band powers of each channel of each window over {@linkcode SPECTRAL_BANDS}
 * log-spaced bands from max(1 Hz, 4 frequency bins) to the Nyquist frequency (Welch over the
 * whole window, Hann), plus each channel's mean: a Float32Array
 * `[n, channels · (SPECTRAL_BANDS + 1)]`, each column then standardised over the set
 * (mean 0, sd 1; constant columns become 0) so that distances weigh the features alike.
 */
export function spectralFeatures(ws: WindowSet): { x: Float32Array; dim: number } {
  const { n, length, channels, sampleRate } = ws;
  const c = channels.length;
  const dim = c * (SPECTRAL_BANDS + 1);
  const out = new Float32Array(n * dim);
  const lo = Math.max(1, (4 * sampleRate) / length), hi = sampleRate / 2;
  const edges = Array.from(
    { length: SPECTRAL_BANDS + 1 },
    (_, k) => lo * Math.pow(hi / lo, k / SPECTRAL_BANDS),
  );
  const ch = new Float32Array(length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < c; k++) {
      let mean = 0;
      for (let t = 0; t < length; t++) {
        ch[t] = ws.x[(i * length + t) * c + k];
        mean += ch[t];
      }
      mean /= length;
      const psd = welchPsd(ch, sampleRate, { segmentLength: length });
      const base = i * dim + k * (SPECTRAL_BANDS + 1);
      for (let b = 0; b < SPECTRAL_BANDS; b++) {
        out[base + b] = Math.log10(bandPower(psd, edges[b], edges[b + 1]) + 1e-12);
      }
      out[base + SPECTRAL_BANDS] = mean;
    }
  }
  for (let j = 0; j < dim; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += out[i * dim + j];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (out[i * dim + j] - m) ** 2;
    const sd = Math.sqrt(v / n);
    for (let i = 0; i < n; i++) out[i * dim + j] = sd > 0 ? (out[i * dim + j] - m) / sd : 0;
  }
  return { x: out, dim };
}

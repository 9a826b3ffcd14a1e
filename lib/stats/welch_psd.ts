/**
 * Welch's power spectral density estimate (Welch 1967, "The use of fast Fourier transform
 * for the estimation of power spectra", IEEE Trans. Audio Electroacoust. 15(2)).
 *
 * The signal is cut into segments of `L` samples overlapping by 50 %, each segment has its
 * mean removed and is multiplied by a Hann window `w`, zero-padded to `N` = the next power
 * of two ≥ L and transformed with the npm library `fft.js`. With `K` segments and sampling
 * rate `fs`, the one-sided density at frequency f_k = k·fs/N, k = 0…N/2, is
 *
 *     P(f_k) = c_k / (K · fs · Σ w²) · Σ_segments |X_k|²,   c_k = 1 at DC and Nyquist, else 2,
 *
 * in units²/Hz, so that Σ_k P(f_k)·Δf (Δf = fs/N) equals the mean windowed power of the
 * segments, i.e. ≈ the variance of a stationary signal (Parseval).
 *
 * @module
 */
import FFT from "fft.js";
import { hannWindow } from "./hann.ts";
import { resolveOptions } from "./options.ts";
import { checkPositive, checkSignal } from "./validate.ts";

/** A one-sided power spectral density. */
export interface Psd {
  /** Bin frequencies in Hz, k·fs/N for k = 0…N/2. */
  freqs: Float32Array;
  /** Density at each bin, in (signal units)²/Hz. */
  psd: Float32Array;
  /** Bin spacing Δf = fs/N in Hz. */
  df: number;
  /** Sampling rate of the signal, Hz. */
  sampleRate: number;
  /** Samples per segment L (may be less than asked when the signal is shorter). */
  segmentLength: number;
  /** FFT length N (power of two ≥ L). */
  nfft: number;
  /** Number of averaged segments K. */
  segments: number;
}

/** Options of {@linkcode welchPsd}. */
export interface WelchOptions {
  /** Segment length in seconds (used when `segmentLength` is 0). */
  segmentSeconds: number;
  /** Segment length in samples; 0 means `round(segmentSeconds · fs)`. */
  segmentLength: number;
  /** Fraction of a segment shared with the next one, in [0, 1). */
  overlap: number;
  /** Remove each segment's mean before windowing ("constant") or not ("none"). */
  detrend: "constant" | "none";
}

/** Defaults of {@linkcode welchPsd}: 4 s Hann segments, 50 % overlap, mean removed. */
export const DEFAULT_WELCH_OPTIONS: Readonly<WelchOptions> = Object.freeze({
  segmentSeconds: 4,
  segmentLength: 0,
  overlap: 0.5,
  detrend: "constant",
});

const fftCache = new Map<number, FFT>();
function fftOf(n: number): FFT {
  let f = fftCache.get(n);
  if (!f) {
    f = new FFT(n);
    fftCache.set(n, f);
  }
  return f;
}

/** Smallest power of two ≥ n (and ≥ 2, the smallest size fft.js accepts). */
export function nextPowerOfTwo(n: number): number {
  let p = 2;
  while (p < n) p *= 2;
  return p;
}

/**
 * Welch PSD of `x` sampled at `sampleRate` Hz (see the module doc for the equation). A
 * signal shorter than one segment is analysed as a single segment of its full length.
 */
export function welchPsd(
  x: Float32Array,
  sampleRate: number,
  options?: Partial<WelchOptions>,
): Psd {
  checkSignal(x, "welchPsd: signal", 2);
  checkPositive(sampleRate, "welchPsd: sampleRate");
  const o = resolveOptions(DEFAULT_WELCH_OPTIONS, options, "welchPsd");
  if (o.detrend !== "constant" && o.detrend !== "none") {
    throw new Error(`welchPsd: option "detrend" must be "constant" or "none", got "${o.detrend}"`);
  }
  if (!(o.overlap >= 0 && o.overlap < 1)) {
    throw new Error(`welchPsd: option "overlap" must be in [0, 1), got ${o.overlap}`);
  }
  let len = o.segmentLength > 0 ? o.segmentLength : Math.round(o.segmentSeconds * sampleRate);
  if (!Number.isInteger(len) || len < 2) {
    throw new Error(`welchPsd: segment length must be an integer ≥ 2 samples, got ${len}`);
  }
  len = Math.min(len, x.length);
  const step = Math.max(1, len - Math.round(o.overlap * len));
  const nfft = nextPowerOfTwo(len);
  const w = hannWindow(len);
  let wss = 0;
  for (let i = 0; i < len; i++) wss += w[i] * w[i];

  const fft = fftOf(nfft);
  const input = new Float64Array(nfft);
  const out = fft.createComplexArray() as number[];
  const half = nfft / 2;
  const acc = new Float64Array(half + 1);
  let segments = 0;
  for (let start = 0; start + len <= x.length; start += step) {
    let mean = 0;
    if (o.detrend === "constant") {
      for (let i = 0; i < len; i++) mean += x[start + i];
      mean /= len;
    }
    for (let i = 0; i < len; i++) input[i] = (x[start + i] - mean) * w[i];
    fft.realTransform(out, input);
    for (let k = 0; k <= half; k++) {
      const re = out[2 * k], im = out[2 * k + 1];
      acc[k] += re * re + im * im;
    }
    segments++;
  }
  const scale = 1 / (segments * sampleRate * wss);
  const freqs = new Float32Array(half + 1);
  const psd = new Float32Array(half + 1);
  const df = sampleRate / nfft;
  for (let k = 0; k <= half; k++) {
    freqs[k] = k * df;
    psd[k] = acc[k] * scale * (k === 0 || k === half ? 1 : 2);
  }
  return { freqs, psd, df, sampleRate, segmentLength: len, nfft, segments };
}

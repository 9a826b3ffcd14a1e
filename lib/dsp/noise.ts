/**
 * Seeded noise generators with unit RMS: white, pink (1/f) and band-limited Gaussian noise.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import { filtfilt } from "./iir.ts";

/** Scales `x` in place to unit RMS (no-op for an all-zero array) and returns it. */
export function toUnitRms(x: Float32Array): Float32Array {
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += x[i] * x[i];
  const rms = Math.sqrt(ss / Math.max(1, x.length));
  if (rms > 0) { for (let i = 0; i < x.length; i++) x[i] /= rms; }
  return x;
}

/** `n` samples of standard Gaussian white noise. */
export function whiteNoise(n: number, rng: Rng): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.normal();
  return x;
}

/**
 * `n` samples of pink (1/f power) noise with unit RMS, by Paul Kellet's refined pinking
 * filter (a sum of seven first-order low-passes of white noise, within ±0.05 dB of 1/f
 * above about 1/1000 of the sampling rate).
 */
export function pinkNoise(n: number, rng: Rng): Float32Array {
  const x = new Float32Array(n);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  for (let i = 0; i < n; i++) {
    const w = rng.normal();
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
  }
  return toUnitRms(x);
}

/**
 * `n` samples of Gaussian noise band-limited to `[low, high]` Hz (zero-phase Butterworth,
 * two sections each side), unit RMS. `low = 0` gives low-pass noise.
 */
export function bandNoise(
  n: number,
  sampleRate: number,
  low: number,
  high: number,
  rng: Rng,
): Float32Array {
  if (!(high > low && low >= 0)) {
    throw new Error(`bandNoise: need 0 ≤ low < high, got low=${low}, high=${high}`);
  }
  let x: Float32Array = whiteNoise(n, rng);
  if (high < sampleRate / 2) {
    x = filtfilt(x, { kind: "lowpass", sections: 2, sampleRate, cutoff: high });
  }
  if (low > 0) x = filtfilt(x, { kind: "highpass", sections: 2, sampleRate, cutoff: low });
  return toUnitRms(x);
}

/**
 * Synthetic test signals for the statistics tests: white noise of known sd and sines.
 *
 * @module
 */
import { Rng } from "../../lib/random/rng.ts";

/** `n` samples of Gaussian white noise with sd `sigma` from a seeded stream. */
export function white(n: number, sigma: number, seed: number | string): Float32Array {
  const rng = new Rng(seed);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = sigma * rng.normal();
  return x;
}

/** `n` samples of A·sin(2πft + φ) at sampling rate fs. */
export function sine(n: number, fs: number, f: number, amp: number, phase = 0): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = amp * Math.sin((2 * Math.PI * f * i) / fs + phase);
  return x;
}

/** Element-wise sum of equal-length arrays. */
export function add(...xs: Float32Array[]): Float32Array {
  const y = new Float32Array(xs[0].length);
  for (const x of xs) for (let i = 0; i < y.length; i++) y[i] += x[i];
  return y;
}

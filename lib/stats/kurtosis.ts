/**
 * Excess kurtosis, the heavy-tailedness of a distribution (0 for a Gaussian, ≫ 0 for noise
 * with sparse spikes, −1.5 for a sine).
 *
 * @module
 */
import { sampleKurtosis } from "simple-statistics";
import { checkSignal } from "./validate.ts";

/**
 * Sample excess kurtosis of `x` (simple-statistics `sampleKurtosis`, the bias-corrected
 * G2 = ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3)), g2 = m4/m2² − 3). NaN for a constant signal.
 */
export function excessKurtosis(x: Float32Array): number {
  checkSignal(x, "excessKurtosis: signal", 4);
  return sampleKurtosis(Array.from(x));
}

/**
 * Robust estimate of white (high-frequency) noise from the signal alone.
 *
 * @module
 */
import { medianAbsoluteDeviation } from "simple-statistics";
import { checkSignal } from "./validate.ts";

/**
 * σ̂ = 1.4826·MAD(Δx)/√2, with Δx[i] = x[i+1] − x[i] and MAD the median absolute deviation
 * (simple-statistics). For white Gaussian noise of sd σ, Δx has sd σ√2 and 1.4826·MAD is a
 * consistent sd estimate, so σ̂ → σ; a smooth signal adds little to Δx, and rare spikes do
 * not move a median. Over-estimates when the signal itself has strong content near fs/2.
 */
export function madDiffSigma(x: Float32Array): number {
  checkSignal(x, "madDiffSigma: signal", 3);
  const d = new Array<number>(x.length - 1);
  for (let i = 0; i < d.length; i++) d[i] = x[i + 1] - x[i];
  return (1.4826 * medianAbsoluteDeviation(d)) / Math.SQRT2;
}

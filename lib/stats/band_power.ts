/**
 * Power in a frequency band, integrated from a one-sided PSD.
 *
 * @module
 */
import type { Psd } from "./welch_psd.ts";

/**
 * Power of the band [lo, hi) Hz: Σ P(f_k)·Δf over the bins with lo ≤ f_k < hi (rectangle
 * rule, so adjacent bands add up exactly). `bandPower(psd, 0, Infinity)` is the total power,
 * ≈ the signal's variance. Units: (signal units)².
 */
export function bandPower(psd: Psd, lo: number, hi: number): number {
  if (!(typeof lo === "number" && typeof hi === "number" && lo >= 0 && hi > lo)) {
    throw new Error(`bandPower: expected 0 ≤ lo < hi Hz, got lo=${lo}, hi=${hi}`);
  }
  let sum = 0;
  for (let k = 0; k < psd.psd.length; k++) {
    const f = k * psd.df;
    if (f >= lo && f < hi) sum += psd.psd[k];
  }
  return sum * psd.df;
}

/**
 * Quantisation step of an ADC-converted signal, from the signal alone.
 *
 * @module
 */
import { median } from "simple-statistics";
import { checkSignal } from "./validate.ts";

/** The estimated quantisation of a signal. */
export interface Quantisation {
  /** Median gap between consecutive distinct sample values (0 for a constant signal). */
  step: number;
  /** Number of distinct sample values. */
  levels: number;
}

/**
 * Estimates the ADC step as the median gap between consecutive distinct values: a signal
 * quantised to step q occupies a dense run of levels q apart (only the sparse tails skip
 * levels), so the median gap is q. An unquantised signal has ≈ n levels and a step of
 * about range/n; compare `levels` with the length to tell.
 */
export function quantisationStep(x: Float32Array): Quantisation {
  checkSignal(x, "quantisationStep: signal", 1);
  const s = Float32Array.from(x).sort();
  const gaps: number[] = [];
  for (let i = 1; i < s.length; i++) if (s[i] !== s[i - 1]) gaps.push(s[i] - s[i - 1]);
  return { step: gaps.length ? median(gaps) : 0, levels: gaps.length + 1 };
}

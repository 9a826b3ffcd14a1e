/**
 * The tonic (slow) level of skin conductance in a window.
 *
 * @module
 */
import { median } from "simple-statistics";
import { checkSignal } from "../stats/validate.ts";

/**
 * Tonic skin-conductance level of a window: the median of its samples (µS). The median
 * ignores the short phasic SCR bumps riding on the tonic level better than the mean.
 */
export function gsrTonicLevel(gsr: Float32Array): number {
  checkSignal(gsr, "gsrTonicLevel: gsr", 1);
  return median(Array.from(gsr));
}

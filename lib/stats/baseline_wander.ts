/**
 * Baseline wander: the power of a signal's slow (< 0.5 Hz by default) fluctuations, from the
 * signal alone (no ground truth needed).
 *
 * @module
 */
import { lowPassBoxcar2 } from "./moving_average.ts";
import { checkPositive, checkSignal } from "./validate.ts";

/**
 * Mean square of the low-passed, mean-removed signal: (1/n)·Σ (LP(x)[i] − mean(LP(x)))²,
 * with LP = {@linkcode lowPassBoxcar2} at `cutoffHz` (default 0.5 Hz). Units: (signal units)².
 * On a sensed channel it also includes the true signal's own power below the cutoff.
 */
export function baselineWanderPower(x: Float32Array, sampleRate: number, cutoffHz = 0.5): number {
  checkSignal(x, "baselineWanderPower: signal", 2);
  checkPositive(sampleRate, "baselineWanderPower: sampleRate");
  const lp = lowPassBoxcar2(x, sampleRate, cutoffHz);
  let mean = 0;
  for (let i = 0; i < lp.length; i++) mean += lp[i];
  mean /= lp.length;
  let s = 0;
  for (let i = 0; i < lp.length; i++) s += (lp[i] - mean) ** 2;
  return s / lp.length;
}

/**
 * Drift of a noise residual: how much of the noise is slow (baseline) movement.
 *
 * @module
 */
import { linearRegression } from "simple-statistics";
import { baselineWanderPower } from "./baseline_wander.ts";
import { checkPositive, checkSignal } from "./validate.ts";

/**
 * Drift as an RMS: √(power of the noise below `cutoffHz`, default 0.5 Hz), mean removed
 * (a constant offset is not drift). Same units as the noise.
 */
export function driftRms(noise: Float32Array, sampleRate: number, cutoffHz = 0.5): number {
  return Math.sqrt(baselineWanderPower(noise, sampleRate, cutoffHz));
}

/**
 * Drift as a trend: the slope of a least-squares line through the noise against time, in
 * noise units per minute (simple-statistics `linearRegression`).
 */
export function driftSlopePerMinute(noise: Float32Array, sampleRate: number): number {
  checkSignal(noise, "driftSlopePerMinute: noise", 2);
  checkPositive(sampleRate, "driftSlopePerMinute: sampleRate");
  const pairs: number[][] = new Array(noise.length);
  for (let i = 0; i < noise.length; i++) pairs[i] = [i / sampleRate / 60, noise[i]];
  return linearRegression(pairs).m;
}

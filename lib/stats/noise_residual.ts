/**
 * The sensor noise of one channel against ground truth: what is left of the sensed signal
 * once the clean signal (optionally through the sensor's fitted gain and offset) is removed.
 *
 * Choice: a sensor's gain and offset are systematic, not noise, and are trivially undone by
 * calibration, so by default the residual is taken after a least-squares fit
 * sensed ≈ g·clean + b (`correctGain: true`); the "raw" residual sensed − clean keeps them.
 * The noise study reports the SNR both ways.
 *
 * @module
 */
import { linearRegression } from "simple-statistics";
import { checkSameLength, checkSignal } from "./validate.ts";

/** A fitted sensor gain g and offset b (sensed ≈ g·clean + b). */
export interface GainOffset {
  gain: number;
  offset: number;
}

/**
 * Least-squares gain and offset of `sensed` against `clean` (simple-statistics
 * `linearRegression`). When `clean` is constant the gain is not identifiable; it is then
 * taken as 1 and the offset as mean(sensed − clean).
 */
export function fitGainOffset(sensed: Float32Array, clean: Float32Array): GainOffset {
  checkSignal(sensed, "fitGainOffset: sensed", 2);
  checkSignal(clean, "fitGainOffset: clean", 2);
  checkSameLength(sensed, clean, "fitGainOffset: sensed vs clean");
  let constant = true;
  for (let i = 1; i < clean.length && constant; i++) constant = clean[i] === clean[0];
  if (constant) {
    let d = 0;
    for (let i = 0; i < clean.length; i++) d += sensed[i] - clean[i];
    return { gain: 1, offset: d / clean.length };
  }
  const pairs: number[][] = new Array(clean.length);
  for (let i = 0; i < clean.length; i++) pairs[i] = [clean[i], sensed[i]];
  const { m, b } = linearRegression(pairs);
  return { gain: m, offset: b };
}

/** A noise residual and the gain/offset it was taken against. */
export interface NoiseResidual extends GainOffset {
  /** sensed − (gain·clean + offset), one value per sample. */
  noise: Float32Array;
}

/**
 * The noise residual sensed − (g·clean + b). With `correctGain` (default true) g and b come
 * from {@linkcode fitGainOffset}; without it g = 1, b = 0 (the raw difference).
 */
export function noiseResidual(
  sensed: Float32Array,
  clean: Float32Array,
  correctGain = true,
): NoiseResidual {
  checkSignal(sensed, "noiseResidual: sensed", 2);
  checkSignal(clean, "noiseResidual: clean", 2);
  checkSameLength(sensed, clean, "noiseResidual: sensed vs clean");
  const { gain, offset } = correctGain ? fitGainOffset(sensed, clean) : { gain: 1, offset: 0 };
  const noise = new Float32Array(sensed.length);
  for (let i = 0; i < sensed.length; i++) noise[i] = sensed[i] - (gain * clean[i] + offset);
  return { noise, gain, offset };
}

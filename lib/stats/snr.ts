/**
 * Signal-to-noise ratio in decibels.
 *
 * @module
 */
import { variance } from "simple-statistics";
import { checkSignal } from "./validate.ts";

/** Mean square (1/n)·Σ x² — the power of `x` including its mean. */
export function meanSquare(x: Float32Array): number {
  checkSignal(x, "meanSquare: signal");
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s / x.length;
}

/**
 * SNR = 10·log10(Var(signal) / MS(noise)) dB: the signal's variance (its informative
 * fluctuation; a DC level such as the GSR tonic mean is not counted) over the noise's mean
 * square (everything the sensor adds, an offset included). Infinity for zero noise.
 * Pass the signal in the same units as the noise (e.g. g·clean for a gain-corrected residual).
 */
export function snrDb(signal: Float32Array, noise: Float32Array): number {
  checkSignal(signal, "snrDb: signal", 2);
  checkSignal(noise, "snrDb: noise", 1);
  const ps = variance(Array.from(signal));
  const pn = meanSquare(noise);
  return 10 * Math.log10(ps / pn);
}

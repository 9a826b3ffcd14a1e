/**
 * Skin-conductance responses (SCRs): the phasic bumps of GSR.
 *
 * Method (trough-to-peak, the classic SCR scoring of Boucsein 2012, "Electrodermal
 * Activity", ch. 2.3): the signal is low-passed (two-pass boxcar, −3 dB at 1 Hz), then
 * walked as a zigzag with hysteresis h: a turn (trough or peak) is confirmed once the signal
 * has moved h away from it, so wiggles smaller than h are ignored. Each rise ends in a peak;
 * its onset is found by walking back from the steepest point of the last `maxRiseSeconds`
 * (4 s; SCR rise times are 1–3 s) before the peak until the slope drops to `onsetSlope`
 * (0.005 µS/s), so a slow tonic drift before the response is not counted in it. The SCR
 * amplitude peak − onset is thus measured above the local tonic level; rises below
 * `minAmplitude` (default 0.02 µS, in the customary 0.01–0.05 µS range) and rises never
 * steeper than `onsetSlope` (tonic drift) are discarded. A rise still going at the end of
 * the window counts.
 *
 * @module
 */
import { lowPassBoxcar2 } from "../stats/moving_average.ts";
import { resolveOptions } from "../stats/options.ts";
import { checkPositive, checkSignal } from "../stats/validate.ts";

/** Options of {@linkcode detectScrs}. */
export interface ScrOptions {
  /** Smallest SCR amplitude (trough to peak), µS. */
  minAmplitude: number;
  /** Zigzag hysteresis h, µS: turns smaller than this are noise. */
  hysteresis: number;
  /** Low-pass cutoff (Hz) applied before the zigzag; 0 disables. */
  smoothingHz: number;
  /** Longest rise (s) from onset to peak; earlier parts of a slower rise are tonic. */
  maxRiseSeconds: number;
  /** Slope (µS/s) below which the signal is tonic: where an SCR's onset is placed. */
  onsetSlope: number;
}

/** Defaults: SCRs ≥ 0.02 µS, hysteresis 0.005 µS, 1 Hz smoothing, rises ≤ 4 s, 0.005 µS/s. */
export const DEFAULT_SCR_OPTIONS: Readonly<ScrOptions> = Object.freeze({
  minAmplitude: 0.02,
  hysteresis: 0.005,
  smoothingHz: 1,
  maxRiseSeconds: 4,
  onsetSlope: 0.005,
});

/** Detected SCRs, in time order. */
export interface Scrs {
  /** Sample index of each onset (trough). */
  onsets: Int32Array;
  /** Sample index of each peak. */
  peaks: Int32Array;
  /** Trough-to-peak amplitude of each, µS. */
  amplitudes: Float32Array;
}

/** Detects SCRs in a GSR window sampled at `sampleRate` Hz (method in the module doc). */
export function detectScrs(
  gsr: Float32Array,
  sampleRate: number,
  options?: Partial<ScrOptions>,
): Scrs {
  checkSignal(gsr, "detectScrs: gsr", 2);
  checkPositive(sampleRate, "detectScrs: sampleRate");
  const o = resolveOptions(DEFAULT_SCR_OPTIONS, options, "detectScrs");
  checkPositive(o.minAmplitude, "detectScrs: option minAmplitude");
  checkPositive(o.hysteresis, "detectScrs: option hysteresis");
  checkPositive(o.maxRiseSeconds, "detectScrs: option maxRiseSeconds");
  checkPositive(o.onsetSlope, "detectScrs: option onsetSlope");
  if (!(o.smoothingHz >= 0)) {
    throw new Error(`detectScrs: option "smoothingHz" must be ≥ 0, got ${o.smoothingHz}`);
  }
  const s = o.smoothingHz > 0 ? lowPassBoxcar2(gsr, sampleRate, o.smoothingHz) : gsr;
  const h = o.hysteresis;
  const swings: [number, number][] = [];
  let lo = 0, hi = 0, dir = 0;
  for (let i = 1; i < s.length; i++) {
    const v = s[i];
    if (dir === 0) {
      if (v < s[lo]) lo = i;
      if (v > s[hi]) hi = i;
      if (s[hi] - s[lo] >= h) dir = hi > lo ? 1 : -1;
    } else if (dir === 1) {
      if (v > s[hi]) hi = i;
      else if (s[hi] - v >= h) {
        swings.push([lo, hi]);
        dir = -1;
        lo = i;
      }
    } else {
      if (v < s[lo]) lo = i;
      else if (v - s[lo] >= h) {
        dir = 1;
        hi = i;
      }
    }
  }
  if (dir === 1) swings.push([lo, hi]);
  const maxRise = Math.round(o.maxRiseSeconds * sampleRate);
  const step = o.onsetSlope / sampleRate; // the onset slope as a per-sample rise
  const kept: [number, number][] = [];
  for (const [trough, peak] of swings) {
    const from = Math.max(trough, peak - maxRise);
    let steep = -1;
    for (let i = from + 1; i <= peak; i++) {
      if (s[i] - s[i - 1] > step && (steep < 0 || s[i] - s[i - 1] > s[steep] - s[steep - 1])) {
        steep = i;
      }
    }
    if (steep < 0) continue; // never steeper than a tonic drift
    let onset = steep - 1;
    while (onset > from && s[onset] - s[onset - 1] > step) onset--;
    if (s[peak] - s[onset] >= o.minAmplitude) kept.push([onset, peak]);
  }
  return {
    onsets: Int32Array.from(kept.map(([a]) => a)),
    peaks: Int32Array.from(kept.map(([, b]) => b)),
    amplitudes: Float32Array.from(kept.map(([a, b]) => s[b] - s[a])),
  };
}

/** SCRs per minute of window ({@linkcode detectScrs} count / duration in minutes). */
export function scrRatePerMinute(
  gsr: Float32Array,
  sampleRate: number,
  options?: Partial<ScrOptions>,
): number {
  return detectScrs(gsr, sampleRate, options).peaks.length / (gsr.length / sampleRate / 60);
}

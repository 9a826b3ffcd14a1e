/**
 * The fixed-order hand-crafted feature vector of one window (EEG band powers, ECG heart rate
 * and HRV, GSR tonic level and SCRs), the input of the logistic-regression baseline.
 *
 * @module
 */
import { resolveOptions } from "../stats/options.ts";
import { checkPositive } from "../stats/validate.ts";
import { eegBandPowers } from "./eeg_band_powers.ts";
import { gsrTonicLevel } from "./gsr_tonic.ts";
import { heartRateVariability } from "./heart_rate.ts";
import { type PhysioWindow, windowChannel } from "./physio_window.ts";
import { detectRPeaks } from "./r_peaks.ts";
import { detectScrs } from "./scr_detection.ts";

/** Names of the entries of a {@linkcode windowFeatures} vector, in order. */
export const FEATURE_NAMES = Object.freeze(
  [
    "eeg_delta",
    "eeg_theta",
    "eeg_alpha",
    "eeg_beta",
    "eeg_delta_rel",
    "eeg_theta_rel",
    "eeg_alpha_rel",
    "eeg_beta_rel",
    "eeg_theta_alpha",
    "ecg_hr_bpm",
    "ecg_rmssd_ms",
    "ecg_sdnn_ms",
    "gsr_tonic_us",
    "gsr_scr_per_min",
    "gsr_scr_amp_us",
  ] as const,
);

/** One feature name. */
export type FeatureName = typeof FEATURE_NAMES[number];

/** Options of {@linkcode windowFeatures}. */
export interface WindowFeatureOptions {
  /** Welch segment length for the EEG band powers (s). */
  eegSegmentSeconds: number;
  /** Smallest SCR amplitude counted (µS). */
  scrMinAmplitude: number;
}

/** Defaults: 2 s EEG segments, SCRs ≥ 0.02 µS. */
export const DEFAULT_WINDOW_FEATURE_OPTIONS: Readonly<WindowFeatureOptions> = Object.freeze({
  eegSegmentSeconds: 2,
  scrMinAmplitude: 0.02,
});

/**
 * The feature vector of a window with channels "eeg" (µV), "ecg" (mV) and "gsr" (µS), in
 * {@linkcode FEATURE_NAMES} order: absolute band powers (µV²), relative band powers,
 * theta/alpha, heart rate (bpm), RMSSD and SDNN (ms), tonic GSR (µS), SCRs per minute and
 * their mean amplitude (µS, 0 when there are none). An entry is NaN when the window does not
 * define it (e.g. fewer than 3 R peaks for RMSSD): impute before fitting a model.
 */
export function windowFeatures(
  w: PhysioWindow,
  options?: Partial<WindowFeatureOptions>,
): Float32Array {
  const o = resolveOptions(DEFAULT_WINDOW_FEATURE_OPTIONS, options, "windowFeatures");
  checkPositive(w?.sampleRate, "windowFeatures: window sampleRate");
  const fs = w.sampleRate;
  const eeg = windowChannel(w, "eeg", "windowFeatures");
  const ecg = windowChannel(w, "ecg", "windowFeatures");
  const gsr = windowChannel(w, "gsr", "windowFeatures");
  const bands = eegBandPowers(eeg, fs, { segmentSeconds: o.eegSegmentSeconds });
  const hrv = heartRateVariability(detectRPeaks(ecg, fs).times);
  const scrs = detectScrs(gsr, fs, { minAmplitude: o.scrMinAmplitude });
  let ampSum = 0;
  for (const a of scrs.amplitudes) ampSum += a;
  const minutes = gsr.length / fs / 60;
  return Float32Array.from([
    bands.absolute.delta,
    bands.absolute.theta,
    bands.absolute.alpha,
    bands.absolute.beta,
    bands.relative.delta,
    bands.relative.theta,
    bands.relative.alpha,
    bands.relative.beta,
    bands.thetaAlphaRatio,
    hrv.heartRate,
    hrv.rmssd,
    hrv.sdnn,
    gsrTonicLevel(gsr),
    scrs.peaks.length / minutes,
    scrs.amplitudes.length ? ampSum / scrs.amplitudes.length : 0,
  ]);
}

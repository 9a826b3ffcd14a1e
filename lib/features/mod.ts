/**
 * Hand-crafted physiological features per window: EEG band powers and theta/alpha ratio,
 * ECG R peaks, heart rate and HRV, GSR tonic level and SCRs, and the fixed-order feature
 * vector used by the logistic-regression baseline.
 *
 * @module
 */
export {
  DEFAULT_EEG_BAND_OPTIONS,
  EEG_BANDS,
  type EegBand,
  type EegBandOptions,
  type EegBandPowers,
  eegBandPowers,
} from "./eeg_band_powers.ts";
export {
  DEFAULT_R_PEAK_OPTIONS,
  detectRPeaks,
  qrsBandPass,
  type RPeakOptions,
  type RPeaks,
} from "./r_peaks.ts";
export {
  DEFAULT_HEART_RATE_OPTIONS,
  type HeartRateOptions,
  type HeartRateVariability,
  heartRateVariability,
} from "./heart_rate.ts";
export { gsrTonicLevel } from "./gsr_tonic.ts";
export {
  DEFAULT_SCR_OPTIONS,
  detectScrs,
  type ScrOptions,
  scrRatePerMinute,
  type Scrs,
} from "./scr_detection.ts";
export { type PhysioWindow, windowChannel, windowFromRecording } from "./physio_window.ts";
export {
  DEFAULT_WINDOW_FEATURE_OPTIONS,
  FEATURE_NAMES,
  type FeatureName,
  type WindowFeatureOptions,
  windowFeatures,
} from "./window_features.ts";

/**
 * Spectral estimation and the per-sensor noise study: Welch PSD and band power, noise
 * metrics against ground truth (SNR, noise RMS, drift, kurtosis, artifact rate) and from the
 * signal alone (MAD of differences, mains peak, spike rate, clipping, quantisation, baseline
 * wander), aggregated per (experiment, sensor, channel).
 *
 * @module
 */
export { hannWindow } from "./hann.ts";
export {
  DEFAULT_WELCH_OPTIONS,
  nextPowerOfTwo,
  type Psd,
  type WelchOptions,
  welchPsd,
} from "./welch_psd.ts";
export { bandPower } from "./band_power.ts";
export { lowPassBoxcar2, movingAverage } from "./moving_average.ts";
export { baselineWanderPower } from "./baseline_wander.ts";
export {
  fitGainOffset,
  type GainOffset,
  type NoiseResidual,
  noiseResidual,
} from "./noise_residual.ts";
export { meanSquare, snrDb } from "./snr.ts";
export { driftRms, driftSlopePerMinute } from "./drift.ts";
export { excessKurtosis } from "./kurtosis.ts";
export { madDiffSigma } from "./mad_diff.ts";
export {
  DEFAULT_MAINS_PEAK_OPTIONS,
  type MainsPeak,
  mainsPeak,
  type MainsPeakOptions,
} from "./mains_peak.ts";
export { DEFAULT_SPIKE_OPTIONS, detectSpikes, type SpikeOptions, spikeRate } from "./spike_rate.ts";
export { clipFraction, type ClipOptions, DEFAULT_CLIP_OPTIONS } from "./clip_fraction.ts";
export { type Quantisation, quantisationStep } from "./quantisation_step.ts";
export {
  type ChannelNoiseMetrics,
  channelNoiseMetrics,
  DEFAULT_NOISE_METRICS_OPTIONS,
  type NoiseMetricsOptions,
} from "./channel_noise.ts";
export {
  type MeanSd,
  type MeanSpectrum,
  meanSpectrum,
  noiseStudy,
  type NoiseStudyRow,
} from "./noise_study.ts";
export { formatSig3, noiseTableMarkdown } from "./noise_table.ts";

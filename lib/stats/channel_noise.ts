/**
 * All noise metrics of one channel of one recording: against ground truth when the clean
 * signal is known (surrogate data), and from the sensed signal alone otherwise.
 *
 * @module
 */
import { baselineWanderPower } from "./baseline_wander.ts";
import { clipFraction } from "./clip_fraction.ts";
import { driftRms, driftSlopePerMinute } from "./drift.ts";
import { excessKurtosis } from "./kurtosis.ts";
import { madDiffSigma } from "./mad_diff.ts";
import { mainsPeak } from "./mains_peak.ts";
import { noiseResidual } from "./noise_residual.ts";
import { resolveOptions } from "./options.ts";
import { quantisationStep } from "./quantisation_step.ts";
import { meanSquare, snrDb } from "./snr.ts";
import { spikeRate } from "./spike_rate.ts";
import { checkPositive, checkSameLength, checkSignal } from "./validate.ts";
import { type Psd, welchPsd } from "./welch_psd.ts";

/** Options of {@linkcode channelNoiseMetrics} and the noise study. */
export interface NoiseMetricsOptions {
  /** Take the noise after a least-squares gain/offset fit (see noise_residual.ts). */
  correctGain: boolean;
  /** Welch segment length (s) for the noise and sensed PSDs and the mains peak. */
  psdSegmentSeconds: number;
  /** Drift / baseline wander is the power below this frequency (Hz). */
  driftCutoffHz: number;
  /** Robust z-score threshold of the spike / artifact detector. */
  spikeThreshold: number;
  /** Spike exceedances closer than this (s) are one event. */
  spikeRefractorySeconds: number;
}

/** Defaults of the noise metrics, in one place. */
export const DEFAULT_NOISE_METRICS_OPTIONS: Readonly<NoiseMetricsOptions> = Object.freeze({
  correctGain: true,
  psdSegmentSeconds: 4,
  driftCutoffHz: 0.5,
  spikeThreshold: 6,
  spikeRefractorySeconds: 0.25,
});

/**
 * Noise metrics of one channel. Ground-truth fields (first block) are null when the clean
 * signal is unknown; units are the channel's (µV, mV, µS) unless stated.
 */
export interface ChannelNoiseMetrics {
  /** SNR (dB) after the gain/offset fit: Var(g·clean) / MS(sensed − g·clean − b). */
  snrDb: number | null;
  /** SNR (dB) of the raw difference: Var(clean) / MS(sensed − clean). */
  snrDbRaw: number | null;
  /** Fitted sensor gain g (1 when `correctGain` is off). */
  gain: number | null;
  /** Fitted sensor offset b (0 when `correctGain` is off). */
  offset: number | null;
  /** RMS of the noise residual. */
  noiseRms: number | null;
  /** RMS of the noise residual below `driftCutoffHz`. */
  drift: number | null;
  /** Linear trend of the noise residual, units per minute. */
  driftSlope: number | null;
  /** Excess kurtosis of the noise residual (0 Gaussian, ≫ 0 spiky). */
  kurtosis: number | null;
  /** Spike events per minute in the noise residual. */
  artifactRate: number | null;
  /** Welch PSD of the noise residual. */
  noisePsd: Psd | null;

  /** White-noise sd estimate from first differences (no ground truth). */
  madDiffSigma: number;
  /** Mains frequency that stands out more, or null when neither can be analysed. */
  mainsHz: 50 | 60 | null;
  /** Its peak height in dB above neighbouring bins. */
  mainsPeakDb: number | null;
  /** Spike events per minute in the sensed signal. */
  spikeRate: number;
  /** Fraction of samples at the rails (pile-up rule). */
  clipFraction: number;
  /** Estimated ADC step. */
  quantStep: number;
  /** Power of the sensed signal below `driftCutoffHz` (units²). */
  baselineWander: number;
  /** Welch PSD of the sensed signal. */
  sensedPsd: Psd;
}

/**
 * Computes {@linkcode ChannelNoiseMetrics} for one channel sampled at `sampleRate` Hz;
 * pass `clean = null` when there is no ground truth.
 */
export function channelNoiseMetrics(
  sensed: Float32Array,
  clean: Float32Array | null,
  sampleRate: number,
  options?: Partial<NoiseMetricsOptions>,
): ChannelNoiseMetrics {
  checkSignal(sensed, "channelNoiseMetrics: sensed", 4);
  checkPositive(sampleRate, "channelNoiseMetrics: sampleRate");
  const o = resolveOptions(DEFAULT_NOISE_METRICS_OPTIONS, options, "channelNoiseMetrics");
  const spikeOpts = {
    threshold: o.spikeThreshold,
    refractorySeconds: o.spikeRefractorySeconds,
    detrendCutoffHz: o.driftCutoffHz,
  };
  const psdOpts = { segmentSeconds: o.psdSegmentSeconds };
  const mains = mainsPeak(sensed, sampleRate, { segmentSeconds: o.psdSegmentSeconds });
  const blind = {
    madDiffSigma: madDiffSigma(sensed),
    mainsHz: mains.frequency,
    mainsPeakDb: mains.peakDb,
    spikeRate: spikeRate(sensed, sampleRate, spikeOpts),
    clipFraction: clipFraction(sensed),
    quantStep: quantisationStep(sensed).step,
    baselineWander: baselineWanderPower(sensed, sampleRate, o.driftCutoffHz),
    sensedPsd: welchPsd(sensed, sampleRate, psdOpts),
  };
  if (clean === null) {
    return {
      snrDb: null,
      snrDbRaw: null,
      gain: null,
      offset: null,
      noiseRms: null,
      drift: null,
      driftSlope: null,
      kurtosis: null,
      artifactRate: null,
      noisePsd: null,
      ...blind,
    };
  }
  checkSignal(clean, "channelNoiseMetrics: clean", 4);
  checkSameLength(sensed, clean, "channelNoiseMetrics: sensed vs clean");
  const raw = noiseResidual(sensed, clean, false);
  const fit = noiseResidual(sensed, clean, true);
  const scaled = new Float32Array(clean.length);
  for (let i = 0; i < clean.length; i++) scaled[i] = fit.gain * clean[i];
  const r = o.correctGain ? fit : raw;
  return {
    snrDb: snrDb(scaled, fit.noise),
    snrDbRaw: snrDb(clean, raw.noise),
    gain: r.gain,
    offset: r.offset,
    noiseRms: Math.sqrt(meanSquare(r.noise)),
    drift: driftRms(r.noise, sampleRate, o.driftCutoffHz),
    driftSlope: driftSlopePerMinute(r.noise, sampleRate),
    kurtosis: excessKurtosis(r.noise),
    artifactRate: spikeRate(r.noise, sampleRate, spikeOpts),
    noisePsd: welchPsd(r.noise, sampleRate, psdOpts),
    ...blind,
  };
}

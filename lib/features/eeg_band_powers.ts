/**
 * EEG band powers: absolute and relative power in the classic delta, theta, alpha and beta
 * bands, and the theta/alpha ratio (rises with drowsiness).
 *
 * @module
 */
import { bandPower } from "../stats/band_power.ts";
import { resolveOptions } from "../stats/options.ts";
import { checkPositive, checkSignal } from "../stats/validate.ts";
import { welchPsd } from "../stats/welch_psd.ts";

/** The EEG bands, [lo, hi) in Hz. */
export const EEG_BANDS = Object.freeze({
  delta: [0.5, 4] as const,
  theta: [4, 8] as const,
  alpha: [8, 13] as const,
  beta: [13, 30] as const,
});

/** Name of one EEG band. */
export type EegBand = keyof typeof EEG_BANDS;

/** Band powers of one EEG window. */
export interface EegBandPowers {
  /** Absolute power per band, µV² (signal units²). */
  absolute: Record<EegBand, number>;
  /** Band power / total power of the four bands (0.5–30 Hz); the four sum to 1. */
  relative: Record<EegBand, number>;
  /** Total power 0.5–30 Hz, µV². */
  total: number;
  /** theta / alpha absolute power. */
  thetaAlphaRatio: number;
}

/** Options of {@linkcode eegBandPowers}. */
export interface EegBandOptions {
  /** Welch segment length in seconds (2 s → 0.5 Hz bins; shortened to the window). */
  segmentSeconds: number;
}

/** Defaults: 2 s Welch segments. */
export const DEFAULT_EEG_BAND_OPTIONS: Readonly<EegBandOptions> = Object.freeze({
  segmentSeconds: 2,
});

/**
 * Band powers of an EEG window from its Welch PSD (Hann, 50 % overlap):
 * P_band = Σ_{lo ≤ f_k < hi} PSD(f_k)·Δf. Relative powers and the ratio are NaN when the
 * window has no power in the bands.
 */
export function eegBandPowers(
  eeg: Float32Array,
  sampleRate: number,
  options?: Partial<EegBandOptions>,
): EegBandPowers {
  checkSignal(eeg, "eegBandPowers: eeg", 8);
  checkPositive(sampleRate, "eegBandPowers: sampleRate");
  const o = resolveOptions(DEFAULT_EEG_BAND_OPTIONS, options, "eegBandPowers");
  checkPositive(o.segmentSeconds, "eegBandPowers: option segmentSeconds");
  const psd = welchPsd(eeg, sampleRate, { segmentSeconds: o.segmentSeconds });
  const names = Object.keys(EEG_BANDS) as EegBand[];
  const absolute = {} as Record<EegBand, number>;
  for (const b of names) absolute[b] = bandPower(psd, EEG_BANDS[b][0], EEG_BANDS[b][1]);
  const total = names.reduce((s, b) => s + absolute[b], 0);
  const relative = {} as Record<EegBand, number>;
  for (const b of names) relative[b] = total > 0 ? absolute[b] / total : NaN;
  const thetaAlphaRatio = absolute.alpha > 0 ? absolute.theta / absolute.alpha : NaN;
  return { absolute, relative, total, thetaAlphaRatio };
}

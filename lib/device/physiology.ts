/**
 * How the three signals of the Fantasy Device depend on the driver's mode, and how drivers
 * differ from one another.
 *
 * The numbers are a surrogate, chosen to follow the direction of well-known findings rather
 * than any one data set:
 * - **EEG** (µV): with falling vigilance, power moves from beta (13–30 Hz) and alpha
 *   (8–13 Hz) towards theta (4–8 Hz) and delta (0.5–4 Hz); the alpha rhythm first rises in
 *   relaxed wakefulness, then slows and drops out at sleep onset; sleep spindles (12–14 Hz
 *   bursts) appear in light sleep (Lal & Craig 2001, "A critical review of the
 *   psychophysiology of driver fatigue"; Rechtschaffen & Kales 1968 sleep staging).
 * - **ECG** (mV): heart rate falls and heart-rate variability (RMSSD) rises as vagal tone
 *   increases towards sleep; respiration slows, so respiratory sinus arrhythmia moves to
 *   lower frequency (Task Force of the ESC/NASPE 1996, HRV standards).
 * - **GSR** (µS): the tonic skin-conductance level and the rate of spontaneous
 *   skin-conductance responses (SCRs) fall with arousal (Boucsein 2012,
 *   "Electrodermal Activity").
 *
 * @module
 */
import type { Mode } from "./modes.ts";
import type { Rng } from "../random/rng.ts";

/** Signal parameters of one mode, for an average driver. */
export interface ModePhysiology {
  /** RMS amplitude in µV of the EEG delta, theta, alpha and beta components. */
  eegDelta: number;
  eegTheta: number;
  eegAlpha: number;
  eegBeta: number;
  /** Shift of the alpha peak frequency in Hz (negative: alpha slows). */
  alphaShift: number;
  /** Sleep spindles per minute (12–14 Hz bursts of ~1 s). */
  spindleRate: number;
  /** Heart rate in beats per minute. */
  heartRate: number;
  /** Target RMSSD of RR intervals in ms. */
  rmssd: number;
  /** Respiration rate in breaths per minute (drives respiratory sinus arrhythmia). */
  respirationRate: number;
  /** Tonic skin-conductance level in µS. */
  scl: number;
  /** Spontaneous skin-conductance responses per minute. */
  scrRate: number;
}

/** The mode table: physiology of each mode for an average driver. */
export const MODE_PHYSIOLOGY: Readonly<Record<Mode, Readonly<ModePhysiology>>> = {
  alert: {
    eegDelta: 6,
    eegTheta: 4,
    eegAlpha: 4,
    eegBeta: 7,
    alphaShift: 0,
    spindleRate: 0,
    heartRate: 80,
    rmssd: 25,
    respirationRate: 16,
    scl: 9,
    scrRate: 8,
  },
  normal: {
    eegDelta: 7,
    eegTheta: 5,
    eegAlpha: 8,
    eegBeta: 5,
    alphaShift: 0,
    spindleRate: 0,
    heartRate: 72,
    rmssd: 32,
    respirationRate: 14,
    scl: 7,
    scrRate: 5,
  },
  drowsy: {
    eegDelta: 10,
    eegTheta: 10,
    eegAlpha: 6,
    eegBeta: 3.5,
    alphaShift: -1.5,
    spindleRate: 0.5,
    heartRate: 66,
    rmssd: 42,
    respirationRate: 12,
    scl: 5,
    scrRate: 2.5,
  },
  asleep: {
    eegDelta: 22,
    eegTheta: 9,
    eegAlpha: 2.5,
    eegBeta: 2.5,
    alphaShift: -2,
    spindleRate: 4,
    heartRate: 60,
    rmssd: 50,
    respirationRate: 11,
    scl: 4,
    scrRate: 1,
  },
};

/** What makes one driver differ from the average; all scales are multiplicative. */
export interface DriverProfile {
  /** Individual alpha frequency in Hz (around 10). */
  alphaFrequency: number;
  /** Scale of all EEG amplitudes (skull thickness, electrode placement). */
  eegScale: number;
  /** Scale of the heart rate. */
  heartRateScale: number;
  /** Scale of RMSSD. */
  hrvScale: number;
  /** R-wave amplitude in mV. */
  rAmplitude: number;
  /** Scale of the tonic skin-conductance level. */
  sclScale: number;
  /** Scale of the SCR rate. */
  scrRateScale: number;
  /** Mean SCR amplitude in µS. */
  scrAmplitude: number;
}

/**
 * How an experiment shifts the physiology of all its drivers (protocol, population, season):
 * the surrogate for the four real experiments not being identical.
 */
export interface PhysiologyShift {
  alphaFrequencyShift: number;
  eegScale: number;
  heartRateScale: number;
  sclScale: number;
  scrRateScale: number;
}

/** No shift. */
export const NO_SHIFT: Readonly<PhysiologyShift> = {
  alphaFrequencyShift: 0,
  eegScale: 1,
  heartRateScale: 1,
  sclScale: 1,
  scrRateScale: 1,
};

function lognormal(rng: Rng, sd: number): number {
  return Math.exp(sd * rng.normal() - (sd * sd) / 2);
}

/** Draws one driver's profile; `spread` scales the between-driver variation (1 = default). */
export function drawDriver(rng: Rng, shift: PhysiologyShift = NO_SHIFT, spread = 1): DriverProfile {
  if (!(spread >= 0)) throw new Error(`drawDriver: spread must be ≥ 0, got ${spread}`);
  return {
    alphaFrequency: 10 + shift.alphaFrequencyShift + 0.6 * spread * rng.normal(),
    eegScale: shift.eegScale * lognormal(rng, 0.15 * spread),
    heartRateScale: shift.heartRateScale * lognormal(rng, 0.06 * spread),
    hrvScale: lognormal(rng, 0.15 * spread),
    rAmplitude: 1.2 * lognormal(rng, 0.15 * spread),
    sclScale: shift.sclScale * lognormal(rng, 0.25 * spread),
    scrRateScale: shift.scrRateScale * lognormal(rng, 0.15 * spread),
    scrAmplitude: 0.25 * lognormal(rng, 0.2 * spread),
  };
}

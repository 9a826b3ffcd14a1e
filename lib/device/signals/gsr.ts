/**
 * The Fantasy Device's GSR (skin conductance, µS): a tonic level that follows the mode with a
 * slow drift, plus spontaneous skin-conductance responses (SCRs) arriving as a Poisson
 * process at the mode's rate, each a bi-exponential bump (rise 0.75 s, decay 2.5 s;
 * after Benedek & Kaernbach 2010, "Decomposition of skin conductance data").
 *
 * @module
 */
import type { Rng } from "../../random/rng.ts";
import { bandNoise } from "../../dsp/noise.ts";
import type { DriverProfile } from "../physiology.ts";
import { physiologyTrajectory } from "./mode_params.ts";

/** Rise and decay time constants of an SCR, in seconds. */
export const SCR_SHAPE = { rise: 0.75, decay: 2.5 } as const;
/** RMS of the slow tonic drift in µS. */
export const TONIC_DRIFT_RMS = 0.3;

/** The clean GSR of one drive and the onset times (s) and amplitudes (µS) of its SCRs. */
export interface GsrResult {
  signal: Float32Array;
  scrOnsets: Float64Array;
  scrAmplitudes: Float64Array;
}

/** Generates the clean GSR of one drive. */
export function generateGsr(
  labels: Uint8Array,
  sampleRate: number,
  driver: DriverProfile,
  rng: Rng,
): GsrResult {
  const n = labels.length;
  const fs = sampleRate;
  const scl = physiologyTrajectory("scl", labels, fs, driver.sclScale);
  const rate = physiologyTrajectory("scrRate", labels, fs, driver.scrRateScale / 60);
  const drift = n > 8 * fs ? bandNoise(n, fs, 0, 0.02, rng.fork("drift")) : new Float32Array(n);
  const signal = new Float32Array(n);
  for (let i = 0; i < n; i++) signal[i] = scl[i] + TONIC_DRIFT_RMS * drift[i];
  const { rise, decay } = SCR_SHAPE;
  const tPeak = (Math.log(decay / rise) * rise * decay) / (decay - rise);
  const peakValue = Math.exp(-tPeak / decay) - Math.exp(-tPeak / rise);
  const tail = Math.round(8 * decay * fs);
  const events = rng.fork("scr");
  const onsets: number[] = [];
  const amps: number[] = [];
  for (let i = 0; i < n; i++) {
    if (events.uniform() >= rate[i] / fs) continue;
    const amp = events.gamma(2, driver.scrAmplitude / 2);
    onsets.push(i / fs);
    amps.push(amp);
    for (let k = 0; k < tail && i + k < n; k++) {
      const t = k / fs;
      signal[i + k] += (amp * (Math.exp(-t / decay) - Math.exp(-t / rise))) / peakValue;
    }
  }
  return {
    signal,
    scrOnsets: Float64Array.from(onsets),
    scrAmplitudes: Float64Array.from(amps),
  };
}

/**
 * The Fantasy Device's ECG (mV): a beat-to-beat RR series with the mode's heart rate,
 * respiratory sinus arrhythmia, a 0.1 Hz (Mayer-wave) component and random variation sized
 * to the mode's RMSSD; each beat drawn as a sum of Gaussian P, Q, R, S and T waves
 * (after McSharry et al. 2003, "A dynamical model for generating synthetic ECG signals").
 *
 * @module
 */
import type { Rng } from "../../random/rng.ts";
import type { DriverProfile } from "../physiology.ts";
import { physiologyTrajectory } from "./mode_params.ts";

/** One Gaussian wave of the beat template: offset from the R peak (s), amplitude (× R), width (s). */
interface Wave {
  offset: number;
  amplitude: number;
  width: number;
  /** Whether the offset scales with √RR (Bazett-like QT adaptation). */
  scales: boolean;
}

/** The beat template relative to the R peak, amplitudes as fractions of the R amplitude. */
export const BEAT_TEMPLATE: readonly Wave[] = [
  { offset: -0.2, amplitude: 0.12, width: 0.025, scales: false },
  { offset: -0.028, amplitude: -0.12, width: 0.008, scales: false },
  { offset: 0, amplitude: 1, width: 0.01, scales: false },
  { offset: 0.03, amplitude: -0.25, width: 0.01, scales: false },
  { offset: 0.27, amplitude: 0.3, width: 0.05, scales: true },
];

/** The clean ECG of one drive and the times of its R peaks (s). */
export interface EcgResult {
  signal: Float32Array;
  rPeaks: Float64Array;
}

/** Generates the clean ECG of one drive. */
export function generateEcg(
  labels: Uint8Array,
  sampleRate: number,
  driver: DriverProfile,
  rng: Rng,
): EcgResult {
  const n = labels.length;
  const fs = sampleRate;
  const duration = n / fs;
  const hr = physiologyTrajectory("heartRate", labels, fs, driver.heartRateScale);
  const rmssd = physiologyTrajectory("rmssd", labels, fs, driver.hrvScale / 1000);
  const resp = physiologyTrajectory("respirationRate", labels, fs, 1 / 60);
  const peaks: number[] = [];
  let t = rng.range(0.1, 0.8);
  let respPhase = rng.range(0, 2 * Math.PI);
  let mayerPhase = rng.range(0, 2 * Math.PI);
  while (t < duration) {
    peaks.push(t);
    const i = Math.min(n - 1, Math.floor(t * fs));
    const rrMean = 60 / hr[i];
    const fr = resp[i];
    // Split the target RMSSD between RSA (60 %) and beat-to-beat noise (40 %):
    // RMSSD² ≈ 2σ² + 2A²·sin²(π·f_resp·RR).
    const target = rmssd[i];
    const rsa = (target * Math.sqrt(0.3)) / Math.max(0.2, Math.sin(Math.PI * fr * rrMean));
    const sigma = target * Math.sqrt(0.2);
    const rr = rrMean + rsa * Math.sin(respPhase) + 0.015 * rrMean * Math.sin(mayerPhase) +
      sigma * rng.normal();
    const step = Math.max(0.3, rr);
    respPhase += 2 * Math.PI * fr * step;
    mayerPhase += 2 * Math.PI * 0.1 * step;
    t += step;
  }
  const signal = new Float32Array(n);
  for (let b = 0; b < peaks.length; b++) {
    const rr = b + 1 < peaks.length ? peaks[b + 1] - peaks[b] : peaks[b] - (peaks[b - 1] ?? 0);
    const amp = driver.rAmplitude * (1 + 0.05 * Math.sin(2 * Math.PI * 0.25 * peaks[b]));
    for (const w of BEAT_TEMPLATE) {
      const centre = peaks[b] + w.offset * (w.scales ? Math.sqrt(Math.max(0.3, rr)) : 1);
      const lo = Math.max(0, Math.floor((centre - 4 * w.width) * fs));
      const hi = Math.min(n - 1, Math.ceil((centre + 4 * w.width) * fs));
      for (let i = lo; i <= hi; i++) {
        const z = (i / fs - centre) / w.width;
        signal[i] += amp * w.amplitude * Math.exp(-0.5 * z * z);
      }
    }
  }
  return { signal, rPeaks: Float64Array.from(peaks) };
}

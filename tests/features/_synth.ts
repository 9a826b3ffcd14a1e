/**
 * Synthetic physiological test signals with known ground truth: an ECG with Gaussian-shaped
 * P-QRS-T waves at jittered RR intervals, and a GSR with Bateman-shaped SCRs on a drifting
 * tonic level.
 *
 * @module
 */
import { Rng } from "../../lib/random/rng.ts";

function addGaussian(x: Float32Array, fs: number, t0: number, amp: number, sigma: number): void {
  const from = Math.max(0, Math.floor((t0 - 5 * sigma) * fs));
  const to = Math.min(x.length - 1, Math.ceil((t0 + 5 * sigma) * fs));
  for (let i = from; i <= to; i++) x[i] += amp * Math.exp(-0.5 * ((i / fs - t0) / sigma) ** 2);
}

/** A synthetic ECG (mV) and the true R-peak times (s). */
export interface SyntheticEcg {
  ecg: Float32Array;
  rTimes: number[];
}

/**
 * ECG of `seconds` s at `fs` Hz: beats with RR = meanRr + N(0, rrSd) s, QRS a sum of
 * Gaussians (Q −0.1, R 1.2, S −0.25 mV), P and T waves, 0.25 Hz baseline wander of 0.15 mV
 * and white noise of `noiseSd` mV. `scale` maps a beat index to an amplitude factor.
 */
export function syntheticEcg(
  seed: string,
  fs: number,
  seconds: number,
  opts: { meanRr?: number; rrSd?: number; noiseSd?: number; scale?: (k: number) => number } = {},
): SyntheticEcg {
  const { meanRr = 0.8, rrSd = 0.03, noiseSd = 0.02, scale = () => 1 } = opts;
  const rng = new Rng(seed);
  const n = Math.round(fs * seconds);
  const ecg = new Float32Array(n);
  const rTimes: number[] = [];
  for (let t = 0.5, k = 0; t < seconds - 0.5; t += meanRr + rrSd * rng.normal(), k++) {
    const a = scale(k);
    rTimes.push(t);
    addGaussian(ecg, fs, t - 0.16, 0.12 * a, 0.025);
    addGaussian(ecg, fs, t - 0.03, -0.1 * a, 0.008);
    addGaussian(ecg, fs, t, 1.2 * a, 0.01);
    addGaussian(ecg, fs, t + 0.03, -0.25 * a, 0.009);
    addGaussian(ecg, fs, t + 0.28, 0.3 * a, 0.05);
  }
  for (let i = 0; i < n; i++) {
    ecg[i] += 0.15 * Math.sin(2 * Math.PI * 0.25 * (i / fs)) + noiseSd * rng.normal();
  }
  return { ecg, rTimes };
}

/** Bateman SCR shape with rise τr and decay τd (s), normalised to a peak of 1. */
export function bateman(t: number, tauRise = 0.75, tauDecay = 2.5): number {
  if (t <= 0) return 0;
  const tPeak = (Math.log(tauDecay / tauRise) * tauRise * tauDecay) / (tauDecay - tauRise);
  const peak = Math.exp(-tPeak / tauDecay) - Math.exp(-tPeak / tauRise);
  return (Math.exp(-t / tauDecay) - Math.exp(-t / tauRise)) / peak;
}

/**
 * GSR (µS) of `seconds` s at `fs` Hz: tonic 4 µS with a slow drift (≤ 0.003 µS/s), SCRs of the given
 * amplitudes at the given onsets (s), white noise of `noiseSd` µS; `drift: false` keeps
 * the tonic level flat.
 */
export function syntheticGsr(
  seed: string,
  fs: number,
  seconds: number,
  scrs: { onset: number; amp: number }[],
  noiseSd = 0.002,
  drift = true,
): Float32Array {
  const rng = new Rng(seed);
  const n = Math.round(fs * seconds);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    let v = drift ? 4 + (0.1 * t) / seconds + 0.03 * Math.sin(2 * Math.PI * 0.01 * t) : 4;
    for (const s of scrs) v += s.amp * bateman(t - s.onset);
    x[i] = v + noiseSd * rng.normal();
  }
  return x;
}

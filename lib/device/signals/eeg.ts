/**
 * The Fantasy Device's EEG (µV): band-limited Gaussian rhythms whose amplitudes follow the
 * mode (see `MODE_PHYSIOLOGY`), a slowing alpha, sleep spindles, and a 1/f background.
 *
 * @module
 */
import type { Rng } from "../../random/rng.ts";
import { bandNoise, pinkNoise } from "../../dsp/noise.ts";
import type { DriverProfile } from "../physiology.ts";
import { physiologyTrajectory } from "./mode_params.ts";

/** RMS of the 1/f background in µV. */
export const EEG_BACKGROUND_RMS = 2;
/** Peak amplitude of a sleep spindle in µV, its frequency in Hz and duration in s. */
export const SPINDLE = { amplitude: 14, frequency: 13, duration: 1 } as const;

/**
 * Generates the clean EEG of one drive: delta (0.5–4 Hz), theta (4–8 Hz), alpha (±1 Hz
 * around the driver's alpha frequency, crossfading to a band 1.5 Hz slower as
 * `alphaShift` goes negative), beta (13–30 Hz), Poisson sleep spindles and pink noise.
 */
export function generateEeg(
  labels: Uint8Array,
  sampleRate: number,
  driver: DriverProfile,
  rng: Rng,
): Float32Array {
  const n = labels.length;
  const fs = sampleRate;
  const traj = (f: Parameters<typeof physiologyTrajectory>[0]) =>
    physiologyTrajectory(f, labels, fs);
  const delta = bandNoise(n, fs, 0.5, 4, rng.fork("delta"));
  const theta = bandNoise(n, fs, 4, 8, rng.fork("theta"));
  const iaf = driver.alphaFrequency;
  const alphaFast = bandNoise(n, fs, iaf - 1, iaf + 1, rng.fork("alpha"));
  const alphaSlow = bandNoise(n, fs, iaf - 2.5, iaf - 0.5, rng.fork("alpha-slow"));
  const beta = bandNoise(n, fs, 13, 30, rng.fork("beta"));
  const background = pinkNoise(n, rng.fork("background"));
  const aDelta = traj("eegDelta"), aTheta = traj("eegTheta"), aAlpha = traj("eegAlpha");
  const aBeta = traj("eegBeta"), shift = traj("alphaShift"), spindles = traj("spindleRate");
  const out = new Float32Array(n);
  const spindleRng = rng.fork("spindles");
  const spindleLen = Math.round(SPINDLE.duration * fs);
  for (let i = 0; i < n; i++) {
    const slow = Math.min(1, Math.max(0, -shift[i] / 1.5));
    const alpha = Math.sqrt(1 - slow) * alphaFast[i] + Math.sqrt(slow) * alphaSlow[i];
    out[i] += aDelta[i] * delta[i] + aTheta[i] * theta[i] + aAlpha[i] * alpha +
      aBeta[i] * beta[i] + EEG_BACKGROUND_RMS * background[i];
    if (spindleRng.uniform() < spindles[i] / 60 / fs) {
      for (let k = 0; k < spindleLen && i + k < n; k++) {
        const hann = 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / (spindleLen - 1));
        out[i + k] += SPINDLE.amplitude * hann * Math.sin(2 * Math.PI * SPINDLE.frequency * k / fs);
      }
    }
  }
  for (let i = 0; i < n; i++) out[i] *= driver.eegScale;
  return out;
}

/**
 * The sensor model: how a sensor turns the true signal into a recording. For each channel:
 *
 *   x = g·s + wander + pink + white + mains + motion + pops   (analogue front end)
 *   y = lowpass(highpass(x)) + offset                          (band limit, zero-phase)
 *   r = quantise(clip(y, range), bits)                         (ADC)
 *
 * where s is the clean signal, g the gain, wander low-pass noise (below 0.3 Hz for
 * electrodes, below 0.03 Hz for skin conductance, so that it is not mistaken for SCRs), pink 1/f
 * noise, mains a 50/60 Hz sinusoid with its third harmonic, motion biphasic spikes shared
 * by all channels, and pops electrode-pop steps with exponential recovery.
 *
 * The band limit is zero-phase (forward–backward Butterworth), standing in for the
 * linear-phase, delay-compensated decimation filters of modern sigma-delta ADCs; so the
 * difference between a recording and its clean signal is noise and distortion, not delay.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import { bandNoise, pinkNoise, whiteNoise } from "../dsp/noise.ts";
import { filtfilt } from "../dsp/iir.ts";

/** What a sensor does to one channel. Amplitudes are in the channel's unit (µV, mV, µS). */
export interface ChannelNoise {
  /** Gain (calibration error of the front end); 1 = exact. */
  gain: number;
  /** DC offset added after the band limit. */
  offset: number;
  /** High-pass corner in Hz (AC coupling), or null for DC-coupled channels. */
  highpass: number | null;
  /** Low-pass corner in Hz (anti-alias band limit). */
  lowpass: number;
  /** RMS of baseline wander. */
  wander: number;
  /** Upper frequency of the baseline wander in Hz (0.3 for electrodes; slower for GSR). */
  wanderBand: number;
  /** RMS of white noise. */
  white: number;
  /** RMS of 1/f noise. */
  pink: number;
  /** Peak amplitude of mains interference at the fundamental (third harmonic at 30 %). */
  mains: number;
  /** ADC input range [low, high]; values beyond are clipped. */
  range: readonly [number, number];
  /** ADC resolution in bits over the range. */
  bits: number;
  /** Peak amplitude of a motion spike in this channel. */
  motion: number;
  /** Step height of an electrode pop in this channel. */
  pop: number;
}

/** A sensor: its sampling, mains environment, artifact rates and per-channel behaviour. */
export interface SensorModel {
  name: string;
  description: string;
  /** Sampling rate in Hz. */
  sampleRate: number;
  /** Mains frequency of the recording site. */
  mainsFrequency: 50 | 60;
  /** Motion artifacts per minute (shared by all channels). */
  motionRate: number;
  /** Electrode pops per minute, per channel. */
  popRate: number;
  /**
   * Recording-to-recording variation: each recording draws its gain, offset and noise levels
   * as the preset's value times a log-normal factor with this sd (gain with a tenth of it).
   */
  variation: number;
  channels: Readonly<Record<string, Readonly<ChannelNoise>>>;
}

/** Draws one recording's concrete channel behaviour from a sensor preset. */
export function drawSensorInstance(
  sensor: SensorModel,
  channel: string,
  rng: Rng,
): ChannelNoise {
  const base = sensor.channels[channel];
  if (!base) {
    throw new Error(
      `Sensor ${sensor.name} has no channel '${channel}' (it has ${
        Object.keys(sensor.channels).join(", ")
      })`,
    );
  }
  const v = sensor.variation;
  const ln = (sd: number) => Math.exp(sd * rng.normal() - (sd * sd) / 2);
  return {
    ...base,
    gain: base.gain * ln(v / 10),
    offset: base.offset * ln(v),
    wander: base.wander * ln(v),
    white: base.white * ln(v),
    pink: base.pink * ln(v),
    mains: base.mains * ln(v),
  };
}

/** Times (s) of Poisson events at `perMinute` over `duration` seconds. */
export function poissonTimes(perMinute: number, duration: number, rng: Rng): number[] {
  const times: number[] = [];
  if (perMinute <= 0) return times;
  let t = rng.exponential(60 / perMinute);
  while (t < duration) {
    times.push(t);
    t += rng.exponential(60 / perMinute);
  }
  return times;
}

/**
 * Passes one clean channel through a sensor channel. `motionTimes` are shared across the
 * recording's channels so that one movement disturbs all of them at once.
 */
export function senseChannel(
  clean: Float32Array,
  sampleRate: number,
  noise: ChannelNoise,
  mainsFrequency: number,
  motionTimes: readonly number[],
  popRate: number,
  rng: Rng,
): Float32Array {
  const n = clean.length;
  const fs = sampleRate;
  const wander = n > 4 * fs / noise.wanderBand
    ? bandNoise(n, fs, 0, noise.wanderBand, rng.fork("wander"))
    : new Float32Array(n);
  const pink = pinkNoise(n, rng.fork("pink"));
  const white = whiteNoise(n, rng.fork("white"));
  const phase = rng.range(0, 2 * Math.PI);
  const phase3 = rng.range(0, 2 * Math.PI);
  const has3 = 3 * mainsFrequency < fs / 2;
  let x: Float32Array = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    let m = Math.sin(2 * Math.PI * mainsFrequency * t + phase);
    if (has3) m += 0.3 * Math.sin(2 * Math.PI * 3 * mainsFrequency * t + phase3);
    x[i] = noise.gain * clean[i] + noise.wander * wander[i] + noise.pink * pink[i] +
      noise.white * white[i] + noise.mains * m;
  }
  const art = rng.fork("artifacts");
  for (const tm of motionTimes) {
    const width = art.range(0.04, 0.1);
    const amp = noise.motion * art.range(0.5, 1.5) * (art.uniform() < 0.5 ? -1 : 1);
    const c = tm * fs;
    const lo = Math.max(0, Math.floor(c - 5 * width * fs));
    const hi = Math.min(n - 1, Math.ceil(c + 5 * width * fs));
    for (let i = lo; i <= hi; i++) {
      const z = (i - c) / (width * fs);
      x[i] += amp * 1.6487 * z * Math.exp(-0.5 * z * z); // biphasic, peak ±amp
    }
  }
  for (const tp of poissonTimes(popRate, n / fs, art)) {
    const tau = art.range(0.2, 1);
    const amp = noise.pop * art.range(0.5, 1.5) * (art.uniform() < 0.5 ? -1 : 1);
    for (let i = Math.ceil(tp * fs); i < n; i++) {
      const d = Math.exp(-(i / fs - tp) / tau);
      if (d < 1e-3) break;
      x[i] += amp * d;
    }
  }
  if (noise.highpass !== null) {
    x = filtfilt(x, { kind: "highpass", sections: 1, sampleRate: fs, cutoff: noise.highpass });
  }
  if (noise.lowpass < fs / 2) {
    x = filtfilt(x, { kind: "lowpass", sections: 2, sampleRate: fs, cutoff: noise.lowpass });
  }
  const [lo, hi] = noise.range;
  const step = (hi - lo) / 2 ** noise.bits;
  for (let i = 0; i < n; i++) {
    const y = Math.min(hi, Math.max(lo, x[i] + noise.offset));
    x[i] = noise.bits >= 24 ? y : lo + Math.round((y - lo) / step) * step;
  }
  return x;
}

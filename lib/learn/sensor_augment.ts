/**
 * The sensor-simulating augmentation: a window as another sensor would have recorded it.
 * Two such views of one window differ by what the four sensors of the Fantasy Device differ
 * by (gain, offset, drift, noise, mains), which is the natural positive pair here.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import type { SensorModel } from "../device/sensor.ts";
import { SENSOR_PRESETS } from "../device/presets.ts";
import { pinkNoise } from "../dsp/noise.ts";
import type { Augmentation } from "../augment/window.ts";
import { checkWindow } from "../augment/window.ts";
import { channelMeans, channelStandardDeviations } from "../augment/channel_stats.ts";
import { requireNumberIn, requireOneOf } from "../augment/options.ts";
import {
  drawPresetSensor,
  drawSpanSensor,
  resolveSensors,
  sensorSpan,
  type SimulatedChannel,
  type SimulatedSensor,
} from "./simulated_sensor.ts";

/** Options of {@linkcode sensorSimulation}; defaults in {@linkcode SENSOR_SIMULATION_DEFAULTS}. */
export interface SensorSimulationOptions {
  /** Names of the window's channels, in the order of its last axis (must exist in the sensors). */
  channels?: string[];
  /** Sampling rate of the windows in Hz (sets the mains and drift frequencies). */
  sampleRate?: number;
  /** Sensors to simulate: preset names (see `SENSOR_PRESETS`) or custom `SensorModel`s. */
  sensors?: (string | SensorModel)[];
  /**
   * "preset": each view picks one of `sensors` uniformly and draws a recording's instance of
   * it (with its `variation`); "span": each parameter is drawn across the sensors' min–max
   * range (log-uniform), giving sensors between and beyond the presets' combinations.
   */
  draw?: "preset" | "span";
  /**
   * Scales the effect: gain g becomes g^strength, offset and noise amplitudes are multiplied
   * by strength. 0 is the identity, 1 the sensors as specified.
   */
  strength?: number;
  /**
   * "absolute": the window is raw, in the channels' units (µV, mV, µS), and amplitudes are
   * added as they are. "relative": amplitudes are multiplied by (channel sd in this window) /
   * `typicalSd[channel]`, so a normalised window gets the noise-to-signal ratio a typical raw
   * window would get, and the augmentation commutes with scaling a window.
   */
  amplitude?: "absolute" | "relative";
  /** Typical sd of a channel in a sensed window, in its unit (for amplitude "relative"). */
  typicalSd?: Record<string, number>;
  /**
   * Z-score each channel of the view afterwards (for windows normalised per window, whose
   * mean and sd the sensor's offset and gain must not change).
   */
  renormalize?: boolean;
}

/**
 * Defaults of {@linkcode SensorSimulationOptions}. `typicalSd` is the median sd of 1-s sensed
 * windows of the Fantasy Device's default experiments, rounded (measured: EEG 11.4–14.1 µV,
 * ECG 0.15–0.24 mV, GSR 0.009–0.027 µS depending on the sensor).
 */
export const SENSOR_SIMULATION_DEFAULTS: Readonly<Required<SensorSimulationOptions>> = Object
  .freeze({
    channels: ["eeg", "ecg", "gsr"],
    sampleRate: 256,
    sensors: Object.keys(SENSOR_PRESETS),
    draw: "preset",
    strength: 1,
    amplitude: "relative",
    typicalSd: { eeg: 12, ecg: 0.2, gsr: 0.015 },
    renormalize: false,
  });

/** Number of sinusoids summed into the drift. */
const DRIFT_COMPONENTS = 4;
/** Amplitude of the mains third harmonic relative to the fundamental (as in the sensor model). */
const THIRD_HARMONIC = 0.3;

/**
 * Amplitude response of a forward–backward Butterworth low-pass of `sections` biquads (order
 * 2·sections, applied twice, so |H(f)|² of one pass; analog prototype).
 */
function lowpassGain(f: number, cutoff: number, sections: number): number {
  return 1 / (1 + (f / cutoff) ** (4 * sections));
}

/** Amplitude response of a forward–backward one-biquad Butterworth high-pass (analog form). */
function highpassGain(f: number, cutoff: number | null): number {
  if (cutoff === null) return 1;
  const r4 = (f / cutoff) ** 4;
  return r4 / (1 + r4);
}

/**
 * Adds a·sin(w·t + phase) for t = 0 … x.length − 1 to `x`, by rotating a phasor (two
 * multiply-adds per sample instead of a sine; the float64 round-off grows by about 1e-16
 * per sample).
 */
function addSinusoid(x: Float64Array, a: number, w: number, phase: number): void {
  const cw = Math.cos(w), sw = Math.sin(w);
  let s = Math.sin(phase), c = Math.cos(phase);
  for (let t = 0; t < x.length; t++) {
    x[t] += a * s;
    const next = s * cw + c * sw;
    c = c * cw - s * sw;
    s = next;
  }
}

/** Fills in defaults and checks every option, naming the field on error. */
export function resolveSensorSimulationOptions(
  options: SensorSimulationOptions = {},
): Required<SensorSimulationOptions> {
  const fn = "sensorSimulation";
  if (options === null || typeof options !== "object") {
    throw new Error(`${fn}: options must be an object, got ${String(options)}`);
  }
  const known = Object.keys(SENSOR_SIMULATION_DEFAULTS);
  for (const k of Object.keys(options)) {
    if (!known.includes(k)) {
      throw new Error(`${fn}: unknown option '${k}'; expected one of ${known.join(", ")}`);
    }
  }
  const o = { ...SENSOR_SIMULATION_DEFAULTS } as Required<SensorSimulationOptions>;
  for (const [k, v] of Object.entries(options)) {
    if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  }
  if (
    !Array.isArray(o.channels) || o.channels.length === 0 ||
    o.channels.some((c) => typeof c !== "string")
  ) {
    throw new Error(`${fn}: option channels must be a non-empty array of channel names`);
  }
  requireNumberIn(fn, "sampleRate", o.sampleRate, { min: 0, minExclusive: true });
  requireNumberIn(fn, "strength", o.strength, { min: 0 });
  requireOneOf(fn, "draw", o.draw, ["preset", "span"]);
  requireOneOf(fn, "amplitude", o.amplitude, ["absolute", "relative"]);
  if (typeof o.renormalize !== "boolean") {
    throw new Error(`${fn}: option renormalize must be a boolean, got ${String(o.renormalize)}`);
  }
  resolveSensors(fn, o.sensors, o.channels); // every sensor must have every channel
  if (o.amplitude === "relative") {
    if (o.typicalSd === null || typeof o.typicalSd !== "object") {
      throw new Error(`${fn}: option typicalSd must be an object of channel → sd`);
    }
    for (const c of o.channels) {
      requireNumberIn(fn, `typicalSd.${c}`, o.typicalSd[c], { min: 0, minExclusive: true });
    }
  }
  return o;
}

/**
 * Adds what `sensor` does to each channel of `window` [length, channels] (a new array):
 *
 *   x'ₜ = g·xₜ + k·(o + w·driftₜ + p·pinkₜ + e·whiteₜ + m·mainsₜ)
 *
 * with g, o, w, p, e, m the channel's gain, offset, wander, pink, white and mains amplitudes
 * (after `strength`), and k = 1 (absolute) or sd(x)/typicalSd (relative). driftₜ is a sum of
 * four sinusoids at uniform random frequencies in (0, wanderBand] Hz with random phases and unit
 * expected RMS, each attenuated by the channel's high-pass (AC-coupled channels lose their
 * drift, as in the sensor model); pinkₜ is unit-RMS 1/f noise; whiteₜ standard normal;
 * mainsₜ = sin(2πf t + φ) + 0.3·sin(2π·3f t + φ₃) with each component attenuated by the
 * channel's low-pass and left out at or above the Nyquist frequency. Not simulated: band
 * limiting of the white noise, ADC clipping and quantisation, motion artifacts, pops.
 */
export function applySimulatedSensor(
  window: Float32Array,
  length: number,
  names: readonly string[],
  sensor: SimulatedSensor,
  sampleRate: number,
  o: Pick<Required<SensorSimulationOptions>, "strength" | "amplitude" | "typicalSd">,
  rng: Rng,
): Float32Array {
  const channels = names.length;
  const out = new Float32Array(window.length);
  const sds = o.amplitude === "relative"
    ? channelStandardDeviations(window, length, channels)
    : null;
  const s = o.strength;
  const nyquist = sampleRate / 2;
  for (let c = 0; c < channels; c++) {
    const p: SimulatedChannel = sensor.channels[names[c]];
    const k = sds === null ? 1 : sds[c] / o.typicalSd[names[c]];
    const gain = p.gain ** s;
    const amp = k * s;
    const noise = new Float64Array(length).fill(p.offset);
    // Drift: a few slow sinusoids, attenuated by the channel's high-pass.
    for (let k = 0; k < DRIFT_COMPONENTS; k++) {
      const f = p.wanderBand * (1 - rng.uniform());
      const phase = rng.range(0, 2 * Math.PI);
      const a = p.wander * Math.sqrt(2 / DRIFT_COMPONENTS) * highpassGain(f, p.highpass);
      addSinusoid(noise, a, 2 * Math.PI * f / sampleRate, phase);
    }
    // Mains: fundamental and third harmonic, attenuated by the channel's low-pass.
    for (const h of [1, 3]) {
      const f = h * sensor.mainsFrequency;
      const phase = rng.range(0, 2 * Math.PI);
      if (f >= nyquist || p.mains === 0) continue;
      const a = p.mains * (h === 1 ? 1 : THIRD_HARMONIC) * lowpassGain(f, p.lowpass, 2);
      addSinusoid(noise, a, 2 * Math.PI * f / sampleRate, phase);
    }
    if (p.pink > 0) {
      const pink = pinkNoise(length, rng);
      for (let t = 0; t < length; t++) noise[t] += p.pink * pink[t];
    }
    if (p.white > 0) { for (let t = 0; t < length; t++) noise[t] += p.white * rng.normal(); }
    for (let t = 0; t < length; t++) {
      const i = t * channels + c;
      out[i] = gain * window[i] + amp * noise[t];
    }
  }
  return out;
}

/** Z-scores each channel of `x` [length, channels] in place (constant channels become 0). */
function zscoreChannels(x: Float32Array, length: number, channels: number): void {
  const means = channelMeans(x, length, channels);
  const sds = channelStandardDeviations(x, length, channels);
  for (let t = 0; t < length; t++) {
    for (let c = 0; c < channels; c++) {
      const i = t * channels + c;
      x[i] = sds[c] > 0 ? (x[i] - means[c]) / sds[c] : 0;
    }
  }
}

/**
 * The sensor-simulating augmentation: each call (one view) draws a sensor — one of the
 * presets with its recording-to-recording variation, or one spanning the presets' parameter
 * ranges (`draw`) — and applies its gain, offset, baseline drift, white + 1/f noise and
 * mains interference to each channel, matched by name (see {@linkcode applySimulatedSensor}
 * for the equation and {@linkcode SensorSimulationOptions} for amplitude scaling). Same
 * window and `rng` state give the same view bit for bit.
 */
export function sensorSimulation(options: SensorSimulationOptions = {}): Augmentation {
  const fn = "sensorSimulation";
  const o = resolveSensorSimulationOptions(options);
  const names = [...o.channels];
  const sensors = resolveSensors(fn, o.sensors, names);
  const span = o.draw === "span" ? sensorSpan(sensors, names) : null;
  return (window: Float32Array, length: number, channels: number, rng: Rng): Float32Array => {
    checkWindow(fn, window, length, channels, rng);
    if (channels !== names.length) {
      throw new Error(
        `${fn}: window has ${channels} channels, but option channels names ${names.length} (${
          names.join(", ")
        })`,
      );
    }
    const sensor = span !== null
      ? drawSpanSensor(span, rng)
      : drawPresetSensor(rng.pick(sensors), names, rng);
    const out = applySimulatedSensor(window, length, names, sensor, o.sampleRate, o, rng);
    if (o.renormalize) zscoreChannels(out, length, channels);
    return out;
  };
}

/**
 * The sensor parameters the sensor-simulating augmentation applies to a window, and how they
 * are drawn: from one sensor preset (with the preset's recording-to-recording variation), or
 * spanning the range of several presets.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import { sensorPreset } from "../device/presets.ts";
import { drawSensorInstance, type SensorModel } from "../device/sensor.ts";

/** What a simulated sensor does to one channel; amplitudes in the channel's unit. */
export interface SimulatedChannel {
  /** Gain applied to the window's signal. */
  gain: number;
  /** DC offset added. */
  offset: number;
  /** RMS of the baseline drift. */
  wander: number;
  /** Upper frequency of the drift in Hz. */
  wanderBand: number;
  /** RMS of white noise. */
  white: number;
  /** RMS of 1/f noise. */
  pink: number;
  /** Peak amplitude of mains interference at the fundamental (third harmonic at 30 %). */
  mains: number;
  /** High-pass corner in Hz (attenuates the drift), or null for DC-coupled channels. */
  highpass: number | null;
  /** Low-pass corner in Hz (attenuates the mains components). */
  lowpass: number;
}

/** One draw of a simulated sensor: its name, mains frequency and per-channel behaviour. */
export interface SimulatedSensor {
  /** The preset's name, or "span" for a sensor drawn across presets. */
  name: string;
  /** Mains frequency of the simulated recording site. */
  mainsFrequency: number;
  /** Behaviour of each requested channel, by channel name. */
  channels: Record<string, SimulatedChannel>;
}

/** Range of one numeric parameter over a set of sensors. */
interface Range {
  min: number;
  max: number;
}

/** The channel parameters that are always numbers. */
type NumericParameter =
  | "gain"
  | "offset"
  | "wander"
  | "wanderBand"
  | "white"
  | "pink"
  | "mains"
  | "lowpass";

/** The min–max range of every channel parameter over a set of sensors, per channel name. */
export interface SensorSpan {
  /** The distinct mains frequencies of the sensors. */
  mainsFrequencies: number[];
  /** Per channel: each numeric parameter's range; highpass null when all sensors lack one. */
  channels: Record<
    string,
    Record<NumericParameter, Range> & {
      highpass: Range | null;
    }
  >;
}

/** Resolves sensor names to presets (custom models pass through), naming `fn` on errors. */
export function resolveSensors(
  fn: string,
  sensors: readonly (string | SensorModel)[],
  channels: readonly string[],
): SensorModel[] {
  if (!Array.isArray(sensors) || sensors.length === 0) {
    throw new Error(`${fn}: option sensors must be a non-empty array of preset names or models`);
  }
  return sensors.map((s, i) => {
    let model: SensorModel;
    if (typeof s === "string") {
      try {
        model = sensorPreset(s) as SensorModel;
      } catch (e) {
        throw new Error(`${fn}: option sensors[${i}]: ${(e as Error).message}`);
      }
    } else if (s !== null && typeof s === "object" && typeof s.channels === "object") {
      model = s;
    } else {
      throw new Error(`${fn}: option sensors[${i}] must be a preset name or a SensorModel`);
    }
    for (const c of channels) {
      if (!model.channels[c]) {
        throw new Error(
          `${fn}: sensor '${model.name}' has no channel '${c}' (it has ${
            Object.keys(model.channels).join(", ")
          })`,
        );
      }
    }
    return model;
  });
}

function rangeOf(values: number[]): Range {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** The min–max span of every parameter of `channels` over `sensors`. */
export function sensorSpan(
  sensors: readonly SensorModel[],
  channels: readonly string[],
): SensorSpan {
  const out: SensorSpan = {
    mainsFrequencies: [...new Set(sensors.map((s) => s.mainsFrequency))].sort((a, b) => a - b),
    channels: {},
  };
  for (const c of channels) {
    const all = sensors.map((s) => s.channels[c]);
    const pick = (k: NumericParameter) => rangeOf(all.map((p) => p[k]));
    const hp = all.map((p) => p.highpass).filter((h): h is number => h !== null);
    out.channels[c] = {
      gain: pick("gain"),
      offset: pick("offset"),
      wander: pick("wander"),
      wanderBand: pick("wanderBand"),
      white: pick("white"),
      pink: pick("pink"),
      mains: pick("mains"),
      lowpass: pick("lowpass"),
      highpass: hp.length === all.length ? rangeOf(hp) : null,
    };
  }
  return out;
}

/** Log-uniform draw in [min, max] when min > 0; uniform otherwise (a range touching 0). */
function logUniform(r: Range, rng: Rng): number {
  if (r.min > 0) return Math.exp(rng.range(Math.log(r.min), Math.log(r.max)));
  return rng.range(r.min, r.max);
}

/**
 * Draws a sensor spanning `span`: gain, noise amplitudes and corner frequencies log-uniform
 * between the smallest and largest value over the sensors (uniform when the range starts at
 * 0), the offset uniform (it may be negative), the mains frequency uniformly among the
 * sensors' ones. A channel is high-passed only when every sensor high-passes it.
 */
export function drawSpanSensor(span: SensorSpan, rng: Rng): SimulatedSensor {
  const mainsFrequency = rng.pick(span.mainsFrequencies);
  const channels: Record<string, SimulatedChannel> = {};
  for (const [name, r] of Object.entries(span.channels)) {
    channels[name] = {
      gain: logUniform(r.gain, rng),
      offset: rng.range(r.offset.min, r.offset.max),
      wander: logUniform(r.wander, rng),
      wanderBand: logUniform(r.wanderBand, rng),
      white: logUniform(r.white, rng),
      pink: logUniform(r.pink, rng),
      mains: logUniform(r.mains, rng),
      lowpass: logUniform(r.lowpass, rng),
      highpass: r.highpass === null ? null : logUniform(r.highpass, rng),
    };
  }
  return { name: "span", mainsFrequency, channels };
}

/**
 * Draws one recording's instance of `sensor` for `channels`, with the preset's
 * recording-to-recording variation exactly as the Fantasy Device does (`drawSensorInstance`).
 */
export function drawPresetSensor(
  sensor: SensorModel,
  channels: readonly string[],
  rng: Rng,
): SimulatedSensor {
  const out: Record<string, SimulatedChannel> = {};
  for (const c of channels) {
    const inst = drawSensorInstance(sensor, c, rng);
    out[c] = {
      gain: inst.gain,
      offset: inst.offset,
      wander: inst.wander,
      wanderBand: inst.wanderBand,
      white: inst.white,
      pink: inst.pink,
      mains: inst.mains,
      highpass: inst.highpass,
      lowpass: inst.lowpass,
    };
  }
  return { name: sensor.name, mainsFrequency: sensor.mainsFrequency, channels: out };
}

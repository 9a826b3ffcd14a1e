/**
 * Stationary examples of each mode and one recording seen through another sensor: the
 * pictures of notebook 02.
 *
 * @module
 */
import { Rng } from "../random/rng.ts";
import type { Recording } from "../data/recording.ts";
import { resampleSignals } from "../data/resample.ts";
import { MODES } from "./modes.ts";
import { drawDriver, type DriverProfile } from "./physiology.ts";
import { generateEeg } from "./signals/eeg.ts";
import { generateEcg } from "./signals/ecg.ts";
import { generateGsr } from "./signals/gsr.ts";
import { drawSensorInstance, poissonTimes, senseChannel } from "./sensor.ts";
import { sensorPreset } from "./presets.ts";

/** `seconds` of clean EEG, ECG and GSR of one driver held in each mode, at `sampleRate`. */
export function modeExamples(
  seconds: number,
  sampleRate: number,
  seed: number,
  driver?: DriverProfile,
): Recording[] {
  const rng = new Rng(seed);
  const profile = driver ?? drawDriver(rng.fork("driver"), undefined, 0);
  const n = Math.round(seconds * sampleRate);
  return MODES.map((mode, k) => {
    const labels = new Uint8Array(n).fill(k);
    const r = rng.fork(mode);
    const signals = [
      generateEeg(labels, sampleRate, profile, r.fork("eeg")),
      generateEcg(labels, sampleRate, profile, r.fork("ecg")).signal,
      generateGsr(labels, sampleRate, profile, r.fork("gsr")).signal,
    ];
    const time = new Float64Array(n);
    for (let i = 0; i < n; i++) time[i] = i / sampleRate;
    return {
      meta: {
        experiment: "examples",
        sensor: "none",
        driver: "average",
        session: mode,
        sampleRate,
        channels: ["eeg", "ecg", "gsr"],
      },
      time,
      modes: labels,
      signals,
      clean: signals.map((s) => s.slice()),
    };
  });
}

/**
 * Passes the clean signals of a recording through another sensor preset: the clean signals
 * are resampled to the sensor's rate, then sensed with a fresh draw of that sensor
 * (seeded). The result's `clean` is the resampled ground truth.
 */
export function throughSensor(rec: Recording, sensorName: string, seed: number): Recording {
  if (!rec.clean) {
    throw new Error(`throughSensor: recording ${rec.meta.driver} has no clean signal`);
  }
  const sensor = sensorPreset(sensorName);
  const fs = sensor.sampleRate;
  const clean = resampleSignals(rec.clean, rec.meta.sampleRate, fs);
  const n = clean[0].length;
  const rng = new Rng(seed).fork(`through/${sensorName}`);
  const duration = n / fs;
  const motion = poissonTimes(sensor.motionRate, duration, rng.fork("motion"));
  const signals = rec.meta.channels.map((c, k) =>
    senseChannel(
      clean[k],
      fs,
      drawSensorInstance(sensor, c, rng.fork(`sensor/${c}`)),
      sensor.mainsFrequency,
      motion,
      sensor.popRate,
      rng.fork(`noise/${c}`),
    )
  );
  const time = new Float64Array(n);
  const modes = rec.modes ? new Uint8Array(n) : null;
  for (let i = 0; i < n; i++) {
    time[i] = i / fs;
    if (modes) {
      modes[i] =
        rec.modes![Math.min(rec.modes!.length - 1, Math.round((i * rec.meta.sampleRate) / fs))];
    }
  }
  return {
    meta: { ...rec.meta, sensor: sensor.name, sampleRate: fs },
    time,
    modes,
    signals,
    clean,
  };
}

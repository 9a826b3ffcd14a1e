/**
 * Generates recordings with the Fantasy Device: schedule → clean signals → sensor.
 *
 * Each recording's random stream is derived from the master seed and the recording's ids
 * alone, so a recording is the same whether it is generated alone or in a data set.
 *
 * @module
 */
import { Rng } from "../random/rng.ts";
import type { Recording } from "../data/recording.ts";
import { drawDriver, type DriverProfile } from "./physiology.ts";
import { modeLabels, modeSchedule, type ModeSegment } from "./schedule.ts";
import { generateEeg } from "./signals/eeg.ts";
import { generateEcg } from "./signals/ecg.ts";
import { generateGsr } from "./signals/gsr.ts";
import { type ChannelNoise, drawSensorInstance, poissonTimes, senseChannel } from "./sensor.ts";
import { sensorPreset } from "./presets.ts";
import type { DeviceConfig, ExperimentSpec } from "./experiment.ts";

/** What the device knows about a recording beyond the recording itself (ground truth). */
export interface RecordingTruth {
  segments: ModeSegment[];
  driver: DriverProfile;
  rPeaks: Float64Array;
  scrOnsets: Float64Array;
  sensorInstance: Record<string, ChannelNoise>;
  motionTimes: number[];
}

/** A generated recording with its ground truth. */
export interface GeneratedRecording {
  recording: Recording;
  truth: RecordingTruth;
}

/** The driver id of driver `index` (0-based) of an experiment, e.g. "e1-d03". */
export function driverId(experiment: string, index: number): string {
  return `${experiment}-d${String(index + 1).padStart(2, "0")}`;
}

/** Generates one recording: driver `driverIndex` (0-based), session `session` (1-based). */
export function generateRecording(
  cfg: DeviceConfig,
  exp: ExperimentSpec,
  driverIndex: number,
  session: number,
): GeneratedRecording {
  const sensor = sensorPreset(exp.sensor);
  const root = new Rng(cfg.seed);
  const driver = driverId(exp.id, driverIndex);
  const profile = drawDriver(root.fork(`driver/${driver}`), exp.shift, cfg.driverSpread);
  const rng = root.fork(`recording/${driver}/s${session}`);
  const fs = sensor.sampleRate;
  const n = Math.round(exp.duration * fs);
  const segments = modeSchedule(exp.duration, rng.fork("schedule"), cfg.schedule);
  const labels = modeLabels(segments, n, fs);
  const eeg = generateEeg(labels, fs, profile, rng.fork("eeg"));
  const ecg = generateEcg(labels, fs, profile, rng.fork("ecg"));
  const gsr = generateGsr(labels, fs, profile, rng.fork("gsr"));
  const cleanByName: Record<string, Float32Array> = { eeg, ecg: ecg.signal, gsr: gsr.signal };
  const motionTimes = poissonTimes(sensor.motionRate, exp.duration, rng.fork("motion"));
  const sensorInstance: Record<string, ChannelNoise> = {};
  const clean: Float32Array[] = [];
  const signals: Float32Array[] = [];
  for (const c of cfg.channels) {
    const inst = drawSensorInstance(sensor, c, rng.fork(`sensor/${c}`));
    sensorInstance[c] = inst;
    clean.push(cleanByName[c]);
    signals.push(
      senseChannel(
        cleanByName[c],
        fs,
        inst,
        sensor.mainsFrequency,
        motionTimes,
        sensor.popRate,
        rng.fork(`noise/${c}`),
      ),
    );
  }
  const time = new Float64Array(n);
  for (let i = 0; i < n; i++) time[i] = i / fs;
  return {
    recording: {
      meta: {
        experiment: exp.id,
        sensor: sensor.name,
        driver,
        session: `s${session}`,
        sampleRate: fs,
        channels: [...cfg.channels],
      },
      time,
      modes: labels,
      signals,
      clean,
    },
    truth: {
      segments,
      driver: profile,
      rPeaks: ecg.rPeaks,
      scrOnsets: gsr.scrOnsets,
      sensorInstance,
      motionTimes,
    },
  };
}

/** Calls `fn` for every (experiment, driver, session) of a config, in data-set order. */
export function forEachRecordingSpec(
  cfg: DeviceConfig,
  fn: (exp: ExperimentSpec, driverIndex: number, session: number) => void,
): void {
  for (const exp of cfg.experiments) {
    for (let d = 0; d < exp.drivers; d++) {
      for (let s = 1; s <= exp.sessions; s++) fn(exp, d, s);
    }
  }
}

/** Number of recordings a config generates. */
export function recordingCount(cfg: DeviceConfig): number {
  return cfg.experiments.reduce((a, e) => a + e.drivers * e.sessions, 0);
}

/**
 * Generates the whole data set of a config. `onProgress(done, total)` is called after each
 * recording (for progress bars).
 */
export function generateDataset(
  cfg: DeviceConfig,
  onProgress?: (done: number, total: number) => void,
): GeneratedRecording[] {
  const out: GeneratedRecording[] = [];
  const total = recordingCount(cfg);
  forEachRecordingSpec(cfg, (exp, d, s) => {
    out.push(generateRecording(cfg, exp, d, s));
    onProgress?.(out.length, total);
  });
  return out;
}

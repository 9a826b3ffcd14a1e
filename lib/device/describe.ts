/**
 * Plain-data descriptions of a device config, for tables in notebooks and reports.
 *
 * @module
 */
import type { DeviceConfig } from "./experiment.ts";
import { sensorPreset } from "./presets.ts";
import { MODES } from "./modes.ts";
import { MODE_PHYSIOLOGY } from "./physiology.ts";

/** One row per experiment: who, how long, which sensor. */
export interface ExperimentRow {
  experiment: string;
  description: string;
  sensor: string;
  sampleRate: number;
  mains: number;
  drivers: number;
  sessions: number;
  recordings: number;
  minutes: number;
}

/** Describes each experiment of a config. */
export function describeExperiments(cfg: DeviceConfig): ExperimentRow[] {
  return cfg.experiments.map((e) => {
    const s = sensorPreset(e.sensor);
    return {
      experiment: e.id,
      description: e.description,
      sensor: e.sensor,
      sampleRate: s.sampleRate,
      mains: s.mainsFrequency,
      drivers: e.drivers,
      sessions: e.sessions,
      recordings: e.drivers * e.sessions,
      minutes: (e.drivers * e.sessions * e.duration) / 60,
    };
  });
}

/** The mode table as rows (one per mode), for display. */
export function describeModes(): Record<string, string | number>[] {
  return MODES.map((m) => {
    const p = MODE_PHYSIOLOGY[m];
    return {
      mode: m,
      "EEG δ/θ/α/β (µV)": `${p.eegDelta} / ${p.eegTheta} / ${p.eegAlpha} / ${p.eegBeta}`,
      "α shift (Hz)": p.alphaShift,
      "spindles/min": p.spindleRate,
      "HR (bpm)": p.heartRate,
      "RMSSD (ms)": p.rmssd,
      "breaths/min": p.respirationRate,
      "SCL (µS)": p.scl,
      "SCRs/min": p.scrRate,
    };
  });
}

/**
 * Experiments of the Fantasy Device: the surrogate for the talk's four real drowsiness
 * experiments. Each has its own sensor preset, its own drivers and sessions, its own drive
 * length, and its own shift of the physiology.
 *
 * @module
 */
import { NO_SHIFT, type PhysiologyShift } from "./physiology.ts";
import { DEFAULT_SCHEDULE, type ScheduleConfig } from "./schedule.ts";

/** One experiment: who was recorded, for how long, with which sensor. */
export interface ExperimentSpec {
  /** Experiment id, e.g. "e1". */
  id: string;
  /** One line on what the experiment stands for. */
  description: string;
  /** Sensor preset name (see `SENSOR_PRESETS`). */
  sensor: string;
  /** Number of drivers. */
  drivers: number;
  /** Sessions per driver. */
  sessions: number;
  /** Length of each session in seconds. */
  duration: number;
  /** How the experiment shifts everyone's physiology. */
  shift: PhysiologyShift;
}

/** Everything the Fantasy Device needs to generate a data set. */
export interface DeviceConfig {
  /** Master seed: the same seed gives bit-identical data. */
  seed: number;
  experiments: ExperimentSpec[];
  /** Channels generated, in column order. */
  channels: ("eeg" | "ecg" | "gsr")[];
  schedule: ScheduleConfig;
  /** Between-driver variation (1 = default, 0 = identical drivers). */
  driverSpread: number;
}

/** The four default experiments: fractioned, unequal in size, one with a noisy sensor. */
export const DEFAULT_EXPERIMENTS: readonly ExperimentSpec[] = [
  {
    id: "e1",
    description: "Lab simulator study, wet electrodes (the reference sensor)",
    sensor: "A-reference",
    drivers: 6,
    sessions: 2,
    duration: 300,
    shift: NO_SHIFT,
  },
  {
    id: "e2",
    description: "Second simulator study with dry electrodes",
    sensor: "B-dry",
    drivers: 4,
    sessions: 2,
    duration: 240,
    shift: { ...NO_SHIFT, heartRateScale: 1.05, sclScale: 1.2 },
  },
  {
    id: "e3",
    description: "On-road study with a consumer wearable (the noisy sensor)",
    sensor: "C-wearable",
    drivers: 3,
    sessions: 2,
    duration: 180,
    shift: { ...NO_SHIFT, alphaFrequencyShift: -0.4, eegScale: 0.9, scrRateScale: 1.2 },
  },
  {
    id: "e4",
    description: "Clinical sleep-deprivation study abroad (60 Hz mains)",
    sensor: "D-clinical",
    drivers: 4,
    sessions: 1,
    duration: 300,
    shift: { ...NO_SHIFT, heartRateScale: 0.95, sclScale: 0.85 },
  },
];

/** The default device configuration (the full data set used by `deno task repro`). */
export const DEFAULT_DEVICE_CONFIG: Readonly<DeviceConfig> = {
  seed: 2020,
  experiments: DEFAULT_EXPERIMENTS.map((e) => ({ ...e })),
  channels: ["eeg", "ecg", "gsr"],
  schedule: DEFAULT_SCHEDULE,
  driverSpread: 1,
};

/**
 * Returns a device config: the defaults, with `overrides` applied, and every experiment's
 * drivers and duration scaled (for quick runs: `{ scale: 0.5 }` halves drivers and length,
 * keeping at least two drivers and one minute per experiment).
 */
export function deviceConfig(
  overrides: Partial<DeviceConfig> = {},
  options: { scale?: number } = {},
): DeviceConfig {
  const known = new Set(Object.keys(DEFAULT_DEVICE_CONFIG));
  for (const k of Object.keys(overrides)) {
    if (!known.has(k)) {
      throw new Error(
        `Unknown device option '${k}': expected one of ${[...known].join(", ")}`,
      );
    }
  }
  const cfg: DeviceConfig = {
    ...DEFAULT_DEVICE_CONFIG,
    experiments: DEFAULT_DEVICE_CONFIG.experiments.map((e) => ({ ...e })),
    ...overrides,
  };
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1)) {
    throw new Error(`deviceConfig: scale must be in (0, 1], got ${scale}`);
  }
  if (scale < 1) {
    cfg.experiments = cfg.experiments.map((e) => ({
      ...e,
      drivers: Math.max(2, Math.round(e.drivers * scale)),
      duration: Math.max(60, Math.round(e.duration * scale)),
    }));
  }
  validateDeviceConfig(cfg);
  return cfg;
}

/** Throws a clear error when a device config cannot generate data. */
export function validateDeviceConfig(cfg: DeviceConfig): void {
  if (!Number.isInteger(cfg.seed)) {
    throw new Error(`Device config: seed must be an integer, got ${cfg.seed}`);
  }
  if (cfg.experiments.length === 0) throw new Error("Device config: no experiments");
  const ids = new Set<string>();
  for (const e of cfg.experiments) {
    if (ids.has(e.id)) throw new Error(`Device config: duplicate experiment id '${e.id}'`);
    ids.add(e.id);
    for (const k of ["drivers", "sessions"] as const) {
      if (!(Number.isInteger(e[k]) && e[k] >= 1)) {
        throw new Error(
          `Device config: experiment ${e.id}: ${k} must be an integer ≥ 1, got ${e[k]}`,
        );
      }
    }
    if (!(e.duration >= 10)) {
      throw new Error(
        `Device config: experiment ${e.id}: duration must be ≥ 10 s, got ${e.duration}`,
      );
    }
  }
  for (const c of cfg.channels) {
    if (!["eeg", "ecg", "gsr"].includes(c)) {
      throw new Error(`Device config: unknown channel '${c}': expected eeg, ecg or gsr`);
    }
  }
}

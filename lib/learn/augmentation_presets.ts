/**
 * Named augmentation pipelines for pretraining: the generic time-series augmentations of
 * lib/augment, the sensor-simulating augmentation, and combinations.
 *
 * @module
 */
import type { Augmentation } from "../augment/window.ts";
import { compose } from "../augment/compose.ts";
import { jitter } from "../augment/jitter.ts";
import { masking } from "../augment/masking.ts";
import { scaling } from "../augment/scaling.ts";
import { timeShift } from "../augment/time_shift.ts";
import { timeWarp } from "../augment/time_warp.ts";
import { sensorSimulation, type SensorSimulationOptions } from "./sensor_augment.ts";

/** Names of the augmentation pipelines of {@linkcode augmentationPreset}. */
export const AUGMENTATION_PRESETS = [
  "none",
  "jitter-scaling",
  "time",
  "standard",
  "sensor",
  "sensor+time",
] as const;

/** One of {@linkcode AUGMENTATION_PRESETS}. */
export type AugmentationPresetName = typeof AUGMENTATION_PRESETS[number];

/** What a preset needs to know about the windows. */
export interface AugmentationPresetContext {
  /** Channel names of the windows, in order (for the sensor simulation). */
  channels: string[];
  /** Sampling rate of the windows in Hz. */
  sampleRate: number;
  /** Further options of the sensor simulation (channels and sampleRate come from above). */
  sensorSimulation?: SensorSimulationOptions;
}

/** The time-domain steps shared by "time", "standard" and "sensor+time". */
function timeSteps() {
  return [
    timeShift(),
    { augmentation: timeWarp(), probability: 0.5 },
    { augmentation: masking(), probability: 0.5 },
  ];
}

/**
 * The augmentation pipeline named `name`, or null for "none" (views are the windows):
 *
 * - "jitter-scaling": jitter then scaling (Um et al. 2017), default strengths;
 * - "time": time shift, then time warp and masking each with probability ½;
 * - "standard": jitter-scaling followed by time;
 * - "sensor": the sensor-simulating augmentation ({@linkcode sensorSimulation});
 * - "sensor+time": the sensor simulation followed by time.
 *
 * Options of the individual steps are lib/augment's defaults (`AUGMENT_DEFAULTS`).
 */
export function augmentationPreset(
  name: AugmentationPresetName,
  context: AugmentationPresetContext,
): Augmentation | null {
  const sensor = () =>
    sensorSimulation({
      ...context.sensorSimulation,
      channels: [...context.channels],
      sampleRate: context.sampleRate,
    });
  switch (name) {
    case "none":
      return null;
    case "jitter-scaling":
      return compose([jitter(), scaling()]);
    case "time":
      return compose(timeSteps());
    case "standard":
      return compose([jitter(), scaling(), ...timeSteps()]);
    case "sensor":
      return sensor();
    case "sensor+time":
      return compose([sensor(), ...timeSteps()]);
    default:
      throw new Error(
        `augmentationPreset: unknown preset '${String(name)}'; expected one of ${
          AUGMENTATION_PRESETS.join(", ")
        }`,
      );
  }
}

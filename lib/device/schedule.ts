/**
 * A drive's mode schedule: a seeded semi-Markov process over the four modes with
 * gamma-distributed dwell times and a drift towards drowsiness as the drive goes on.
 *
 * @module
 */
import { type Mode, MODES } from "./modes.ts";
import type { Rng } from "../random/rng.ts";

/** One stretch of constant mode, `[start, end)` in seconds. */
export interface ModeSegment {
  mode: Mode;
  start: number;
  end: number;
}

/** Parameters of the semi-Markov schedule. */
export interface ScheduleConfig {
  /** Mean dwell time per mode in seconds. */
  meanDwell: Readonly<Record<Mode, number>>;
  /** Gamma shape of the dwell times (larger: more regular). */
  dwellShape: number;
  /**
   * Probability of moving one step sleepier when leaving a mode at the start of the drive
   * (alert always goes to normal; asleep always wakes up).
   */
  sleepierProbability: Readonly<Record<Mode, number>>;
  /** How much that probability grows from the start to the end of the drive. */
  drift: number;
  /** Probability that the drive starts alert (else normal). */
  startAlert: number;
  /** Shortest segment in seconds (shorter draws are lengthened). */
  minDwell: number;
}

/**
 * Default schedule: dwell times compressed from real drives (minutes) to tens of seconds,
 * so that one short surrogate drive visits every mode.
 */
export const DEFAULT_SCHEDULE: Readonly<ScheduleConfig> = {
  meanDwell: { alert: 45, normal: 40, drowsy: 40, asleep: 30 },
  dwellShape: 3,
  sleepierProbability: { alert: 1, normal: 0.55, drowsy: 0.55, asleep: 0 },
  drift: 0.35,
  startAlert: 0.7,
  minDwell: 8,
};

/**
 * Draws the mode schedule of one drive of `duration` seconds. Leaving `normal` or `drowsy`,
 * the next mode is one step sleepier with probability `p₀(mode) + drift · t/duration`
 * (capped at 0.95), else one step more awake; leaving `asleep`, the driver wakes to
 * `drowsy` (70 %) or, startled, to `normal` (30 %).
 */
export function modeSchedule(
  duration: number,
  rng: Rng,
  config: Readonly<ScheduleConfig> = DEFAULT_SCHEDULE,
): ModeSegment[] {
  if (!(duration > 0)) throw new Error(`modeSchedule: duration must be > 0 s, got ${duration}`);
  const segments: ModeSegment[] = [];
  let mode: Mode = rng.uniform() < config.startAlert ? "alert" : "normal";
  let t = 0;
  while (t < duration) {
    const mean = config.meanDwell[mode];
    const dwell = Math.max(
      config.minDwell,
      rng.gamma(config.dwellShape, mean / config.dwellShape),
    );
    const end = Math.min(duration, t + dwell);
    segments.push({ mode, start: t, end });
    t = end;
    mode = nextMode(mode, t / duration, rng, config);
  }
  return segments;
}

function nextMode(mode: Mode, progress: number, rng: Rng, config: Readonly<ScheduleConfig>): Mode {
  const i = MODES.indexOf(mode);
  if (mode === "asleep") return rng.uniform() < 0.7 ? "drowsy" : "normal";
  if (mode === "alert") return "normal";
  const p = Math.min(0.95, config.sleepierProbability[mode] + config.drift * progress);
  return rng.uniform() < p ? MODES[i + 1] : MODES[i - 1];
}

/** Expands a schedule into one mode label (index into `MODES`) per sample. */
export function modeLabels(
  segments: readonly ModeSegment[],
  n: number,
  sampleRate: number,
): Uint8Array {
  const labels = new Uint8Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    while (s < segments.length - 1 && t >= segments[s].end) s++;
    labels[i] = MODES.indexOf(segments[s].mode);
  }
  return labels;
}

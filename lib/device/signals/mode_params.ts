/**
 * Per-sample trajectories of one physiology field, following the mode labels.
 *
 * @module
 */
import { MODES } from "../modes.ts";
import { MODE_PHYSIOLOGY, type ModePhysiology } from "../physiology.ts";
import { modeTrajectory } from "../trajectory.ts";

/**
 * How long (s) each quantity takes to follow a change of mode: cortical rhythms within
 * seconds, heart rate over about ten seconds, the tonic skin conductance over tens of seconds.
 */
export const TRANSITION_SECONDS: Readonly<Partial<Record<keyof ModePhysiology, number>>> = {
  heartRate: 10,
  rmssd: 10,
  respirationRate: 10,
  scl: 30,
  scrRate: 10,
};

/**
 * The smoothed per-sample value of `field` of {@linkcode MODE_PHYSIOLOGY}, times `scale`;
 * smoothed over {@linkcode TRANSITION_SECONDS} (4 s for fields not listed there).
 */
export function physiologyTrajectory(
  field: keyof ModePhysiology,
  labels: Uint8Array,
  sampleRate: number,
  scale = 1,
): Float32Array {
  const perMode = MODES.map((m) => MODE_PHYSIOLOGY[m][field] * scale);
  return modeTrajectory(labels, perMode, sampleRate, TRANSITION_SECONDS[field] ?? 4);
}

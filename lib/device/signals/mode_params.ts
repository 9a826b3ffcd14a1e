/**
 * Per-sample trajectories of one physiology field, following the mode labels.
 *
 * @module
 */
import { MODES } from "../modes.ts";
import { MODE_PHYSIOLOGY, type ModePhysiology } from "../physiology.ts";
import { modeTrajectory } from "../trajectory.ts";

/** The smoothed per-sample value of `field` of {@linkcode MODE_PHYSIOLOGY}, times `scale`. */
export function physiologyTrajectory(
  field: keyof ModePhysiology,
  labels: Uint8Array,
  sampleRate: number,
  scale = 1,
): Float32Array {
  const perMode = MODES.map((m) => MODE_PHYSIOLOGY[m][field] * scale);
  return modeTrajectory(labels, perMode, sampleRate);
}

/**
 * The four driver modes of the Fantasy Device, ordered from most to least awake.
 *
 * The index of a mode in {@linkcode MODES} is its numeric label everywhere in the
 * library (windows, CSV files store the name).
 *
 * @module
 */

/** The four modes, ordered from most to least awake. */
export const MODES = ["alert", "normal", "drowsy", "asleep"] as const;

/** One of the four driver modes. */
export type Mode = typeof MODES[number];

/** Returns the numeric label (0–3) of a mode name, or -1 when it is not a mode. */
export function modeIndex(name: string): number {
  return (MODES as readonly string[]).indexOf(name);
}

/**
 * Grouping the windows of a {@linkcode WindowSet} by origin (experiment or sensor) and mode,
 * shared by the samplers, with the checks of their common inputs.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import { Rng } from "../random/rng.ts";

/** Which origin a sampler balances over and takes cross-origin positives from. */
export type GroupKey = "experiment" | "sensor";

/** The group keys, for validation. */
export const GROUP_KEYS: readonly GroupKey[] = ["experiment", "sensor"];

/** Throws unless `ws` is a consistent WindowSet (sizes of x, labels and meta agree with n). */
export function checkWindowSet(fn: string, ws: WindowSet): void {
  if (ws === null || typeof ws !== "object" || !(ws.x instanceof Float32Array)) {
    throw new Error(`${fn}: windows must be a WindowSet (x: Float32Array [n, length, channels])`);
  }
  const { n, length, channels } = ws;
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${fn}: windows.n must be an integer ≥ 1, got ${n}`);
  }
  if (!Number.isInteger(length) || length < 1 || !Array.isArray(channels) || !channels.length) {
    throw new Error(`${fn}: windows.length and windows.channels must describe a non-empty window`);
  }
  if (ws.x.length !== n * length * channels.length) {
    throw new Error(
      `${fn}: windows.x has ${ws.x.length} values, expected n × length × channels = ${n} × ${length} × ${channels.length}`,
    );
  }
  if (!(ws.labels instanceof Int8Array) || ws.labels.length !== n) {
    throw new Error(`${fn}: windows.labels must be an Int8Array of n = ${n} labels`);
  }
  if (!Array.isArray(ws.meta) || ws.meta.length !== n) {
    throw new Error(`${fn}: windows.meta must hold n = ${n} entries`);
  }
}

/** Throws unless `rng` is an {@linkcode Rng}. */
export function checkRng(fn: string, rng: Rng): void {
  if (!(rng instanceof Rng)) {
    throw new Error(`${fn}: rng must be an Rng (lib/random/rng.ts), got ${typeof rng}`);
  }
}

/** Throws unless every window has a mode label (≥ 0), naming the first unlabelled one. */
export function requireLabelled(fn: string, ws: WindowSet): void {
  let count = 0;
  let first = -1;
  for (let i = 0; i < ws.n; i++) {
    if (ws.labels[i] < 0) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (count > 0) {
    throw new Error(
      `${fn}: ${count} of ${ws.n} windows are unlabelled (label -1), e.g. window ${first}; ` +
        "select labelled windows first, e.g. selectWindows(ws, (_m, y) => y >= 0)",
    );
  }
}

/** The group (experiment or sensor id) of window `i`. */
export function groupOf(ws: WindowSet, i: number, key: GroupKey): string {
  return ws.meta[i][key];
}

/** Throws unless `value` is an integer ≥ `min`, naming the sampler and option. */
export function requireInteger(fn: string, field: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${fn}: option ${field} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

/** Throws on option keys not in `known`, naming the sampler. */
export function rejectUnknownOptions(fn: string, options: object, known: readonly string[]): void {
  if (options === null || typeof options !== "object") {
    throw new Error(`${fn}: options must be an object, got ${String(options)}`);
  }
  for (const k of Object.keys(options)) {
    if (!known.includes(k)) {
      throw new Error(`${fn}: unknown option '${k}'; expected one of ${known.join(", ")}`);
    }
  }
}

/** Throws unless `key` is a {@linkcode GroupKey}. */
export function requireGroupKey(fn: string, key: unknown): GroupKey {
  if (!GROUP_KEYS.includes(key as GroupKey)) {
    throw new Error(
      `${fn}: option group must be one of ${GROUP_KEYS.map((k) => `"${k}"`).join(", ")}, got ${
        String(key)
      }`,
    );
  }
  return key as GroupKey;
}

/**
 * Partner picking for pair and triplet samplers: a positive of the same mode from another
 * experiment (or sensor), a negative of another mode, each uniform over the candidates.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import type { Rng } from "../random/rng.ts";
import { type GroupKey, groupOf } from "./window_groups.ts";

/** A list of window indices cut into contiguous blocks by a key. */
interface Blocks {
  indices: Int32Array;
  /** Block [start, end) of each key in `indices`. */
  range: Map<string, [number, number]>;
}

function blocksBy(items: number[], key: (i: number) => string): Blocks {
  const byKey = new Map<string, number[]>();
  for (const i of items) {
    const k = key(i);
    let list = byKey.get(k);
    if (!list) byKey.set(k, list = []);
    list.push(i);
  }
  const indices = new Int32Array(items.length);
  const range = new Map<string, [number, number]>();
  let pos = 0;
  for (const [k, list] of byKey) {
    range.set(k, [pos, pos + list.length]);
    indices.set(list, pos);
    pos += list.length;
  }
  return { indices, range };
}

/** Uniform draw from `blocks` outside the block of `exclude`. */
function drawOutside(blocks: Blocks, exclude: string, rng: Rng): number {
  const [start, end] = blocks.range.get(exclude) ?? [0, 0];
  let r = rng.int(blocks.indices.length - (end - start));
  if (r >= start) r += end - start;
  return blocks.indices[r];
}

/** Picks cross-group positives and other-mode negatives over labelled windows. */
export interface ModePartners {
  /** Windows that have at least one positive (same mode, other group): valid anchors. */
  anchors: Int32Array;
  /** Whether some window has a negative (at least two modes present). */
  hasNegatives: boolean;
  /** A uniform window of the same mode as `i` from another group than `i`'s. */
  positive(i: number, rng: Rng): number;
  /** A uniform window of another mode than `i`'s (any group). */
  negative(i: number, rng: Rng): number;
}

/**
 * Indexes the labelled windows of `ws` for {@linkcode ModePartners}. `fn` names the sampler
 * in errors: it throws when no window has a cross-group positive (one group only, or no mode
 * shared by two groups).
 */
export function modePartners(fn: string, ws: WindowSet, key: GroupKey): ModePartners {
  const all = Array.from({ length: ws.n }, (_, i) => i);
  const byLabel = blocksBy(all, (i) => String(ws.labels[i]));
  const byLabelGroup = new Map<string, Blocks>();
  for (const [label, [s, e]] of byLabel.range) {
    byLabelGroup.set(
      label,
      blocksBy([...byLabel.indices.subarray(s, e)], (i) => groupOf(ws, i, key)),
    );
  }
  const anchors: number[] = [];
  for (let i = 0; i < ws.n; i++) {
    const b = byLabelGroup.get(String(ws.labels[i]))!;
    const [s, e] = b.range.get(groupOf(ws, i, key))!;
    if (b.indices.length - (e - s) > 0) anchors.push(i);
  }
  if (anchors.length === 0) {
    const groups = new Set(ws.meta.map((m) => m[key]));
    throw new Error(
      `${fn}: no window has a positive (same mode, another ${key}); the windows come from ${groups.size} ${key}(s) (${
        [...groups].join(", ")
      }) and no mode is shared by two of them`,
    );
  }
  return {
    anchors: Int32Array.from(anchors),
    hasNegatives: byLabel.range.size > 1,
    positive(i, rng) {
      return drawOutside(byLabelGroup.get(String(ws.labels[i]))!, groupOf(ws, i, key), rng);
    },
    negative(i, rng) {
      return drawOutside(byLabel, String(ws.labels[i]), rng);
    },
  };
}

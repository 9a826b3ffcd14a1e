/**
 * (anchor, positive, negative) triplets for the triplet loss.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import type { Rng } from "../random/rng.ts";
import { modePartners } from "./mode_partners.ts";
import {
  checkRng,
  checkWindowSet,
  type GroupKey,
  rejectUnknownOptions,
  requireGroupKey,
  requireInteger,
  requireLabelled,
} from "./window_groups.ts";

/** Options of {@linkcode tripletBatches}. */
export interface TripletOptions {
  /** Number of triplets, ≥ 1. */
  triplets: number;
  /** Positives come from different experiments (default) or different sensors. */
  group?: GroupKey;
}

/** Index triplets: row k is (anchor[k], positive[k], negative[k]). */
export interface TripletIndices {
  anchor: Int32Array;
  positive: Int32Array;
  negative: Int32Array;
}

/**
 * Triplets for the triplet loss of Schroff, Kalenichenko & Philbin (CVPR 2015): the anchor
 * is uniform over the windows that have a positive; the positive is a window of the same mode
 * from a DIFFERENT experiment (or sensor); the negative a window of another mode (any
 * experiment), each uniform over its candidates. Every window must be labelled; throws when
 * no positive exists or only one mode is present.
 */
export function tripletBatches(
  windows: WindowSet,
  options: TripletOptions,
  rng: Rng,
): TripletIndices {
  const fn = "tripletBatches";
  checkWindowSet(fn, windows);
  checkRng(fn, rng);
  rejectUnknownOptions(fn, options, ["triplets", "group"]);
  const n = requireInteger(fn, "triplets", options.triplets, 1);
  const group = requireGroupKey(fn, options.group ?? "experiment");
  requireLabelled(fn, windows);
  const partners = modePartners(fn, windows, group);
  if (!partners.hasNegatives) {
    throw new Error(`${fn}: all windows have the same mode, so there are no negatives`);
  }
  const anchor = new Int32Array(n);
  const positive = new Int32Array(n);
  const negative = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const a = partners.anchors[rng.int(partners.anchors.length)];
    anchor[k] = a;
    positive[k] = partners.positive(a, rng);
    negative[k] = partners.negative(a, rng);
  }
  return { anchor, positive, negative };
}

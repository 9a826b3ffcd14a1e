/**
 * Balanced pairs for the pairwise contrastive loss of a Siamese network.
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

/** Options of {@linkcode siamesePairs}. */
export interface SiamesePairOptions {
  /** Number of pairs, ≥ 2; the first ⌈pairs/2⌉ alternate positions are similar. */
  pairs: number;
  /** Similar pairs come from different experiments (default) or different sensors. */
  group?: GroupKey;
}

/** Index pairs with their target: `same[k]` is 1 for (first[k], second[k]) similar, else 0. */
export interface SiamesePairs {
  first: Int32Array;
  second: Int32Array;
  /** 1 = same mode from another experiment/sensor, 0 = different modes. */
  same: Float32Array;
}

/**
 * Pairs for the contrastive loss of Hadsell, Chopra & LeCun (CVPR 2006), balanced: pairs
 * alternate similar (k even) and dissimilar (k odd). A similar pair is an anchor and a window
 * of the same mode from a DIFFERENT experiment (or sensor), so the only way to pull it
 * together is to ignore the sensor; a dissimilar pair is an anchor and a window of another
 * mode. Anchors are uniform over the windows that have such a positive (used for both kinds,
 * so both kinds see the same anchors); partners are uniform over their candidates. Every
 * window must be labelled; throws when no positive exists or only one mode is present.
 */
export function siamesePairs(
  windows: WindowSet,
  options: SiamesePairOptions,
  rng: Rng,
): SiamesePairs {
  const fn = "siamesePairs";
  checkWindowSet(fn, windows);
  checkRng(fn, rng);
  rejectUnknownOptions(fn, options, ["pairs", "group"]);
  const pairs = requireInteger(fn, "pairs", options.pairs, 2);
  const group = requireGroupKey(fn, options.group ?? "experiment");
  requireLabelled(fn, windows);
  const partners = modePartners(fn, windows, group);
  if (!partners.hasNegatives) {
    throw new Error(`${fn}: all windows have the same mode, so there are no dissimilar pairs`);
  }
  const first = new Int32Array(pairs);
  const second = new Int32Array(pairs);
  const same = new Float32Array(pairs);
  for (let k = 0; k < pairs; k++) {
    const a = partners.anchors[rng.int(partners.anchors.length)];
    first[k] = a;
    if (k % 2 === 0) {
      second[k] = partners.positive(a, rng);
      same[k] = 1;
    } else {
      second[k] = partners.negative(a, rng);
    }
  }
  return { first, second, same };
}

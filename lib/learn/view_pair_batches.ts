/**
 * Self-supervised batches: shuffled windows, each to be seen as two augmented views.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import type { Rng } from "../random/rng.ts";
import { checkRng, checkWindowSet, rejectUnknownOptions, requireInteger } from "./window_groups.ts";

/** Options of {@linkcode viewPairBatches}. */
export interface ViewPairBatchOptions {
  /** Windows per batch (each gives two views), ≥ 2. */
  batchSize: number;
  /** Number of batches; default ⌊n / batchSize⌋ (one pass, the remainder dropped). */
  batches?: number;
}

/**
 * Index batches for SimCLR-style training (Chen et al., ICML 2020): a seeded shuffle of all
 * n windows cut into batches of `batchSize` distinct windows. When more batches are asked for
 * than one pass gives, further passes are fresh shuffles. Each window of a batch is later
 * turned into two augmented views (e.g. with `gatherWindows` twice), the positive pair; the
 * other windows' views are its negatives. Labels are not used.
 */
export function viewPairBatches(
  windows: WindowSet,
  options: ViewPairBatchOptions,
  rng: Rng,
): Int32Array[] {
  const fn = "viewPairBatches";
  checkWindowSet(fn, windows);
  checkRng(fn, rng);
  rejectUnknownOptions(fn, options, ["batchSize", "batches"]);
  const batchSize = requireInteger(fn, "batchSize", options.batchSize, 2);
  if (batchSize > windows.n) {
    throw new Error(`${fn}: option batchSize ${batchSize} exceeds the ${windows.n} windows`);
  }
  const batches = options.batches === undefined
    ? Math.floor(windows.n / batchSize)
    : requireInteger(fn, "batches", options.batches, 1);
  const all = Array.from({ length: windows.n }, (_, i) => i);
  const out: Int32Array[] = [];
  let order: number[] = [];
  let pos = 0;
  for (let b = 0; b < batches; b++) {
    if (pos + batchSize > order.length) {
      order = rng.shuffle(all);
      pos = 0;
    }
    out.push(Int32Array.from(order.slice(pos, pos + batchSize)));
    pos += batchSize;
  }
  return out;
}

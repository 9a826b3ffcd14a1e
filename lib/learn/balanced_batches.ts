/**
 * Batches balanced over experiments (or sensors) and modes, for the supervised losses that
 * need positives inside the batch (SupCon, batch-hard triplet).
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import type { Rng } from "../random/rng.ts";
import {
  checkRng,
  checkWindowSet,
  type GroupKey,
  groupOf,
  rejectUnknownOptions,
  requireGroupKey,
  requireInteger,
  requireLabelled,
} from "./window_groups.ts";

/** Options of {@linkcode experimentBalancedBatches} and {@linkcode labelBalancedBatches}. */
export interface BalancedBatchOptions {
  /** Windows per batch, ≥ 2. */
  batchSize: number;
  /** Number of batches; default ⌊n / batchSize⌋ (about one pass over the windows). */
  batches?: number;
  /** Balance over experiments (default) or sensors. */
  group?: GroupKey;
}

/** A cell of windows sharing an outer and inner key, drawn from a reshuffled queue. */
interface Cell {
  windows: number[];
  queue: number[];
}

function nextFromCell(cell: Cell, rng: Rng): number {
  if (cell.queue.length === 0) cell.queue = rng.shuffle(cell.windows);
  return cell.queue.pop()!;
}

/** Splits `total` into `parts` quotas ⌊total/parts⌋ or ⌈total/parts⌉, the larger ones first. */
function quotas(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

/**
 * The two-level balanced sampler: each batch splits `batchSize` evenly over the outer keys
 * (in a fresh random order, so which keys get the extra window varies), and each key's quota
 * evenly over its inner keys; each (outer, inner) cell yields windows from its own shuffled
 * queue, reshuffled when exhausted. A cell smaller than its quota repeats windows in a batch.
 */
function twoLevelBatches(
  ws: WindowSet,
  outer: (i: number) => string,
  inner: (i: number) => string,
  batchSize: number,
  batches: number,
  rng: Rng,
): Int32Array[] {
  const cells = new Map<string, Map<string, Cell>>();
  for (let i = 0; i < ws.n; i++) {
    const o = outer(i), n = inner(i);
    let byInner = cells.get(o);
    if (!byInner) cells.set(o, byInner = new Map());
    let cell = byInner.get(n);
    if (!cell) byInner.set(n, cell = { windows: [], queue: [] });
    cell.windows.push(i);
  }
  const outerKeys = [...cells.keys()].sort();
  const out: Int32Array[] = [];
  for (let b = 0; b < batches; b++) {
    const batch = new Int32Array(batchSize);
    let k = 0;
    const outerOrder = rng.shuffle(outerKeys);
    const outerQuota = quotas(batchSize, outerOrder.length);
    outerOrder.forEach((o, oi) => {
      const byInner = cells.get(o)!;
      const innerOrder = rng.shuffle([...byInner.keys()].sort());
      const innerQuota = quotas(outerQuota[oi], innerOrder.length);
      innerOrder.forEach((n, ni) => {
        const cell = byInner.get(n)!;
        for (let q = 0; q < innerQuota[ni]; q++) batch[k++] = nextFromCell(cell, rng);
      });
    });
    out.push(batch);
  }
  return out;
}

function resolve(fn: string, ws: WindowSet, options: BalancedBatchOptions, rng: Rng) {
  checkWindowSet(fn, ws);
  checkRng(fn, rng);
  rejectUnknownOptions(fn, options, ["batchSize", "batches", "group"]);
  const batchSize = requireInteger(fn, "batchSize", options.batchSize, 2);
  if (batchSize > ws.n) {
    throw new Error(`${fn}: option batchSize ${batchSize} exceeds the ${ws.n} windows`);
  }
  const batches = options.batches === undefined
    ? Math.floor(ws.n / batchSize)
    : requireInteger(fn, "batches", options.batches, 1);
  const group = requireGroupKey(fn, options.group ?? "experiment");
  return { batchSize, batches, group };
}

/**
 * Batches balanced over experiments: each batch holds ⌊B/E⌋ or ⌈B/E⌉ windows of each of
 * the E experiments (or sensors, `group`), and within an experiment's share the modes are
 * balanced the same way. So every mode appears in the batch from several experiments, and
 * SupCon (Khosla et al., NeurIPS 2020) and batch-hard triplet (Hermans et al., 2017) find
 * positives across sensors. Unlabelled windows (label -1) form their own "mode", so the
 * sampler also balances unlabelled data over experiments. Seeded: same rng state → same
 * batches.
 */
export function experimentBalancedBatches(
  windows: WindowSet,
  options: BalancedBatchOptions,
  rng: Rng,
): Int32Array[] {
  const { batchSize, batches, group } = resolve("experimentBalancedBatches", windows, options, rng);
  return twoLevelBatches(
    windows,
    (i) => groupOf(windows, i, group),
    (i) => String(windows.labels[i]),
    batchSize,
    batches,
    rng,
  );
}

/**
 * Batches balanced over modes: each batch holds ⌊B/M⌋ or ⌈B/M⌉ windows of each of the M
 * modes present, and within a mode's share the experiments (or sensors, `group`) are
 * balanced the same way. Every window must be labelled. Seeded like
 * {@linkcode experimentBalancedBatches}.
 */
export function labelBalancedBatches(
  windows: WindowSet,
  options: BalancedBatchOptions,
  rng: Rng,
): Int32Array[] {
  const fn = "labelBalancedBatches";
  const { batchSize, batches, group } = resolve(fn, windows, options, rng);
  requireLabelled(fn, windows);
  return twoLevelBatches(
    windows,
    (i) => String(windows.labels[i]),
    (i) => groupOf(windows, i, group),
    batchSize,
    batches,
    rng,
  );
}

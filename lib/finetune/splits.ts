/**
 * Splits of a window set for the evaluation protocol, all by driver so that no driver's
 * windows are on both sides: leave one experiment (= one sensor) out, a validation split of
 * drivers within experiments, label fractions of a training set, and the leakage check.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import { Rng } from "../random/rng.ts";
import { resolveOptions } from "../stats/options.ts";

/** One fold of {@linkcode leaveOneExperimentOut}. */
export interface ExperimentFold {
  /** The held-out experiment. */
  heldOut: string;
  /** Its sensor. */
  sensor: string;
  /** Labelled windows of the other experiments (ascending indices). */
  trainIdx: Int32Array;
  /** Labelled windows of the held-out experiment (ascending indices). */
  testIdx: Int32Array;
}

function checkIndices(fn: string, ws: WindowSet, indices: ArrayLike<number>, name: string): void {
  if (indices === null || typeof indices !== "object" || typeof indices.length !== "number") {
    throw new Error(`${fn}: ${name} must be an array of window indices`);
  }
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!(Number.isInteger(i) && i >= 0 && i < ws.n)) {
      throw new Error(`${fn}: ${name}[${k}] is ${i}; expected a window index in [0, ${ws.n})`);
    }
  }
}

/** The experiments of a window set, sorted. */
export function experimentsOf(ws: WindowSet): string[] {
  return [...new Set(ws.meta.map((m) => m.experiment))].sort();
}

/**
 * Throws unless no driver has windows in both `a` and `b` (index lists into `ws`), naming the
 * first shared driver; `what` names the split in the message.
 */
export function assertDriverDisjoint(
  ws: WindowSet,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  what = "split",
): void {
  const fn = "assertDriverDisjoint";
  checkIndices(fn, ws, a, "a");
  checkIndices(fn, ws, b, "b");
  const drivers = new Set<string>();
  for (let k = 0; k < a.length; k++) drivers.add(ws.meta[a[k]].driver);
  for (let k = 0; k < b.length; k++) {
    const m = ws.meta[b[k]];
    if (drivers.has(m.driver)) {
      throw new Error(
        `${what}: driver '${m.driver}' has windows on both sides (e.g. window ${
          b[k]
        } of experiment ${m.experiment}); expected driver-disjoint sets`,
      );
    }
  }
}

/**
 * Leave-one-experiment-out folds: for each held-out experiment (default: every experiment, in
 * sorted order), train on the labelled windows of the other experiments and test on the
 * labelled windows of the held-out one. Unlabelled windows (-1) are in neither. Since an
 * experiment has its own sensor, this is also leave-one-sensor-out. Throws on an unknown
 * experiment, a held-out experiment without labelled windows, or a driver appearing in two
 * experiments (which would leak across the split).
 */
export function leaveOneExperimentOut(
  ws: WindowSet,
  heldOut: readonly string[] | null = null,
): ExperimentFold[] {
  const fn = "leaveOneExperimentOut";
  const all = experimentsOf(ws);
  const chosen = heldOut ?? all;
  if (all.length < 2) {
    throw new Error(
      `${fn}: the windows come from ${all.length} experiment(s); expected at least 2`,
    );
  }
  for (const e of chosen) {
    if (!all.includes(e)) {
      throw new Error(`${fn}: unknown experiment '${e}'; the windows have ${all.join(", ")}`);
    }
  }
  return chosen.map((e) => {
    const train: number[] = [], test: number[] = [];
    let sensor = "";
    for (let i = 0; i < ws.n; i++) {
      if (ws.labels[i] < 0) continue;
      if (ws.meta[i].experiment === e) {
        test.push(i);
        sensor = ws.meta[i].sensor;
      } else train.push(i);
    }
    if (test.length === 0) throw new Error(`${fn}: experiment '${e}' has no labelled windows`);
    if (train.length === 0) {
      throw new Error(`${fn}: no labelled windows outside experiment '${e}' to train on`);
    }
    assertDriverDisjoint(ws, train, test, `${fn} (held out ${e})`);
    return { heldOut: e, sensor, trainIdx: Int32Array.from(train), testIdx: Int32Array.from(test) };
  });
}

/** A training / validation split of window indices. */
export interface DriverSplit {
  /** Windows of the drivers kept for training (ascending). */
  trainIdx: Int32Array;
  /** Windows of the validation drivers (ascending). */
  valIdx: Int32Array;
  /** The validation drivers, sorted. */
  valDrivers: string[];
}

/**
 * Splits `indices` by driver within each experiment: round(fraction × D) of an experiment's D
 * drivers (at least 1 and at most D − 1 when D ≥ 2; none when D = 1), drawn with `rng`, give
 * the validation windows; the rest the training windows. Seeded: the same rng state gives the
 * same split.
 */
export function driverValidationSplit(
  ws: WindowSet,
  indices: ArrayLike<number>,
  fraction: number,
  rng: Rng,
): DriverSplit {
  const fn = "driverValidationSplit";
  checkIndices(fn, ws, indices, "indices");
  if (!(fraction > 0 && fraction < 1)) {
    throw new Error(`${fn}: fraction must be in (0, 1), got ${fraction}`);
  }
  if (!(rng instanceof Rng)) throw new Error(`${fn}: rng must be an Rng`);
  const byExperiment = new Map<string, Set<string>>();
  for (let k = 0; k < indices.length; k++) {
    const m = ws.meta[indices[k]];
    let set = byExperiment.get(m.experiment);
    if (!set) byExperiment.set(m.experiment, set = new Set());
    set.add(m.driver);
  }
  const val = new Set<string>();
  for (const e of [...byExperiment.keys()].sort()) {
    const drivers = [...byExperiment.get(e)!].sort();
    const D = drivers.length;
    const count = D < 2 ? 0 : Math.min(D - 1, Math.max(1, Math.round(fraction * D)));
    for (const d of rng.fork(e).shuffle(drivers).slice(0, count)) val.add(d);
  }
  const trainIdx: number[] = [], valIdx: number[] = [];
  const sorted = Array.from(indices).sort((a, b) => a - b);
  for (const i of sorted) (val.has(ws.meta[i].driver) ? valIdx : trainIdx).push(i);
  return {
    trainIdx: Int32Array.from(trainIdx),
    valIdx: Int32Array.from(valIdx),
    valDrivers: [...val].sort(),
  };
}

/** Options of {@linkcode labelFraction}. */
export interface LabelFractionOptions {
  /** Draw single windows, or whole drivers (all their windows). */
  by: "window" | "driver";
  /** "mode": every mode present in the pool is kept at least once; "none": no guarantee. */
  stratify: "mode" | "none";
}

/** Defaults: by window, stratified by mode. */
export const LABEL_FRACTION_DEFAULTS: Readonly<LabelFractionOptions> = Object.freeze({
  by: "window",
  stratify: "mode",
});

/**
 * A seeded subset of the labelled training windows `trainIdx`, about `fraction` of them
 * (ascending indices; fraction 1 keeps all):
 *
 * - by "window", stratify "mode": round(fraction × n_m) windows of each mode m, at least one
 *   per mode present, so even 1 % holds every mode (when the pool has it);
 * - by "window", stratify "none": max(1, round(fraction × n)) windows;
 * - by "driver": drivers in a random order are added whole until they hold ≥ fraction × n
 *   windows; with stratify "mode", further drivers (in the same order) are then added while a
 *   mode of the pool is missing and a remaining driver has it.
 *
 * Throws on unlabelled windows in `trainIdx`, a fraction outside (0, 1], or bad options.
 */
export function labelFraction(
  ws: WindowSet,
  trainIdx: ArrayLike<number>,
  fraction: number,
  rng: Rng,
  options?: Partial<LabelFractionOptions>,
): Int32Array {
  const fn = "labelFraction";
  const o = resolveOptions(LABEL_FRACTION_DEFAULTS, options, fn);
  if (o.by !== "window" && o.by !== "driver") {
    throw new Error(`${fn}: option by must be "window" or "driver", got "${o.by}"`);
  }
  if (o.stratify !== "mode" && o.stratify !== "none") {
    throw new Error(`${fn}: option stratify must be "mode" or "none", got "${o.stratify}"`);
  }
  checkIndices(fn, ws, trainIdx, "trainIdx");
  if (!(fraction > 0 && fraction <= 1)) {
    throw new Error(`${fn}: fraction must be in (0, 1], got ${fraction}`);
  }
  if (!(rng instanceof Rng)) throw new Error(`${fn}: rng must be an Rng`);
  const pool = Array.from(trainIdx).sort((a, b) => a - b);
  if (pool.length === 0) throw new Error(`${fn}: trainIdx is empty`);
  for (const i of pool) {
    if (ws.labels[i] < 0) {
      throw new Error(`${fn}: trainIdx holds unlabelled window ${i}; expected labelled windows`);
    }
  }
  if (fraction === 1) return Int32Array.from(pool);
  const chosen: number[] = [];
  if (o.by === "window") {
    if (o.stratify === "none") {
      const count = Math.max(1, Math.round(fraction * pool.length));
      chosen.push(...rng.shuffle(pool).slice(0, count));
    } else {
      const modes = [...new Set(pool.map((i) => ws.labels[i]))].sort((a, b) => a - b);
      for (const m of modes) {
        const cell = pool.filter((i) => ws.labels[i] === m);
        const count = Math.max(1, Math.round(fraction * cell.length));
        chosen.push(...rng.shuffle(cell).slice(0, count));
      }
    }
  } else {
    const byDriver = new Map<string, number[]>();
    for (const i of pool) {
      const d = ws.meta[i].driver;
      let list = byDriver.get(d);
      if (!list) byDriver.set(d, list = []);
      list.push(i);
    }
    const order = rng.shuffle([...byDriver.keys()].sort());
    const taken = new Set<string>();
    for (const d of order) {
      if (chosen.length >= fraction * pool.length) break;
      taken.add(d);
      chosen.push(...byDriver.get(d)!);
    }
    if (o.stratify === "mode") {
      const want = new Set(pool.map((i) => ws.labels[i]));
      const have = () => new Set(chosen.map((i) => ws.labels[i]));
      for (const d of order) {
        const got = have();
        if (got.size === want.size) break;
        if (taken.has(d)) continue;
        if (byDriver.get(d)!.some((i) => !got.has(ws.labels[i]))) {
          taken.add(d);
          chosen.push(...byDriver.get(d)!);
        }
      }
    }
  }
  return Int32Array.from(chosen.sort((a, b) => a - b));
}

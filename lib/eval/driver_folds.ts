/**
 * K-fold cross-validation folds by driver (group k-fold), spread over experiments, so that no
 * driver's windows are on both sides of a fold.
 *
 * @module
 */
import { Rng } from "../random/rng.ts";

/**
 * The fold (0 … k−1) of each row: every driver goes wholly into one fold. Within each
 * experiment (in sorted order) the drivers are shuffled with `rng` and dealt to the folds
 * round-robin, continuing the deal from where the previous experiment stopped, so folds get
 * about the same number of drivers and, when an experiment has ≥ k drivers, each fold tests
 * some of its drivers and trains on the others. Throws when k < 2, on length mismatches, or
 * when a driver id occurs in two experiments.
 */
export function driverFolds(
  experiments: readonly string[],
  drivers: readonly string[],
  k: number,
  rng: Rng,
): Int32Array {
  const fn = "driverFolds";
  if (!(Number.isInteger(k) && k >= 2)) {
    throw new Error(`${fn}: k must be an integer ≥ 2, got ${k}`);
  }
  if (experiments?.length !== drivers?.length) {
    throw new Error(
      `${fn}: experiments (${experiments?.length}) and drivers (${drivers?.length}) differ in length`,
    );
  }
  if (!(rng instanceof Rng)) throw new Error(`${fn}: rng must be an Rng`);
  const experimentOf = new Map<string, string>();
  const byExperiment = new Map<string, Set<string>>();
  for (let i = 0; i < drivers.length; i++) {
    const e = experiments[i], d = drivers[i];
    const seen = experimentOf.get(d);
    if (seen !== undefined && seen !== e) {
      throw new Error(`${fn}: driver '${d}' occurs in experiments ${seen} and ${e}; expected one`);
    }
    experimentOf.set(d, e);
    let set = byExperiment.get(e);
    if (!set) byExperiment.set(e, set = new Set());
    set.add(d);
  }
  const foldOf = new Map<string, number>();
  let next = 0;
  for (const e of [...byExperiment.keys()].sort()) {
    for (const d of rng.fork(e).shuffle([...byExperiment.get(e)!].sort())) {
      foldOf.set(d, next % k);
      next++;
    }
  }
  return Int32Array.from(drivers, (d) => foldOf.get(d)!);
}

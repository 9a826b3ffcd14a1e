/**
 * Sensor identifiability: how well a linear probe tells from a representation which
 * experiment (= sensor) a window was recorded with. A representation that carries the
 * sensor's fingerprint lets a classifier latch onto it; the sensor-simulating contrastive
 * pretraining aims to remove it, so its probe should sit nearer chance.
 *
 * @module
 */
import { Rng } from "../random/rng.ts";
import { resolveOptions } from "../stats/options.ts";
import {
  fitLogisticRegression,
  LOGISTIC_REGRESSION_DEFAULTS,
  type LogisticRegressionOptions,
  predictLogisticRegression,
} from "../finetune/logistic_regression.ts";
import { matrixDims } from "../finetune/standardizer.ts";
import { balancedAccuracy } from "./accuracy.ts";
import { driverFolds } from "./driver_folds.ts";

/** Options of {@linkcode sensorIdentifiability}. */
export interface IdentifiabilityOptions {
  /** Driver-disjoint folds; clamped to the fewest drivers of an experiment (at least 2). */
  folds: number;
  /** Seed of the assignment of drivers to folds. */
  seed: number;
  /** The probe: multinomial logistic regression, class-balanced by default. */
  logistic: Partial<LogisticRegressionOptions>;
}

/** Defaults: 3 folds, seed 0, balanced class weights. */
export const IDENTIFIABILITY_DEFAULTS: Readonly<IdentifiabilityOptions> = Object.freeze({
  folds: 3,
  seed: 0,
  logistic: { ...LOGISTIC_REGRESSION_DEFAULTS, classWeight: "balanced" as const },
});

/** What {@linkcode sensorIdentifiability} returns. */
export interface IdentifiabilityResult {
  /** Share of windows whose experiment the probe predicts right (each predicted once). */
  accuracy: number;
  /** Mean per-experiment recall (chance: 1 / #experiments whatever their sizes). */
  balancedAccuracy: number;
  /** Chance level 1 / #experiments (0.25 for four sensors). */
  chance: number;
  /** Accuracy of always answering the most frequent experiment. */
  majority: number;
  /** The experiments (classes), sorted. */
  experiments: string[];
  /** Accuracy of each fold. */
  foldAccuracy: number[];
  /** Folds used. */
  folds: number;
}

/**
 * Cross-validated accuracy of a multinomial logistic-regression probe predicting each row's
 * experiment from `features` ([n, d] row-major; NaN = missing, imputed), with driver-disjoint
 * folds (`driverFolds` over `drivers`): every window is predicted by a probe that never saw
 * its driver. Reports accuracy against chance (1/#experiments) and the majority rate.
 */
export function sensorIdentifiability(
  features: Float32Array,
  experiments: readonly string[],
  drivers: readonly string[],
  options?: Partial<IdentifiabilityOptions>,
): IdentifiabilityResult {
  const fn = "sensorIdentifiability";
  const o: IdentifiabilityOptions = { ...resolveOptions(IDENTIFIABILITY_DEFAULTS, options, fn) };
  o.logistic = { ...IDENTIFIABILITY_DEFAULTS.logistic, ...(options?.logistic ?? {}) };
  const n = experiments?.length;
  if (!(typeof n === "number" && n >= 2)) {
    throw new Error(`${fn}: expected experiment labels for at least 2 rows`);
  }
  if (drivers?.length !== n) {
    throw new Error(`${fn}: drivers has ${drivers?.length} entries, experiments ${n}`);
  }
  const d = matrixDims(fn, "features", features, n);
  const names = [...new Set(experiments)].sort();
  if (names.length < 2) {
    throw new Error(`${fn}: all rows come from experiment '${names[0]}'; expected at least 2`);
  }
  const y = Int32Array.from(experiments, (e) => names.indexOf(e));
  const driversPer = names.map((e) => new Set(drivers.filter((_, i) => experiments[i] === e)).size);
  const fewest = Math.min(...driversPer);
  if (fewest < 2) {
    throw new Error(
      `${fn}: experiment '${
        names[driversPer.indexOf(fewest)]
      }' has 1 driver; driver-disjoint folds need at least 2 per experiment`,
    );
  }
  if (!(Number.isInteger(o.folds) && o.folds >= 2)) {
    throw new Error(`${fn}: option folds must be an integer ≥ 2, got ${o.folds}`);
  }
  const k = Math.min(o.folds, fewest);
  const fold = driverFolds(experiments, drivers, k, new Rng(o.seed).fork("identifiability"));
  const predicted = new Int32Array(n);
  const foldAccuracy: number[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [], test: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? test : train).push(i);
    if (test.length === 0) continue;
    const rows = (idx: number[]) => {
      const out = new Float32Array(idx.length * d);
      idx.forEach((i, r) => out.set(features.subarray(i * d, (i + 1) * d), r * d));
      return out;
    };
    const model = fitLogisticRegression(rows(train), train.map((i) => y[i]), {
      ...o.logistic,
      classes: names.length,
    });
    const p = predictLogisticRegression(model, rows(test));
    let hits = 0;
    test.forEach((i, r) => {
      predicted[i] = p[r];
      if (p[r] === y[i]) hits++;
    });
    foldAccuracy.push(hits / test.length);
  }
  let hits = 0;
  const counts = new Array<number>(names.length).fill(0);
  for (let i = 0; i < n; i++) {
    if (predicted[i] === y[i]) hits++;
    counts[y[i]]++;
  }
  return {
    accuracy: hits / n,
    balancedAccuracy: balancedAccuracy(y, predicted),
    chance: 1 / names.length,
    majority: Math.max(...counts) / n,
    experiments: names,
    foldAccuracy,
    folds: k,
  };
}

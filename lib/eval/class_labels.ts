/**
 * Validation of class-label vectors shared by the classification metrics.
 *
 * @module
 */

/** Throws unless `k` is an integer ≥ 1 (the number of classes), naming the function. */
export function checkClassCount(fn: string, k: unknown): number {
  if (!(typeof k === "number" && Number.isInteger(k) && k >= 1)) {
    throw new Error(`${fn}: k (the number of classes) must be an integer ≥ 1, got ${String(k)}`);
  }
  return k;
}

/**
 * Throws unless `labels` is a non-empty array of integers in [0, k), naming the function, the
 * argument and the first bad entry (e.g. an unlabelled window's -1).
 */
export function checkClassLabels(
  fn: string,
  name: string,
  labels: ArrayLike<number>,
  k: number,
): void {
  if (labels === null || typeof labels !== "object" || typeof labels.length !== "number") {
    throw new Error(`${fn}: ${name} must be an array of class indices, got ${String(labels)}`);
  }
  if (labels.length === 0) throw new Error(`${fn}: ${name} is empty; expected at least one label`);
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (!(Number.isInteger(v) && v >= 0 && v < k)) {
      throw new Error(
        `${fn}: ${name}[${i}] is ${v}; expected a class index in [0, ${k}) (drop unlabelled -1 first)`,
      );
    }
  }
}

/** Checks a (yTrue, yPred) pair: both valid for `k` classes and of equal length. */
export function checkLabelPair(
  fn: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  k: number,
): void {
  checkClassCount(fn, k);
  checkClassLabels(fn, "yTrue", yTrue, k);
  checkClassLabels(fn, "yPred", yPred, k);
  if (yTrue.length !== yPred.length) {
    throw new Error(
      `${fn}: yTrue has ${yTrue.length} labels but yPred has ${yPred.length}; expected equal lengths`,
    );
  }
}

/** The number of classes label vectors imply: their largest finite label + 1 (0 when none). */
export function classCountOf(...labelSets: ArrayLike<number>[]): number {
  let max = -1;
  for (const labels of labelSets) {
    for (let i = 0; i < labels.length; i++) {
      const v = labels[i];
      if (Number.isFinite(v) && v > max) max = v;
    }
  }
  return max + 1;
}

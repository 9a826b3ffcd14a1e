/**
 * Per-class and macro-averaged F1 scores.
 *
 * F1 of class c is the harmonic mean of its precision and recall,
 *
 *   F1_c = 2·TP_c / (2·TP_c + FP_c + FN_c),
 *
 * (van Rijsbergen 1979). Convention for classes that are rare in a test set:
 *
 * - a class present in `yTrue` or `yPred` has a defined F1 (0 when it is never predicted
 *   right, e.g. predicted but absent from the truth: precision 0);
 * - a class absent from both `yTrue` and `yPred` has no F1: `perClassF1` gives NaN for it, and
 *   `macroF1` leaves it out of the average (the mean is over the classes that occur), as
 *   scikit-learn does with its default `labels`.
 *
 * @module
 */
import { confusionMatrix } from "./confusion_matrix.ts";

/**
 * F1 of each of the k classes, F1_c = 2TP_c / (2TP_c + FP_c + FN_c); NaN for a class absent
 * from both `yTrue` and `yPred` (see the module doc).
 */
export function perClassF1(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  k: number,
): number[] {
  const c = confusionMatrix(yTrue, yPred, k);
  return f1FromConfusion(c);
}

/** F1 of each class from a confusion matrix (rows truth, columns prediction); NaN when undefined. */
export function f1FromConfusion(confusion: number[][]): number[] {
  const k = confusion.length;
  const out: number[] = [];
  for (let c = 0; c < k; c++) {
    const tp = confusion[c][c];
    let fn = 0, fp = 0;
    for (let j = 0; j < k; j++) {
      if (j === c) continue;
      fn += confusion[c][j];
      fp += confusion[j][c];
    }
    const denominator = 2 * tp + fp + fn;
    out.push(denominator === 0 ? NaN : 2 * tp / denominator);
  }
  return out;
}

/**
 * Macro-F1: the unweighted mean of {@linkcode perClassF1} over the classes present in `yTrue`
 * or `yPred` (classes absent from both are excluded; see the module doc).
 */
export function macroF1(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number): number {
  return meanDefined(perClassF1(yTrue, yPred, k));
}

/** The mean of the non-NaN entries of per-class scores (the macro average). */
export function meanDefined(scores: number[]): number {
  let sum = 0, n = 0;
  for (const s of scores) {
    if (!Number.isNaN(s)) {
      sum += s;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

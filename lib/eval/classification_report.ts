/**
 * All the classification metrics of one prediction in one object.
 *
 * @module
 */
import { checkLabelPair } from "./class_labels.ts";
import { confusionMatrix } from "./confusion_matrix.ts";
import { f1FromConfusion, meanDefined } from "./f1.ts";

/** What {@linkcode classificationReport} returns. */
export interface ClassificationReport {
  /** Number of samples. */
  n: number;
  /** Share of correct predictions. */
  accuracy: number;
  /** Mean F1 over the classes present in truth or prediction (see lib/eval/f1.ts). */
  macroF1: number;
  /** F1 of each class; NaN for a class absent from truth and prediction. */
  perClassF1: number[];
  /** Confusion matrix, rows truth, columns prediction. */
  confusion: number[][];
}

/** Accuracy, macro-F1, per-class F1 and the confusion matrix of predictions for k classes. */
export function classificationReport(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  k: number,
): ClassificationReport {
  checkLabelPair("classificationReport", yTrue, yPred, k);
  const confusion = confusionMatrix(yTrue, yPred, k);
  const perClass = f1FromConfusion(confusion);
  let hits = 0;
  for (let c = 0; c < k; c++) hits += confusion[c][c];
  return {
    n: yTrue.length,
    accuracy: hits / yTrue.length,
    macroF1: meanDefined(perClass),
    perClassF1: perClass,
    confusion,
  };
}

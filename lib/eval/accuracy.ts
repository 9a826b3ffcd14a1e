/**
 * Accuracy and balanced accuracy of a classifier's predictions.
 *
 * @module
 */
import { checkLabelPair, classCountOf } from "./class_labels.ts";

/** The share of samples whose prediction equals the truth: (1/n) Σᵢ [ŷᵢ = yᵢ]. */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkLabelPair("accuracy", yTrue, yPred, Math.max(1, classCountOf(yTrue, yPred)));
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/**
 * Balanced accuracy: the mean over the classes present in `yTrue` of their recall
 * TPₖ / nₖ (Brodersen et al., ICPR 2010). Its chance level is 1 / (number of classes
 * present), whatever the class sizes, so it is the fair score for imbalanced classes.
 */
export function balancedAccuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const k = Math.max(1, classCountOf(yTrue, yPred));
  checkLabelPair("balancedAccuracy", yTrue, yPred, k);
  const hits = new Array<number>(k).fill(0), sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < yTrue.length; i++) {
    sizes[yTrue[i]]++;
    if (yTrue[i] === yPred[i]) hits[yTrue[i]]++;
  }
  let sum = 0, present = 0;
  for (let c = 0; c < k; c++) {
    if (sizes[c] > 0) {
      sum += hits[c] / sizes[c];
      present++;
    }
  }
  return sum / present;
}

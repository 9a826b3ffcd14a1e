/**
 * The confusion matrix of a classifier's predictions.
 *
 * @module
 */
import { checkLabelPair } from "./class_labels.ts";

/**
 * The k × k confusion matrix C with C[t][p] = number of samples of true class t predicted as
 * class p (rows: truth, columns: prediction). Throws on labels outside [0, k) or unequal
 * lengths.
 */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  k: number,
): number[][] {
  checkLabelPair("confusionMatrix", yTrue, yPred, k);
  const c = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) c[yTrue[i]][yPred[i]]++;
  return c;
}

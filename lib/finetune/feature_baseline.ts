/**
 * The classical baseline: hand-crafted physiological features (EEG band powers, heart rate and
 * HRV, GSR tonic level and SCR rate; `windowFeatureMatrix`) with a logistic regression.
 *
 * @module
 */
import type { LogisticRegressionOptions } from "./logistic_regression.ts";
import { type LinearClassifierRun, linearProbe } from "./linear_probe.ts";

/**
 * Fits a multinomial logistic regression on the training windows' feature rows `featTrain`
 * ([n, F], NaN = missing, imputed by the training mean) and labels `yTrain`, and predicts the
 * test rows `featTest` — the same model as the linear probe, on features instead of an
 * embedding.
 */
export function featureBaseline(
  featTrain: Float32Array,
  yTrain: ArrayLike<number>,
  featTest: Float32Array,
  options?: Partial<LogisticRegressionOptions>,
): LinearClassifierRun {
  return linearProbe(featTrain, yTrain, featTest, options);
}

/**
 * The linear probe: a logistic regression on frozen embeddings (the standard evaluation of a
 * self-supervised representation, e.g. SimCLR, Chen et al., ICML 2020).
 *
 * @module
 */
import {
  argmaxRows,
  fitLogisticRegression,
  type LogisticRegressionModel,
  type LogisticRegressionOptions,
  predictProbaLogisticRegression,
} from "./logistic_regression.ts";

/** What {@linkcode linearProbe} and {@linkcode featureBaseline} return. */
export interface LinearClassifierRun {
  /** Predicted class of each test row. */
  predictions: Int32Array;
  /** Class probabilities of the test rows, row-major [n, classes]. */
  probabilities: Float32Array;
  /** The fitted regression (e.g. to start a fine-tuning head from it). */
  model: LogisticRegressionModel;
  /** Wall-clock seconds of fitting and predicting. */
  seconds: number;
}

/**
 * Fits a multinomial logistic regression (`fitLogisticRegression`, standardised inputs, L2)
 * on the frozen training embeddings `embTrain` ([n, d]) with labels `yTrain`, and predicts the
 * test embeddings `embTest` ([m, d]). Throws on shape mismatches or bad labels.
 */
export function linearProbe(
  embTrain: Float32Array,
  yTrain: ArrayLike<number>,
  embTest: Float32Array,
  options?: Partial<LogisticRegressionOptions>,
): LinearClassifierRun {
  const started = performance.now();
  const model = fitLogisticRegression(embTrain, yTrain, options);
  if (!(embTest instanceof Float32Array) || embTest.length % model.dims !== 0) {
    throw new Error(
      `linearProbe: embTest must be a Float32Array [m, ${model.dims}] (the training width)`,
    );
  }
  const probabilities = embTest.length === 0
    ? new Float32Array(0)
    : predictProbaLogisticRegression(model, embTest);
  return {
    predictions: argmaxRows(probabilities, model.classes),
    probabilities,
    model,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Evaluation metrics: accuracy, balanced accuracy, per-class and macro F1, the confusion
 * matrix, mean ± sd over seeds, the silhouette of an embedding, driver-disjoint folds, and
 * sensor identifiability (a probe predicting the sensor from a representation).
 *
 * ```ts
 * const r = classificationReport(yTrue, yPred, 4); // accuracy, macroF1, perClassF1, confusion
 * const s = silhouette(z, labels, { metric: "cosine" }).score;
 * const id = sensorIdentifiability(z, experiments, drivers); // vs id.chance, id.majority
 * ```
 *
 * @module
 */
export { accuracy, balancedAccuracy } from "./accuracy.ts";
export { checkClassCount, checkClassLabels, checkLabelPair, classCountOf } from "./class_labels.ts";
export { type ClassificationReport, classificationReport } from "./classification_report.ts";
export { confusionMatrix } from "./confusion_matrix.ts";
export { driverFolds } from "./driver_folds.ts";
export { f1FromConfusion, macroF1, meanDefined, perClassF1 } from "./f1.ts";
export { formatMeanSd, meanSd, type MeanSdStat } from "./mean_sd.ts";
export {
  IDENTIFIABILITY_DEFAULTS,
  type IdentifiabilityOptions,
  type IdentifiabilityResult,
  sensorIdentifiability,
} from "./sensor_identifiability.ts";
export {
  DEFAULT_SILHOUETTE_OPTIONS,
  silhouette,
  type SilhouetteMetric,
  type SilhouetteOptions,
  type SilhouetteResult,
} from "./silhouette.ts";

/**
 * Fine-tuning, baselines and the evaluation protocol: logistic regression (L-BFGS) for the
 * linear probe and the hand-crafted-feature baseline, full fine-tuning of a pretrained encoder,
 * the same encoder trained from scratch, driver-disjoint splits (leave one experiment out,
 * validation drivers, label fractions), and `runProtocol`, which runs them all over seeds and
 * reports mean ± sd, the drop on the held-out sensor and the sensor identifiability of each
 * representation.
 *
 * ```ts
 * const ws = makeWindows(recordings, { length: 256, sampleRate: 128, normalize: "window" });
 * const raw = makeWindows(recordings, { length: 256, sampleRate: 128, normalize: "none" });
 * const result = await runProtocol(ws, {
 *   preset: "quick",
 *   features: windowFeatureMatrix(raw),
 *   pretrain: { sensorSimulation: { renormalize: true } },
 * });
 * console.log(formatProtocolSummary(result));
 * ```
 *
 * @module
 */
export {
  applyStandardizer,
  fitStandardizer,
  matrixDims,
  type Standardizer,
} from "./standardizer.ts";
export {
  LBFGS_DEFAULTS,
  type LbfgsOptions,
  type LbfgsResult,
  minimizeLbfgs,
  type Objective,
} from "./lbfgs.ts";
export {
  argmaxRows,
  fitLogisticRegression,
  LOGISTIC_REGRESSION_DEFAULTS,
  type LogisticRegressionModel,
  type LogisticRegressionOptions,
  predictLogisticRegression,
  predictProbaLogisticRegression,
} from "./logistic_regression.ts";
export { gatherRows } from "./gather_rows.ts";
export {
  assertDriverDisjoint,
  type DriverSplit,
  driverValidationSplit,
  type ExperimentFold,
  experimentsOf,
  LABEL_FRACTION_DEFAULTS,
  labelFraction,
  type LabelFractionOptions,
  leaveOneExperimentOut,
} from "./splits.ts";
export { type LinearClassifierRun, linearProbe } from "./linear_probe.ts";
export { featureBaseline } from "./feature_baseline.ts";
export { windowFeatureMatrix } from "./window_feature_matrix.ts";
export {
  CLASSIFIER_TRAINING_DEFAULTS,
  type ClassifierTrainingOptions,
  FINE_TUNE_DEFAULTS,
  type FineTuneOptions,
  SCRATCH_DEFAULTS,
  type ScratchOptions,
} from "./classifier_options.ts";
export {
  checkClassifierWindows,
  type ClassifierRun,
  type ClassifierStep,
  classifierSteps,
  classifyWindows,
  disposeClassifier,
  resolveClassifierOptions,
  setHeadFromLogisticRegression,
  trainWindowClassifier,
  type WindowClassifier,
} from "./window_classifier.ts";
export { cloneLayersModel, fineTune, type FineTuneInit } from "./fine_tune.ts";
export { trainFromScratch } from "./train_from_scratch.ts";
export {
  PROTOCOL_DEFAULTS,
  PROTOCOL_METHODS,
  PROTOCOL_QUICK,
  type ProtocolMethod,
  type ProtocolOptions,
  type ProtocolPreset,
  resolveProtocolOptions,
} from "./protocol_options.ts";
export {
  aggregateProtocolRows,
  aggregateRepresentations,
  type DropRow,
  dropTable,
  formatProtocolSummary,
  type ProtocolAggregate,
  type ProtocolRow,
  type ReferenceRow,
  type RepresentationAggregate,
  type RepresentationName,
  type RepresentationRow,
} from "./protocol_results.ts";
export {
  type PretrainedEncoder,
  type ProtocolHooks,
  type ProtocolResult,
  type ProtocolSeedInfo,
  runProtocol,
} from "./protocol.ts";

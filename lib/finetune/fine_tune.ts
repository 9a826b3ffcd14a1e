/**
 * Full fine-tuning: a pretrained encoder (cloned, never modified) and a linear softmax head
 * trained together on labelled windows, the encoder at a smaller learning rate.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { setupBackend } from "../backend/setup.ts";
import type { WindowSet } from "../data/window_set.ts";
import { buildProjectionHead } from "../learn/encoder.ts";
import { embeddingDim } from "../learn/embed.ts";
import { FINE_TUNE_DEFAULTS, type FineTuneOptions } from "./classifier_options.ts";
import type { LogisticRegressionModel } from "./logistic_regression.ts";
import {
  checkClassifierWindows,
  type ClassifierRun,
  disposeClassifier,
  resolveClassifierOptions,
  setHeadFromLogisticRegression,
  trainWindowClassifier,
  type WindowClassifier,
} from "./window_classifier.ts";

/** Where {@linkcode fineTune} starts its head. */
export interface FineTuneInit {
  /**
   * A logistic regression fitted on the encoder's embeddings of (some of) the training
   * windows, e.g. the linear probe: the head starts at its solution ("LP-FT", Kumar et al.,
   * ICLR 2022), so fine-tuning begins where the probe ends. Default: a seeded random head.
   */
  head?: LogisticRegressionModel | null;
  /** Keep and return the fine-tuned classifier (the caller disposes it); default false. */
  keepModel?: boolean;
}

/** An independent copy of a layers model (weights copied), through an in-memory save/load. */
export async function cloneLayersModel(model: tf.LayersModel): Promise<tf.LayersModel> {
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler((a) => {
    artifacts = a;
    return Promise.resolve({
      modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" },
    });
  }));
  return await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
}

/**
 * Fine-tunes a clone of `encoder` with a linear softmax head Dense(classes) on the labelled
 * `train` windows (cross-entropy, Adam; head at `headLr`, encoder at `encoderLr`, by default
 * a tenth of it; see {@linkcode FINE_TUNE_DEFAULTS} and `ClassifierTrainingOptions`), then
 * predicts the `test` windows. `encoder` itself is not modified. Returns the predictions,
 * probabilities and per-step history; the models are disposed unless `init.keepModel`.
 * Throws on unlabelled training windows, labels ≥ classes, non-finite values, windows the
 * encoder does not take, or bad options.
 */
export async function fineTune(
  encoder: tf.LayersModel,
  train: WindowSet,
  test: WindowSet | null,
  options?: Partial<FineTuneOptions>,
  init: FineTuneInit = {},
): Promise<ClassifierRun> {
  const fn = "fineTune";
  const o = resolveClassifierOptions(FINE_TUNE_DEFAULTS, options, fn);
  if (!(encoder instanceof tf.LayersModel)) {
    throw new Error(`${fn}: encoder must be a tf.LayersModel`);
  }
  checkClassifierWindows(fn, "train", train, encoder, o.classes);
  if (test !== null) checkClassifierWindows(fn, "test", test, encoder, null);
  await setupBackend({ quiet: true });
  const d = embeddingDim(encoder);
  const head = buildProjectionHead({
    inputDim: d,
    hiddenDims: [],
    outputDim: o.classes,
    seed: o.seed,
    name: "mode_head",
  });
  let classifier: WindowClassifier | null = null;
  try {
    if (init.head) setHeadFromLogisticRegression(head, init.head);
    classifier = { encoder: await cloneLayersModel(encoder), head };
    const run = await trainWindowClassifier(fn, classifier, train, test, o);
    const keep = init.keepModel === true;
    if (!keep) disposeClassifier(classifier);
    return { ...run, classifier: keep ? classifier : null };
  } catch (e) {
    if (classifier) disposeClassifier(classifier);
    else head.dispose();
    throw e;
  }
}

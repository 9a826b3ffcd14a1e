/**
 * The supervised baseline: the same encoder architecture as pretraining, randomly initialised
 * and trained with its linear softmax head on the labelled windows alone.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import { buildEncoder, buildProjectionHead, resolveEncoderConfig } from "../learn/encoder.ts";
import { setupBackend } from "../backend/setup.ts";
import { SCRATCH_DEFAULTS, type ScratchOptions } from "./classifier_options.ts";
import {
  checkClassifierWindows,
  type ClassifierRun,
  disposeClassifier,
  resolveClassifierOptions,
  trainWindowClassifier,
  type WindowClassifier,
} from "./window_classifier.ts";

/**
 * Builds `buildEncoder(options.encoder)` for the windows' length and channels (seeded by
 * `options.encoder.seed ?? options.seed`) with a linear softmax head, trains both at one
 * learning rate on the labelled `train` windows (see {@linkcode SCRATCH_DEFAULTS}), and
 * predicts the `test` windows. The models are disposed unless `keepModel` (then the caller
 * disposes `run.classifier`). Throws like `fineTune`.
 */
export async function trainFromScratch(
  train: WindowSet,
  test: WindowSet | null,
  options?: Partial<ScratchOptions>,
  keepModel = false,
): Promise<ClassifierRun> {
  const fn = "trainFromScratch";
  const o = resolveClassifierOptions(SCRATCH_DEFAULTS, options, fn);
  checkClassifierWindows(fn, "train", train, null, o.classes);
  if (test !== null) checkClassifierWindows(fn, "test", test, null, null);
  const encoderConfig = resolveEncoderConfig({
    ...o.encoder,
    length: train.length,
    channels: train.channels.length,
    seed: o.encoder.seed ?? o.seed,
  });
  if (
    test !== null &&
    (test.length !== train.length || test.channels.length !== train.channels.length)
  ) {
    throw new Error(
      `${fn}: test windows are [${test.length}, ${test.channels.length}], training windows [${train.length}, ${train.channels.length}]`,
    );
  }
  await setupBackend({ quiet: true });
  const classifier: WindowClassifier = {
    encoder: buildEncoder(encoderConfig),
    head: buildProjectionHead({
      inputDim: encoderConfig.embeddingDim,
      hiddenDims: [],
      outputDim: o.classes,
      seed: o.seed,
      name: "mode_head",
    }),
  };
  try {
    const run = await trainWindowClassifier(fn, classifier, train, test, o);
    if (!keepModel) disposeClassifier(classifier);
    return { ...run, classifier: keepModel ? classifier : null };
  } catch (e) {
    disposeClassifier(classifier);
    throw e;
  }
}

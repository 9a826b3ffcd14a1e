import { tf } from "../../lib/backend/tf.ts";
import { setupBackend } from "../../lib/backend/setup.ts";
import { buildEncoder, buildProjectionHead } from "../../lib/learn/encoder.ts";
import { embed } from "../../lib/learn/embed.ts";
import {
  classifierSteps,
  classifyWindows,
  resolveClassifierOptions,
  setHeadFromLogisticRegression,
} from "../../lib/finetune/window_classifier.ts";
import {
  CLASSIFIER_TRAINING_DEFAULTS,
  FINE_TUNE_DEFAULTS,
} from "../../lib/finetune/classifier_options.ts";
import {
  fitLogisticRegression,
  predictProbaLogisticRegression,
} from "../../lib/finetune/logistic_regression.ts";
import { selectWindows } from "../../lib/data/window_set.ts";
import { assert, assertAllClose, assertThrowsWith } from "../_assert.ts";
import { protocolWindows, TINY_ENCODER } from "./_windows.ts";

await setupBackend({ quiet: true });
const WS = selectWindows(protocolWindows(), (_m, y) => y >= 0);

Deno.test("classifierSteps() is ⌈epochs·n / batch⌉ clamped to [minSteps, maxSteps]", () => {
  const o = {
    ...CLASSIFIER_TRAINING_DEFAULTS,
    epochs: 2,
    minSteps: 5,
    maxSteps: 60,
    batchSize: 64,
  };
  assert.equal(classifierSteps(o, 2000), 60); // 63 → 60
  assert.equal(classifierSteps(o, 640), 20);
  assert.equal(classifierSteps(o, 20), 5); // batch 20: 2 steps → 5
});

Deno.test("resolveClassifierOptions() fills defaults and names a bad option", () => {
  const o = resolveClassifierOptions(FINE_TUNE_DEFAULTS, { epochs: 3 }, "fineTune");
  assert.equal(o.epochs, 3);
  assert.equal(o.encoderLr, FINE_TUNE_DEFAULTS.headLr / 10);
  assertThrowsWith(
    () => resolveClassifierOptions(FINE_TUNE_DEFAULTS, { minSteps: 0 }, "fineTune"),
    "fineTune: option minSteps must be an integer ≥ 1",
  );
  assertThrowsWith(
    () => resolveClassifierOptions(FINE_TUNE_DEFAULTS, { minSteps: 9, maxSteps: 3 }, "fineTune"),
    "maxSteps (3) is below minSteps (9)",
  );
  assertThrowsWith(
    () => resolveClassifierOptions(FINE_TUNE_DEFAULTS, { balance: "classes" as never }, "fineTune"),
    "option balance must be one of batches, none",
  );
  assertThrowsWith(
    () => resolveClassifierOptions(FINE_TUNE_DEFAULTS, { lr: 1 } as never, "fineTune"),
    'unknown option "lr"',
  );
});

Deno.test("setHeadFromLogisticRegression() makes the head compute the regression's probabilities on raw embeddings", () => {
  const encoder = buildEncoder({ ...TINY_ENCODER, length: WS.length, channels: 3, seed: 2 });
  const head = buildProjectionHead({ inputDim: 8, hiddenDims: [], outputDim: 4, name: "h" });
  try {
    const z = embed(encoder, WS);
    const model = fitLogisticRegression(z, WS.labels, { classes: 4 });
    setHeadFromLogisticRegression(head, model);
    const { probabilities, predictions } = classifyWindows({ encoder, head }, WS, 7);
    assertAllClose(probabilities, predictProbaLogisticRegression(model, z), { atol: 1e-4 });
    assert.equal(predictions.length, WS.n);
    const wrong = buildProjectionHead({ inputDim: 8, hiddenDims: [], outputDim: 3, name: "w" });
    assertThrowsWith(
      () => setHeadFromLogisticRegression(wrong, model),
      "must be one Dense(4) layer on 8 inputs",
    );
    wrong.dispose();
  } finally {
    encoder.dispose();
    head.dispose();
  }
});

Deno.test("classifyWindows() leaves no tensors behind and rejects windows the encoder does not take", () => {
  const encoder = buildEncoder({ ...TINY_ENCODER, length: WS.length, channels: 3 });
  const head = buildProjectionHead({ inputDim: 8, hiddenDims: [], outputDim: 4, name: "h2" });
  try {
    const before = tf.memory().numTensors;
    classifyWindows({ encoder, head }, WS, 5);
    assert.equal(tf.memory().numTensors, before);
    const short = protocolWindows({ length: 16 });
    assertThrowsWith(
      () => classifyWindows({ encoder, head }, short),
      "the encoder takes windows [32, 3], the input windows are [16, 3]",
    );
  } finally {
    encoder.dispose();
    head.dispose();
  }
});

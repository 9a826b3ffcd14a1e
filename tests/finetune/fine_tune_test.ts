import { tf } from "../../lib/backend/tf.ts";
import { setupBackend } from "../../lib/backend/setup.ts";
import { buildEncoder } from "../../lib/learn/encoder.ts";
import { embed } from "../../lib/learn/embed.ts";
import { cloneLayersModel, fineTune } from "../../lib/finetune/fine_tune.ts";
import { linearProbe } from "../../lib/finetune/linear_probe.ts";
import { selectWindows } from "../../lib/data/window_set.ts";
import { accuracy } from "../../lib/eval/accuracy.ts";
import { assert, assertAllClose, assertRejectsWith } from "../_assert.ts";
import { protocolWindows, TINY_ENCODER } from "./_windows.ts";

await setupBackend({ quiet: true });
const ALL = protocolWindows({ drivers: [4, 4], perMode: 6, unlabelled: 0, noise: 0.1 });
const TRAIN = selectWindows(ALL, (m) => !m.driver.endsWith("d04"));
const TEST = selectWindows(ALL, (m) => m.driver.endsWith("d04"));
const ENCODER = { ...TINY_ENCODER, length: 32, channels: 3, seed: 5 };

Deno.test("fineTune() trains a clone: the given encoder's weights do not change", async () => {
  const encoder = buildEncoder(ENCODER);
  try {
    const before = encoder.getWeights().map((w) => w.dataSync().slice());
    const run = await fineTune(encoder, TRAIN, TEST, {
      minSteps: 10,
      maxSteps: 10,
      batchSize: 16,
      encoderLr: 0.01,
    });
    const after = encoder.getWeights().map((w) => w.dataSync().slice());
    after.forEach((w, i) => assert.deepEqual(w, before[i]));
    assert.equal(run.steps, 10);
    assert.equal(run.predictions!.length, TEST.n);
  } finally {
    encoder.dispose();
  }
});

Deno.test("cloneLayersModel() copies weights into an independent model", async () => {
  const encoder = buildEncoder(ENCODER);
  const clone = await cloneLayersModel(encoder);
  try {
    assertAllClose(embed(clone, TEST), embed(encoder, TEST), { atol: 0 });
    (clone.getWeights()[0] as tf.Variable).assign(tf.zerosLike(clone.getWeights()[0]));
    assert.ok(encoder.getWeights()[0].dataSync().some((v) => v !== 0));
  } finally {
    encoder.dispose();
    clone.dispose();
  }
});

Deno.test("fineTune() started from the linear probe with a frozen encoder and a tiny step predicts like the probe", async () => {
  const encoder = buildEncoder(ENCODER);
  try {
    const probe = linearProbe(embed(encoder, TRAIN), TRAIN.labels, embed(encoder, TEST), {
      classes: 4,
    });
    const run = await fineTune(encoder, TRAIN, TEST, {
      minSteps: 1,
      maxSteps: 1,
      headLr: 1e-9,
      encoderLr: 0,
    }, { head: probe.model });
    assertAllClose(run.probabilities!, probe.probabilities, { atol: 1e-4 });
  } finally {
    encoder.dispose();
  }
});

Deno.test("fineTune() improves a random encoder on the training task and leaks no tensors", async () => {
  const encoder = buildEncoder(ENCODER);
  const before = tf.memory().numTensors;
  try {
    const run = await fineTune(encoder, TRAIN, TEST, {
      minSteps: 60,
      maxSteps: 60,
      batchSize: 16,
      headLr: 0.01,
      encoderLr: 0.01,
    });
    const acc = accuracy(TEST.labels, run.predictions!);
    assert.ok(acc >= 0.75, `accuracy ${acc}`);
    assert.equal(tf.memory().numTensors, before);
  } finally {
    encoder.dispose();
  }
});

Deno.test("fineTune() rejects windows the encoder does not take and labels beyond the classes", async () => {
  const encoder = buildEncoder(ENCODER);
  try {
    const short = protocolWindows({ length: 16, unlabelled: 0 });
    await assertRejectsWith(
      () => fineTune(encoder, short, null),
      "fineTune: the encoder takes windows [32, 3], the train windows are [16, 3]",
    );
    await assertRejectsWith(
      () => fineTune(encoder, TRAIN, null, { classes: 3 }),
      "label 3; expected a class below 3",
    );
  } finally {
    encoder.dispose();
  }
});

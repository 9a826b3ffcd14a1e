import { tf } from "../../lib/backend/tf.ts";
import { setupBackend } from "../../lib/backend/setup.ts";
import { trainFromScratch } from "../../lib/finetune/train_from_scratch.ts";
import { disposeClassifier } from "../../lib/finetune/window_classifier.ts";
import { selectWindows } from "../../lib/data/window_set.ts";
import { accuracy } from "../../lib/eval/accuracy.ts";
import { assert, assertRejectsWith } from "../_assert.ts";
import { protocolWindows, TINY_ENCODER } from "./_windows.ts";

await setupBackend({ quiet: true });

const ALL = protocolWindows({ drivers: [4, 4], perMode: 6, unlabelled: 0, noise: 0.1 });
const TRAIN = selectWindows(ALL, (m) => !m.driver.endsWith("d04"));
const TEST = selectWindows(ALL, (m) => m.driver.endsWith("d04"));
const OPTIONS = {
  encoder: TINY_ENCODER,
  minSteps: 60,
  maxSteps: 60,
  batchSize: 16,
  headLr: 0.01,
  encoderLr: 0.01,
};

Deno.test("trainFromScratch() learns modes of unseen drivers well above chance, with a falling loss", async () => {
  const run = await trainFromScratch(TRAIN, TEST, OPTIONS);
  assert.equal(run.steps, 60);
  assert.equal(run.history.length, 60);
  const acc = accuracy(TEST.labels, run.predictions!);
  assert.ok(acc >= 0.75, `accuracy ${acc} (chance 0.25)`);
  const first = run.history.slice(0, 5).reduce((a, h) => a + h.loss, 0) / 5;
  const last = run.history.slice(-5).reduce((a, h) => a + h.loss, 0) / 5;
  assert.ok(last < first * 0.6, `loss ${first} → ${last}`);
  assert.equal(run.probabilities!.length, TEST.n * 4);
  assert.equal(run.classifier, null);
});

Deno.test("trainFromScratch() is deterministic for a seed and leaves no tensors behind", async () => {
  const before = tf.memory().numTensors;
  const o = { ...OPTIONS, minSteps: 5, maxSteps: 5, seed: 3 };
  const a = await trainFromScratch(TRAIN, TEST, o);
  const b = await trainFromScratch(TRAIN, TEST, o);
  assert.deepEqual(a.probabilities, b.probabilities);
  assert.deepEqual(a.history.map((h) => h.loss), b.history.map((h) => h.loss));
  assert.equal(tf.memory().numTensors, before);
  const c = await trainFromScratch(TRAIN, TEST, { ...o, seed: 4 });
  assert.notDeepEqual(a.probabilities, c.probabilities);
});

Deno.test("trainFromScratch() returns the model when asked to keep it", async () => {
  const before = tf.memory().numTensors;
  const run = await trainFromScratch(TRAIN, null, { ...OPTIONS, minSteps: 2, maxSteps: 2 }, true);
  assert.equal(run.predictions, null);
  assert.ok(run.classifier !== null);
  assert.ok(tf.memory().numTensors > before);
  disposeClassifier(run.classifier!);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("trainFromScratch() rejects unlabelled or non-finite windows and bad options", async () => {
  const unlabelled = protocolWindows({ drivers: [2], unlabelled: 1 });
  await assertRejectsWith(
    () => trainFromScratch(unlabelled, null, OPTIONS),
    "trainFromScratch (train)",
    "unlabelled",
  );
  const nan = { ...TRAIN, x: TRAIN.x.slice() };
  nan.x[5] = NaN;
  await assertRejectsWith(() => trainFromScratch(nan, null, OPTIONS), "train window 0 holds NaN");
  await assertRejectsWith(
    () => trainFromScratch(TRAIN, null, { ...OPTIONS, headLr: 0 }),
    "option headLr must be > 0",
  );
  const short = protocolWindows({ length: 16, unlabelled: 0 });
  await assertRejectsWith(
    () => trainFromScratch(TRAIN, short, OPTIONS),
    "test windows are [16, 3], training windows [32, 3]",
  );
});

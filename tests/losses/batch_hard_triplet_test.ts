import { tf } from "../../lib/backend/tf.ts";
import { batchHardTripletLoss } from "../../lib/losses/batch_hard_triplet.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import {
  assertGradientsMatch,
  assertNoLeak,
  lossGradients,
  lossValue,
  randomRows,
  refBatchHard,
} from "./_reference.ts";

Deno.test("batchHardTripletLoss() gives the hand-worked value on a 1-D batch", () => {
  // Points 0, 1 (label 0), 3, 7 (label 1), 10 (label 2), m = 1:
  //   anchor 0: hardest positive 1, hardest negative 3 → max(0, 1 − 3 + 1) = 0
  //   anchor 1: hardest positive 1, hardest negative 2 → 0
  //   anchor 3: hardest positive 4, hardest negative 2 (to 1) → 4 − 2 + 1 = 3
  //   anchor 7: hardest positive 4, hardest negative 3 (to 10) → 4 − 3 + 1 = 2
  //   anchor 10: no positive → left out.           Mean over 4 anchors: 5 / 4 = 1.25.
  const e = [[0], [1], [3], [7], [10]];
  const v = lossValue((x) => batchHardTripletLoss(x, [0, 0, 1, 1, 2]), [e]);
  assertClose(v, 1.25, { atol: 1e-5 });
  // Without the singleton: anchors 0, 1 → 0, anchor 3 → 3, anchor 7 → 4 − 6 + 1 < 0 → 0: 3/4.
  const w = lossValue((x) => batchHardTripletLoss(x, [0, 0, 1, 1]), [e.slice(0, 4)]);
  assertClose(w, 0.75, { atol: 1e-5 });
});

Deno.test("batchHardTripletLoss() matches the float64 loop on random batches", () => {
  const rng = new Rng(31);
  for (const margin of [0.2, 1, 4]) {
    const e = randomRows(rng, 16, 4);
    const labels = Array.from({ length: 16 }, () => rng.int(5));
    const v = lossValue((x) => batchHardTripletLoss(x, labels, margin), [e]);
    assertClose(v, refBatchHard(e, labels, margin), { atol: 1e-5, rtol: 1e-5 });
  }
});

Deno.test("batchHardTripletLoss() takes labels as an int32 tensor", () => {
  const rng = new Rng(32);
  const e = randomRows(rng, 8, 3);
  const labels = [2, 2, 5, 5, 5, 9, 9, 2];
  const t = tf.tensor1d(labels, "int32");
  const v = lossValue((x) => batchHardTripletLoss(x, t), [e]);
  t.dispose();
  assertClose(v, refBatchHard(e, labels, 1), { atol: 1e-5, rtol: 1e-5 });
});

Deno.test("batchHardTripletLoss() gradients match finite differences", () => {
  const rng = new Rng(33);
  const e = randomRows(rng, 10, 3);
  const labels = [0, 0, 0, 1, 1, 1, 2, 2, 3, 4];
  assertGradientsMatch(
    (x) => batchHardTripletLoss(x, labels, 2),
    ([x]) => refBatchHard(x, labels, 2),
    [e],
  );
});

Deno.test("batchHardTripletLoss() is 0 with zero gradients when no anchor has a triplet", () => {
  const e = [[1, 2], [3, 4], [5, 7]];
  for (const labels of [[0, 1, 2], [4, 4, 4]]) {
    assert.equal(lossValue((x) => batchHardTripletLoss(x, labels), [e]), 0);
    const [g] = lossGradients((x) => batchHardTripletLoss(x, labels), [e]);
    for (const v of g.flat()) assert.ok(v === 0, `gradient ${v} should be 0`);
  }
});

Deno.test("batchHardTripletLoss() gives m and finite gradients for identical embeddings", () => {
  const e = [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]];
  const labels = [0, 0, 1, 1];
  assertClose(lossValue((x) => batchHardTripletLoss(x, labels, 0.3), [e]), 0.3, { atol: 1e-4 });
  const [g] = lossGradients((x) => batchHardTripletLoss(x, labels, 0.3), [e]);
  for (const v of g.flat()) assert.ok(Number.isFinite(v), `gradient ${v} is not finite`);
});

Deno.test("batchHardTripletLoss() trains: SGD steps lower the loss without leaking tensors", () => {
  const rng = new Rng(34);
  const v = tf.variable(tf.tensor2d(randomRows(rng, 12, 3).flat(), [12, 3]));
  const labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
  const optimizer = tf.train.sgd(0.1);
  const first = optimizer.minimize(() => batchHardTripletLoss(v, labels), true)!;
  const firstValue = first.dataSync()[0];
  first.dispose();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 80; i++) optimizer.minimize(() => batchHardTripletLoss(v, labels));
  assert.equal(tf.memory().numTensors, before);
  const last = lossValue((x) => batchHardTripletLoss(x, labels), [v.arraySync() as number[][]]);
  assert.ok(last < 0.5 * firstValue, `loss ${firstValue} → ${last} did not halve`);
  optimizer.dispose();
  v.dispose();
});

Deno.test("batchHardTripletLoss() leaks no tensors", () => {
  const x = tf.tensor2d([[1, 2], [3, 4], [0, 1]]);
  assertNoLeak(() => batchHardTripletLoss(x, [0, 0, 1]).dispose());
  x.dispose();
});

Deno.test("batchHardTripletLoss() rejects bad arguments with a clear message", () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  const nan = tf.tensor2d([[1, 2], [NaN, 4]]);
  assertThrowsWith(() => batchHardTripletLoss(x, [0, 1, 1]), "labels must have length 2");
  assertThrowsWith(() => batchHardTripletLoss(x, [0, NaN]), "labels contains NaN");
  assertThrowsWith(() => batchHardTripletLoss(nan, [0, 1]), "embeddings contains NaN");
  const labels2d = tf.tensor2d([[0], [1]]);
  assertThrowsWith(() => batchHardTripletLoss(x, labels2d), "labels must have shape [2]");
  assertThrowsWith(() => batchHardTripletLoss(x, [0, 1], Infinity), "margin");
  tf.dispose([x, nan, labels2d]);
});

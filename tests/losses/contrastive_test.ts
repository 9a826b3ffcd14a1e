import { tf } from "../../lib/backend/tf.ts";
import { contrastiveLoss } from "../../lib/losses/contrastive.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import {
  assertGradientsMatch,
  assertNoLeak,
  lossGradients,
  lossValue,
  randomRows,
  refContrastive,
} from "./_reference.ts";

Deno.test("contrastiveLoss() gives the hand-worked value on two 2-D pairs", () => {
  // Pair 1 is similar (y = 1) at d = ‖(0,0) − (3,4)‖ = 5:       ½·5²        = 12.5
  // Pair 2 is dissimilar (y = 0) at d = ‖(1,1) − (1,1.5)‖ = 0.5: ½·(1 − 0.5)² = 0.125
  // Mean: (12.5 + 0.125) / 2 = 6.3125.
  const x1 = [[0, 0], [1, 1]];
  const x2 = [[3, 4], [1, 1.5]];
  const v = lossValue((a, b) => contrastiveLoss(a, b, [1, 0]), [x1, x2]);
  assertClose(v, 6.3125, { atol: 1e-5 });
});

Deno.test("contrastiveLoss() ignores dissimilar pairs beyond the margin", () => {
  // d = 2 > m = 1.5 for a dissimilar pair → 0; the similar pair at d = 1 → ½·1² = ½; mean ¼.
  const x1 = [[0, 0], [0, 0]];
  const x2 = [[2, 0], [0, 1]];
  const v = lossValue((a, b) => contrastiveLoss(a, b, [0, 1], 1.5), [x1, x2]);
  assertClose(v, 0.25, { atol: 1e-6 });
});

Deno.test("contrastiveLoss() matches the float64 loop on random pairs", () => {
  const rng = new Rng(11);
  for (const margin of [0.5, 1, 3]) {
    const x1 = randomRows(rng, 9, 5);
    const x2 = randomRows(rng, 9, 5);
    const same = Array.from({ length: 9 }, () => rng.int(2));
    const v = lossValue((a, b) => contrastiveLoss(a, b, same, margin), [x1, x2]);
    assertClose(v, refContrastive(x1, x2, same, margin), { atol: 1e-5, rtol: 1e-5 });
  }
});

Deno.test("contrastiveLoss() accepts `same` as a tensor of any numeric dtype", () => {
  const rng = new Rng(12);
  const x1 = randomRows(rng, 4, 3);
  const x2 = randomRows(rng, 4, 3);
  const same = tf.tensor1d([1, 0, 0, 1], "int32");
  const v = lossValue((a, b) => contrastiveLoss(a, b, same, 2), [x1, x2]);
  same.dispose();
  assertClose(v, refContrastive(x1, x2, [1, 0, 0, 1], 2), { atol: 1e-5, rtol: 1e-5 });
});

Deno.test("contrastiveLoss() gradients match finite differences", () => {
  const rng = new Rng(13);
  const x1 = randomRows(rng, 6, 4, 0.4);
  const x2 = randomRows(rng, 6, 4, 0.4);
  const same = [1, 0, 1, 0, 0, 1];
  assertGradientsMatch(
    (a, b) => contrastiveLoss(a, b, same, 2),
    ([a, b]) => refContrastive(a, b, same, 2),
    [x1, x2],
  );
});

Deno.test("contrastiveLoss() has finite gradients and the exact value for identical pairs", () => {
  const x = [[0.3, -1], [2, 0.5]];
  // Similar identical pair → 0; dissimilar identical pair → ½·m² = 0.5 (d ≈ 1e-6); mean 0.25.
  assertClose(lossValue((a, b) => contrastiveLoss(a, b, [1, 0]), [x, x]), 0.25, { atol: 1e-5 });
  // At d = 0 both terms are flat (y·d² has gradient 2(x1 − x2) = 0, the hinge is clamped).
  const grads = lossGradients((a, b) => contrastiveLoss(a, b, [1, 0]), [x, x]);
  for (const v of grads.flat(2)) assert.ok(v === 0, `gradient ${v} should be exactly 0`);
});

Deno.test("contrastiveLoss() leaks no tensors, also when it throws", () => {
  const x1 = tf.tensor2d([[1, 2], [3, 4]]);
  const x2 = tf.tensor2d([[1, 0], [NaN, 4]]);
  assertNoLeak(() => contrastiveLoss(x1, x1, [1, 0]).dispose());
  assertNoLeak(() => assertThrowsWith(() => contrastiveLoss(x1, x2, [1, 0]), "NaN"));
  tf.dispose([x1, x2]);
});

Deno.test("contrastiveLoss() rejects bad arguments with a clear message", () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  const y = tf.tensor2d([[1, 2, 3], [3, 4, 5]]);
  const nan = tf.tensor2d([[1, 2], [3, NaN]]);
  const inf = tf.tensor2d([[1, Infinity], [3, 4]]);
  assertThrowsWith(() => contrastiveLoss(x, y, [1, 0]), "contrastiveLoss", "same shape", "[2, 3]");
  assertThrowsWith(() => contrastiveLoss(x, nan, [1, 0]), "x2 contains NaN or Infinity");
  assertThrowsWith(() => contrastiveLoss(inf, x, [1, 0]), "x1 contains NaN or Infinity");
  assertThrowsWith(() => contrastiveLoss(x, x, [1, 0.5]), "same must hold only 0");
  assertThrowsWith(() => contrastiveLoss(x, x, [1, 2]), "same must hold only 0");
  assertThrowsWith(() => contrastiveLoss(x, x, [1]), "same must have length 2");
  assertThrowsWith(() => contrastiveLoss(x, x, [1, 0], -1), "margin", "-1");
  assertThrowsWith(() => contrastiveLoss(x, x, [1, 0], NaN), "margin", "NaN");
  assertThrowsWith(
    () => contrastiveLoss(tf.tensor1d([1, 2]) as unknown as tf.Tensor2D, x, [1, 0]),
    "x1 must have shape [n, d]",
  );
  assertThrowsWith(
    () => contrastiveLoss(x, x, [1, 0], 1, { check: true } as never),
    "unknown option 'check'",
  );
  tf.dispose([x, y, nan, inf]);
});

Deno.test("contrastiveLoss() skips the value check when checkValues is false", () => {
  const nan = tf.tensor2d([[1, NaN]]);
  const out = contrastiveLoss(nan, nan, [1], 1, { checkValues: false });
  assert.ok(Number.isNaN(out.dataSync()[0]));
  tf.dispose([nan, out]);
});

import { tf } from "../../lib/backend/tf.ts";
import { tripletLoss } from "../../lib/losses/triplet.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import {
  assertGradientsMatch,
  assertNoLeak,
  lossGradients,
  lossValue,
  randomRows,
  refTriplet,
} from "./_reference.ts";

Deno.test("tripletLoss() gives the hand-worked value on two 2-D triplets", () => {
  // Triplet 1: ‖a−p‖ = 1, ‖a−n‖ = 2 → max(0, 1 − 2 + 1) = 0.
  // Triplet 2: ‖a−p‖ = ‖(3,4)‖ = 5, ‖a−n‖ = 1 → max(0, 5 − 1 + 1) = 5.  Mean 2.5.
  const anchor = [[0, 0], [0, 0]];
  const positive = [[1, 0], [3, 4]];
  const negative = [[0, 2], [0, 1]];
  const v = lossValue((a, p, n) => tripletLoss(a, p, n), [anchor, positive, negative]);
  assertClose(v, 2.5, { atol: 1e-5 });
  // With m = 0.5 the first triplet still contributes 0 and the second 4.5 → 2.25.
  const w = lossValue((a, p, n) => tripletLoss(a, p, n, 0.5), [anchor, positive, negative]);
  assertClose(w, 2.25, { atol: 1e-5 });
});

Deno.test("tripletLoss() matches the float64 loop on random triplets", () => {
  const rng = new Rng(21);
  for (const margin of [0, 0.7, 2]) {
    const inputs = [randomRows(rng, 10, 6), randomRows(rng, 10, 6), randomRows(rng, 10, 6)];
    const v = lossValue((a, p, n) => tripletLoss(a, p, n, margin), inputs);
    const [a, p, n] = inputs;
    assertClose(v, refTriplet(a, p, n, margin), { atol: 1e-5, rtol: 1e-5 });
  }
});

Deno.test("tripletLoss() gradients match finite differences", () => {
  const rng = new Rng(22);
  const inputs = [randomRows(rng, 5, 3), randomRows(rng, 5, 3), randomRows(rng, 5, 3)];
  assertGradientsMatch(
    (a, p, n) => tripletLoss(a, p, n, 1.5),
    ([a, p, n]) => refTriplet(a, p, n, 1.5),
    inputs,
  );
});

Deno.test("tripletLoss() gives m and finite gradients when all embeddings are identical", () => {
  const x = [[1, 2, 3], [-1, 0, 0.5]];
  assertClose(lossValue((a, p, n) => tripletLoss(a, p, n, 0.8), [x, x, x]), 0.8, { atol: 1e-5 });
  const grads = lossGradients((a, p, n) => tripletLoss(a, p, n, 0.8), [x, x, x]);
  for (const v of grads.flat(2)) assert.ok(Number.isFinite(v), `gradient ${v} is not finite`);
});

Deno.test("tripletLoss() leaks no tensors", () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  assertNoLeak(() => tripletLoss(x, x, x).dispose());
  x.dispose();
});

Deno.test("tripletLoss() rejects bad arguments with a clear message", () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  const short = tf.tensor2d([[1, 2]]);
  const nan = tf.tensor2d([[1, 2], [NaN, 4]]);
  assertThrowsWith(() => tripletLoss(x, x, short), "tripletLoss", "anchor and negative");
  assertThrowsWith(() => tripletLoss(x, short, x), "anchor and positive", "[1, 2]");
  assertThrowsWith(() => tripletLoss(x, x, nan), "negative contains NaN or Infinity");
  assertThrowsWith(() => tripletLoss(x, x, x, -0.1), "margin must be a finite number ≥ 0");
  tf.dispose([x, short, nan]);
});

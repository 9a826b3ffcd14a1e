import { tf } from "../../lib/backend/tf.ts";
import { ntXentLoss } from "../../lib/losses/nt_xent.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import {
  assertGradientsMatch,
  assertNoLeak,
  lossGradients,
  lossValue,
  randomRows,
  refNtXent,
} from "./_reference.ts";

Deno.test("ntXentLoss() gives the hand-worked value on two orthogonal pairs", () => {
  // Views (1,0), (0,1) | (1,0), (0,1), τ = 1. Every view has cosine 1 with its partner and
  // 0 with the two others: ℓ = −log(e / (e + 1 + 1)) = log(e + 2) − 1 ≈ 0.5514447139.
  const z1 = [[1, 0], [0, 1]];
  const z2 = [[2, 0], [0, 3]]; // scale is normalised away
  const v = lossValue((a, b) => ntXentLoss(a, b, 1), [z1, z2]);
  assertClose(v, Math.log(Math.E + 2) - 1, { atol: 1e-6 });
  assertClose(v, 0.5514447139, { atol: 1e-6 });
});

Deno.test("ntXentLoss() is 0 for a single pair (the partner is the only candidate)", () => {
  assertClose(lossValue((a, b) => ntXentLoss(a, b), [[[1, 2]], [[-3, 0.5]]]), 0, { atol: 1e-6 });
});

Deno.test("ntXentLoss() matches the float64 loop on random views", () => {
  const rng = new Rng(41);
  for (const tau of [0.1, 0.5, 2]) {
    const z1 = randomRows(rng, 7, 5);
    const z2 = randomRows(rng, 7, 5);
    const v = lossValue((a, b) => ntXentLoss(a, b, tau), [z1, z2]);
    assertClose(v, refNtXent(z1, z2, tau), { atol: 1e-5, rtol: 1e-5 });
  }
});

Deno.test("ntXentLoss() approaches log(2N − 1) when all views are identical", () => {
  // All similarities equal → uniform over the 2N − 1 candidates.
  const z = [[1, 1], [1, 1], [1, 1]];
  assertClose(lossValue((a, b) => ntXentLoss(a, b, 0.3), [z, z]), Math.log(5), { atol: 1e-5 });
  const grads = lossGradients((a, b) => ntXentLoss(a, b, 0.3), [z, z]);
  for (const v of grads.flat(2)) assert.ok(Number.isFinite(v), `gradient ${v} is not finite`);
});

Deno.test("ntXentLoss() gradients match finite differences", () => {
  const rng = new Rng(42);
  const z1 = randomRows(rng, 4, 3);
  const z2 = randomRows(rng, 4, 3);
  assertGradientsMatch((a, b) => ntXentLoss(a, b, 0.5), ([a, b]) => refNtXent(a, b, 0.5), [
    z1,
    z2,
  ]);
});

Deno.test("ntXentLoss() trains: Adam steps pull partners together without leaking tensors", () => {
  const rng = new Rng(43);
  const z1 = tf.variable(tf.tensor2d(randomRows(rng, 6, 4).flat(), [6, 4]));
  const z2 = tf.variable(tf.tensor2d(randomRows(rng, 6, 4).flat(), [6, 4]));
  const optimizer = tf.train.adam(0.05);
  const start = lossValue((a, b) => ntXentLoss(a, b), [z1.arraySync(), z2.arraySync()]);
  optimizer.minimize(() => ntXentLoss(z1, z2));
  const before = tf.memory().numTensors;
  for (let i = 0; i < 40; i++) optimizer.minimize(() => ntXentLoss(z1, z2));
  assert.equal(tf.memory().numTensors, before);
  const end = lossValue((a, b) => ntXentLoss(a, b), [z1.arraySync(), z2.arraySync()]);
  assert.ok(end < start - 0.5, `loss ${start} → ${end} did not drop by 0.5`);
  optimizer.dispose();
  tf.dispose([z1, z2]);
});

Deno.test("ntXentLoss() leaks no tensors", () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  assertNoLeak(() => ntXentLoss(x, x).dispose());
  x.dispose();
});

Deno.test("ntXentLoss() rejects bad arguments with a clear message", () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  const y = tf.tensor2d([[1, 2]]);
  const nan = tf.tensor2d([[1, NaN], [3, 4]]);
  assertThrowsWith(() => ntXentLoss(x, x, 0), "ntXentLoss", "temperature must be", "got 0");
  assertThrowsWith(() => ntXentLoss(x, x, -1), "temperature must be a finite number > 0");
  assertThrowsWith(() => ntXentLoss(x, y), "z1 and z2 must have the same shape");
  assertThrowsWith(() => ntXentLoss(x, nan), "z2 contains NaN or Infinity");
  const ints = tf.tensor2d([[1, 2], [3, 4]], undefined, "int32");
  assertThrowsWith(() => ntXentLoss(ints, ints), "z1 must be float32, got int32");
  tf.dispose([x, y, nan, ints]);
});

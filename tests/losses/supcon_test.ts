import { tf } from "../../lib/backend/tf.ts";
import { ntXentLoss } from "../../lib/losses/nt_xent.ts";
import { supConLoss } from "../../lib/losses/supcon.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import {
  assertGradientsMatch,
  assertNoLeak,
  lossGradients,
  lossValue,
  randomRows,
  refSupCon,
} from "./_reference.ts";

Deno.test("supConLoss() gives the hand-worked value on three 2-D rows", () => {
  // Rows (1,0), (1,0) with label 0 and (0,1) with label 1, τ = 1.
  // Anchor 0: one positive (cosine 1), others cosines 1 and 0:
  //   ℓ₀ = −log(e / (e + 1)) = log(1 + e⁻¹) ≈ 0.3132616875; anchor 1 the same;
  //   anchor 2 has no positive → left out.  Mean ≈ 0.3132616875.
  const z = [[1, 0], [1, 0], [0, 1]];
  const v = lossValue((x) => supConLoss(x, [0, 0, 1], 1), [z]);
  assertClose(v, Math.log(1 + Math.exp(-1)), { atol: 1e-6 });
  assertClose(v, 0.3132616875, { atol: 1e-6 });
});

Deno.test("supConLoss() matches the float64 loop on random labelled batches", () => {
  const rng = new Rng(51);
  for (const tau of [0.07, 0.5, 1.5]) {
    const z = randomRows(rng, 12, 6);
    const labels = Array.from({ length: 12 }, () => rng.int(4));
    const v = lossValue((x) => supConLoss(x, labels, tau), [z]);
    assertClose(v, refSupCon(z, labels, tau), { atol: 1e-5, rtol: 1e-5 });
  }
});

Deno.test("supConLoss() equals ntXentLoss() when each label marks one pair of views", () => {
  const rng = new Rng(52);
  const z1 = randomRows(rng, 5, 4);
  const z2 = randomRows(rng, 5, 4);
  const labels = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4];
  const sup = lossValue((x) => supConLoss(x, labels, 0.3), [[...z1, ...z2]]);
  const nt = lossValue((a, b) => ntXentLoss(a, b, 0.3), [z1, z2]);
  assertClose(sup, nt, { atol: 1e-5, rtol: 1e-5 });
});

Deno.test("supConLoss() gradients match finite differences", () => {
  const rng = new Rng(53);
  const z = randomRows(rng, 8, 3);
  const labels = [0, 0, 0, 1, 1, 2, 2, 3];
  assertGradientsMatch((x) => supConLoss(x, labels, 0.5), ([x]) => refSupCon(x, labels, 0.5), [
    z,
  ]);
});

Deno.test("supConLoss() is 0 with zero gradients when no anchor has a positive", () => {
  const z = [[1, 2], [3, -4], [0.5, 7]];
  assert.equal(lossValue((x) => supConLoss(x, [0, 1, 2]), [z]), 0);
  const [g] = lossGradients((x) => supConLoss(x, [0, 1, 2]), [z]);
  for (const v of g.flat()) assert.ok(v === 0, `gradient ${v} should be 0`);
});

Deno.test("supConLoss() is log(n − 1) with finite gradients for identical rows", () => {
  const z = [[2, 1], [2, 1], [2, 1], [2, 1]];
  assertClose(lossValue((x) => supConLoss(x, [0, 0, 1, 1], 0.2), [z]), Math.log(3), {
    atol: 1e-5,
  });
  const [g] = lossGradients((x) => supConLoss(x, [0, 0, 1, 1], 0.2), [z]);
  for (const v of g.flat()) assert.ok(Number.isFinite(v), `gradient ${v} is not finite`);
});

Deno.test("supConLoss() handles all-zero rows without NaN", () => {
  const z = [[0, 0], [0, 0], [1, 0]];
  const v = lossValue((x) => supConLoss(x, [0, 0, 1], 1), [z]);
  // Zero rows stay zero after normalisation: all similarities of anchors 0, 1 are 0 → log 2.
  assertClose(v, Math.log(2), { atol: 1e-6 });
  const [g] = lossGradients((x) => supConLoss(x, [0, 0, 1], 1), [z]);
  for (const w of g.flat()) assert.ok(Number.isFinite(w), `gradient ${w} is not finite`);
});

Deno.test("supConLoss() leaks no tensors", () => {
  const x = tf.tensor2d([[1, 2], [3, 4], [5, 5]]);
  assertNoLeak(() => supConLoss(x, [1, 1, 0]).dispose());
  x.dispose();
});

Deno.test("supConLoss() rejects bad arguments with a clear message", () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  const inf = tf.tensor2d([[1, 2], [3, -Infinity]]);
  assertThrowsWith(() => supConLoss(x, [0, 0], 0), "supConLoss", "temperature");
  assertThrowsWith(() => supConLoss(x, [0, 0], NaN), "temperature", "NaN");
  assertThrowsWith(() => supConLoss(x, [0]), "labels must have length 2, got 1");
  assertThrowsWith(() => supConLoss(inf, [0, 0]), "z contains NaN or Infinity");
  assertThrowsWith(() => supConLoss(x, [0, 0], 1, { checkValues: 1 } as never), "checkValues");
  tf.dispose([x, inf]);
});

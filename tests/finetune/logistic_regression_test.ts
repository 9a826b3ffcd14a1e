import {
  argmaxRows,
  fitLogisticRegression,
  predictLogisticRegression,
  predictProbaLogisticRegression,
} from "../../lib/finetune/logistic_regression.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";

Deno.test("fitLogisticRegression() matches the known optimum of a symmetric two-point problem", () => {
  // x = +1 (class 1), x = −1 (class 0); standardising keeps them. By symmetry b₁ = b₀ and
  // w₁ = −w₀ = u/2, so L(u) = log(1 + e^{−u}) + (λ/4)u², minimal where
  // −1/(1 + e^{u}) + (λ/2)u = 0; then p(1 | x = 1) = σ(u).
  const lambda = 0.1;
  let lo = 0, hi = 50;
  for (let i = 0; i < 200; i++) {
    const u = (lo + hi) / 2;
    if (-1 / (1 + Math.exp(u)) + lambda / 2 * u < 0) lo = u;
    else hi = u;
  }
  const model = fitLogisticRegression(Float32Array.from([1, -1]), [1, 0], { l2: lambda });
  const p = predictProbaLogisticRegression(model, Float32Array.from([1, -1]));
  const sigma = 1 / (1 + Math.exp(-lo));
  // rows: x = +1 → [p(0), p(1)] = [1 − σ, σ]; x = −1 → [σ, 1 − σ]
  assertClose(p[1], sigma, { atol: 1e-5 });
  assertClose(p[2], sigma, { atol: 1e-5 });
  assertClose(model.loss, Math.log(1 + Math.exp(-lo)) + lambda / 4 * lo * lo, { atol: 1e-8 });
  assert.ok(model.converged);
});

Deno.test("fitLogisticRegression() recovers a separable four-class problem on unseen points", () => {
  const rng = new Rng(3);
  const centres = [[4, 0], [0, 4], [-4, 0], [0, -4]];
  const make = (perClass: number) => {
    const x: number[] = [], y: number[] = [];
    centres.forEach(([a, b], c) => {
      for (let i = 0; i < perClass; i++) {
        x.push(a + rng.normal(), b + rng.normal(), rng.normal() * 5); // 3rd feature: noise
        y.push(c);
      }
    });
    return { x: Float32Array.from(x), y };
  };
  const train = make(40), test = make(25);
  const model = fitLogisticRegression(train.x, train.y);
  assert.equal(model.classes, 4);
  assert.equal(model.dims, 3);
  const pred = predictLogisticRegression(model, test.x);
  const hits = pred.filter((p, i) => p === test.y[i]).length;
  assert.ok(hits / test.y.length >= 0.98, `accuracy ${hits / test.y.length}`);
  // rows of probabilities sum to 1
  const p = predictProbaLogisticRegression(model, test.x.subarray(0, 6));
  assertClose(p[0] + p[1] + p[2] + p[3], 1, { atol: 1e-6 });
});

Deno.test("fitLogisticRegression() is deterministic and imputes missing features by the training mean", () => {
  const x = Float32Array.from([0, 1, 1, 3, 2, NaN, 3, 7]); // [4, 2]
  const y = [0, 0, 1, 1];
  const a = fitLogisticRegression(x, y), b = fitLogisticRegression(x, y);
  assert.deepEqual(a.weights, b.weights);
  // a NaN feature at prediction time acts as the training mean of that column
  const mean1 = (1 + 3 + 7) / 3;
  assertAllClose(
    predictProbaLogisticRegression(a, Float32Array.from([1.5, NaN])),
    predictProbaLogisticRegression(a, Float32Array.from([1.5, mean1])),
    { atol: 1e-6 },
  );
});

Deno.test("fitLogisticRegression() with balanced class weights favours a rare class more", () => {
  const rng = new Rng(5);
  const x: number[] = [], y: number[] = [];
  for (let i = 0; i < 95; i++) x.push(rng.normal()), y.push(0);
  for (let i = 0; i < 5; i++) x.push(rng.normal() + 1), y.push(1);
  const plain = fitLogisticRegression(Float32Array.from(x), y);
  const balanced = fitLogisticRegression(Float32Array.from(x), y, { classWeight: "balanced" });
  const q = Float32Array.from([1]);
  assert.ok(
    predictProbaLogisticRegression(balanced, q)[1] >
      predictProbaLogisticRegression(plain, q)[1] + 0.2,
  );
});

Deno.test("fitLogisticRegression() keeps `classes` outputs even when a class has no training sample", () => {
  const model = fitLogisticRegression(Float32Array.from([0, 1, 2]), [0, 1, 1], { classes: 4 });
  const p = predictProbaLogisticRegression(model, Float32Array.from([1]));
  assert.equal(p.length, 4);
  assert.ok(p[2] < 0.05 && p[3] < 0.05);
});

Deno.test("fitLogisticRegression() rejects bad labels, shapes and options", () => {
  const x = Float32Array.from([0, 1]);
  assertThrowsWith(() => fitLogisticRegression(x, [0, -1]), "y[1] is -1");
  assertThrowsWith(
    () => fitLogisticRegression(x, [0, 2], { classes: 2 }),
    "y[1] is 2; expected a class index in [0, 2)",
  );
  assertThrowsWith(
    () => fitLogisticRegression(Float32Array.from([0, 1, 2]), [0, 1]),
    "not a whole number of rows",
  );
  assertThrowsWith(() => fitLogisticRegression(x, [0, 1], { l2: -1 }), "option l2 must be ≥ 0");
  assertThrowsWith(
    () => fitLogisticRegression(x, [0, 1], { lr: 1 } as never),
    'unknown option "lr"',
  );
  const model = fitLogisticRegression(x, [0, 1]);
  assertThrowsWith(
    () => predictProbaLogisticRegression(model, new Float32Array(0)),
    "x must be a non-empty",
  );
});

Deno.test("argmaxRows() picks each row's largest entry, the first one on ties", () => {
  assert.deepEqual([...argmaxRows(Float32Array.from([0.1, 0.7, 0.2, 0.5, 0.5, 0]), 3)], [1, 0]);
  assertThrowsWith(() => argmaxRows(new Float32Array(5), 3), "not whole rows");
});

import { silhouette } from "../../lib/eval/silhouette.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";

// Hand-worked, one dimension: A = {0, 1}, B = {4, 6}.
//   0: a = 1, b = (4 + 6)/2 = 5    → s = 4/5 = 0.8
//   1: a = 1, b = (3 + 5)/2 = 4    → s = 3/4 = 0.75
//   4: a = 2, b = (4 + 3)/2 = 3.5  → s = 1.5/3.5
//   6: a = 2, b = (6 + 5)/2 = 5.5  → s = 3.5/5.5
const X = Float32Array.from([0, 1, 4, 6]);
const S = [0.8, 0.75, 1.5 / 3.5, 3.5 / 5.5];

Deno.test("silhouette() matches Rousseeuw's s(i) worked by hand on four points", () => {
  const r = silhouette(X, [0, 0, 1, 1]);
  assertClose(r.score, (S[0] + S[1] + S[2] + S[3]) / 4, { atol: 1e-12 });
  assertClose(r.byLabel["0"], (S[0] + S[1]) / 2, { atol: 1e-12 });
  assertClose(r.byLabel["1"], (S[2] + S[3]) / 2, { atol: 1e-12 });
  assert.equal(r.points, 4);
});

Deno.test("silhouette() gives a singleton cluster s = 0 and takes b from the nearest other cluster", () => {
  // Adding C = {10}: point 6 now has b = min(5.5 to A, 4 to C) = 4 → s = (4 − 2)/4 = 0.5.
  const r = silhouette(Float32Array.from([0, 1, 4, 6, 10]), ["a", "a", "b", "b", "c"]);
  assertClose(r.score, (0.8 + 0.75 + 1.5 / 3.5 + 0.5 + 0) / 5, { atol: 1e-12 });
  assert.equal(r.byLabel.c, 0);
});

Deno.test("silhouette() with the cosine metric ignores lengths: rays in two directions score 1", () => {
  const x = Float32Array.from([1, 0, 2, 0, 0, 1, 0, 3]); // [n=4, d=2]
  assertClose(silhouette(x, [0, 0, 1, 1], { metric: "cosine" }).score, 1, { atol: 1e-12 });
  // Euclidean on the same points does not reach 1 (the lengths differ).
  assert.ok(silhouette(x, [0, 0, 1, 1]).score < 0.7);
});

Deno.test("silhouette() is near 0 for labels unrelated to the points and negative for swapped ones", () => {
  assert.ok(silhouette(X, [1, 1, 0, 0]).score > 0.6); // label names do not matter
  assert.ok(silhouette(X, [0, 1, 0, 1]).score < 0);
});

Deno.test("silhouette() subsamples to maxPoints with a seed: same seed, same score", () => {
  const n = 60;
  const x = Float32Array.from({ length: n * 2 }, (_, i) => Math.sin(i * 12.9898) * 3);
  const labels = Array.from({ length: n }, (_, i) => i % 3);
  const a = silhouette(x, labels, { maxPoints: 20, seed: 4 });
  const b = silhouette(x, labels, { maxPoints: 20, seed: 4 });
  assert.equal(a.points, 20);
  assert.equal(a.score, b.score);
  assert.notEqual(silhouette(x, labels, { maxPoints: 20, seed: 5 }).score, a.score);
  assert.equal(silhouette(x, labels, { maxPoints: 100 }).points, n);
});

Deno.test("silhouette() rejects bad input with a clear message", () => {
  assertThrowsWith(() => silhouette(X, [0, 0, 0, 0]), "all 4 points have the label '0'");
  assertThrowsWith(() => silhouette(X, [0, 0, 1]), "not a multiple of the 3 labels");
  assertThrowsWith(
    () => silhouette(Float32Array.from([0, NaN, 1, 2]), [0, 0, 1, 1]),
    "embeddings[1][0] is NaN",
  );
  assertThrowsWith(() => silhouette(X, [0, -1, 1, 1]), "labels[1] is -1");
  assertThrowsWith(
    () => silhouette(Float32Array.from([0, 0, 1, 1]), [0, 0, 1, 1], { metric: "cosine" }),
    "point 0 is the zero vector",
  );
  assertThrowsWith(
    () => silhouette(X, [0, 0, 1, 1], { maxPoints: 1 }),
    "maxPoints must be an integer ≥ 2",
  );
  assertThrowsWith(
    () => silhouette(X, [0, 0, 1, 1], { metric: "manhattan" as never }),
    'metric must be "euclidean" or "cosine"',
  );
  assertThrowsWith(() => silhouette(X, [0, 0, 1, 1], { k: 1 } as never), 'unknown option "k"');
});

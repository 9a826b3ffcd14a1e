import { tf } from "../../lib/backend/tf.ts";
import {
  euclideanPairwiseDistances,
  euclideanRowDistances,
  l2NormalizeRows,
  safeSqrt,
  squaredPairwiseDistances,
  squaredRowDistances,
} from "../../lib/losses/distances.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertAllClose, assertClose } from "../_assert.ts";
import { assertNoLeak, randomRows } from "./_reference.ts";

function read(t: tf.Tensor): number[] {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
}

Deno.test("squaredRowDistances() and euclideanRowDistances() give 25 and 5 for (0,0)–(3,4)", () => {
  const a = tf.tensor2d([[0, 0], [1, 1]]);
  const b = tf.tensor2d([[3, 4], [1, 1]]);
  assertAllClose(read(squaredRowDistances(a, b)), [25, 0]);
  // The identical pair reports √ε = 1e-6 instead of 0.
  assertAllClose(read(euclideanRowDistances(a, b)), [5, 1e-6], { atol: 1e-9, rtol: 1e-6 });
  tf.dispose([a, b]);
});

Deno.test("euclideanPairwiseDistances() matches a float64 double loop", () => {
  const rows = randomRows(new Rng(61), 7, 4);
  const x = tf.tensor2d(rows);
  const expected: number[] = [];
  for (const a of rows) {
    for (const b of rows) {
      expected.push(Math.max(Math.hypot(...a.map((v, k) => v - b[k])), 1e-6));
    }
  }
  const distances = read(euclideanPairwiseDistances(x));
  assertAllClose(distances, expected, { atol: 1e-5, rtol: 1e-5 });
  // The diagonal is exactly √ε, not round-off noise.
  for (let i = 0; i < 7; i++) assertClose(distances[i * 8], 1e-6, { atol: 1e-12 });
  const squared = expected.map((d) => (d === 1e-6 ? 0 : d * d));
  assertAllClose(read(squaredPairwiseDistances(x)), squared, { atol: 1e-5, rtol: 1e-5 });
  x.dispose();
});

Deno.test("safeSqrt() has gradient 0 at 0 and 1/(2√x) elsewhere", () => {
  const x = tf.tensor1d([0, 4, 0.25]);
  const g = tf.grad((t: tf.Tensor) => tf.sum(safeSqrt(t)))(x);
  assertAllClose(read(g), [0, 0.25, 1], { atol: 1e-6 });
  x.dispose();
});

Deno.test("l2NormalizeRows() gives unit rows and leaves zero rows at 0", () => {
  const x = tf.tensor2d([[3, 4], [0, 0], [0, -2]]);
  assertAllClose(read(l2NormalizeRows(x)), [0.6, 0.8, 0, 0, 0, -1], { atol: 1e-6 });
  const g = tf.grad((t: tf.Tensor) => tf.sum(l2NormalizeRows(t as tf.Tensor2D)))(x);
  for (const v of read(g)) assert.ok(Number.isFinite(v), `gradient ${v} is not finite`);
  x.dispose();
});

Deno.test("distance helpers leak no tensors", () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  assertNoLeak(() => {
    tf.dispose([
      euclideanPairwiseDistances(x),
      euclideanRowDistances(x, x),
      l2NormalizeRows(x),
    ]);
  });
  x.dispose();
});

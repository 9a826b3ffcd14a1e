import { tf } from "../../lib/backend/tf.ts";
import {
  checkValues,
  labelVector,
  requireMargin,
  requireMatrix,
  requireTemperature,
} from "../../lib/losses/validate.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("checkValues() passes clean inputs and names the first bad one", () => {
  const ok = tf.tensor2d([[1e30, -2], [0, 3]]);
  const nan = tf.tensor1d([0, NaN]);
  const inf = tf.tensor1d([Infinity, 1]);
  const flags = tf.tensor1d([0, 1, 1]);
  const half = tf.tensor1d([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 2]); // Σ x(1−x) = 0
  checkValues("f", { ok }, { flags });
  assertThrowsWith(() => checkValues("f", { ok, nan }), "f: nan contains NaN or Infinity");
  assertThrowsWith(() => checkValues("f", { inf }), "inf contains NaN");
  assertThrowsWith(() => checkValues("f", {}, { half }), "half must hold only 0");
  assertThrowsWith(() => checkValues("f", {}, { nan }), "nan must hold only 0");
  tf.dispose([ok, nan, inf, flags, half]);
});

Deno.test("labelVector() converts arrays and tensors to float32 [n] and checks the length", () => {
  const t = tf.tensor1d([1, 2], "int32");
  const a = labelVector("f", "labels", [4, 5], 2);
  const b = labelVector("f", "labels", t, 2);
  assert.equal(a.dtype, "float32");
  assert.deepEqual(Array.from(a.dataSync()), [4, 5]);
  assert.deepEqual(Array.from(b.dataSync()), [1, 2]);
  assertThrowsWith(() => labelVector("f", "labels", [1, 2, 3], 2), "labels must have length 2");
  assertThrowsWith(() => labelVector("f", "labels", ["a", "b"] as never, 2), "labels[0]");
  tf.dispose([t, a, b]);
});

Deno.test("requireMatrix(), requireMargin(), requireTemperature() reject bad values", () => {
  const empty = tf.zeros([0, 3]);
  assertThrowsWith(() => requireMatrix("f", "x", empty), "x must have shape [n, d]", "[0, 3]");
  assertThrowsWith(() => requireMatrix("f", "x", [[1]]), "x must be a tf.Tensor");
  assertThrowsWith(() => requireMargin("f", -1), "margin");
  assertThrowsWith(() => requireTemperature("f", 0), "temperature");
  requireMargin("f", 0);
  requireTemperature("f", 1e-3);
  empty.dispose();
});

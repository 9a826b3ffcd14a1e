import { linearProbe } from "../../lib/finetune/linear_probe.ts";
import { featureBaseline } from "../../lib/finetune/feature_baseline.ts";
import {
  fitLogisticRegression,
  predictProbaLogisticRegression,
} from "../../lib/finetune/logistic_regression.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

const X = Float32Array.from([0, 0, 0, 1, 5, 5, 5, 6]); // [4, 2]
const Y = [0, 0, 1, 1];
const T = Float32Array.from([0, 0.5, 5, 5.5]);

Deno.test("linearProbe() fits the logistic regression and predicts the test rows", () => {
  const r = linearProbe(X, Y, T);
  assert.deepEqual([...r.predictions], [0, 1]);
  assert.deepEqual(r.probabilities, predictProbaLogisticRegression(fitLogisticRegression(X, Y), T));
  assert.equal(r.model.dims, 2);
  assert.equal(linearProbe(X, Y, new Float32Array(0)).predictions.length, 0);
});

Deno.test("featureBaseline() is the same regression on feature rows (NaN imputed)", () => {
  const withNaN = Float32Array.from([0, NaN, 0, 1, 5, 5, 5, 6]);
  const r = featureBaseline(withNaN, Y, T);
  assert.deepEqual([...r.predictions], [0, 1]);
});

Deno.test("linearProbe() rejects test rows of another width", () => {
  assertThrowsWith(
    () => linearProbe(X, Y, new Float32Array(3)),
    "embTest must be a Float32Array [m, 2]",
  );
});

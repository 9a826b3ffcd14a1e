import { accuracy, balancedAccuracy } from "../../lib/eval/accuracy.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";

Deno.test("accuracy() is the share of exact hits", () => {
  assert.equal(accuracy([0, 1, 2, 3], [0, 1, 2, 3]), 1);
  assertClose(accuracy([0, 0, 1, 1, 2], [0, 1, 1, 1, 0]), 3 / 5);
  assert.equal(accuracy([3], [2]), 0);
});

Deno.test("balancedAccuracy() averages the recall of the classes in the truth", () => {
  // class 0: 9 of 10 right; class 1: 0 of 2 right → (0.9 + 0) / 2, while accuracy is 9/12
  const yTrue = [...new Array(10).fill(0), 1, 1];
  const yPred = [...new Array(9).fill(0), 1, 0, 0];
  assertClose(balancedAccuracy(yTrue, yPred), 0.45);
  assertClose(accuracy(yTrue, yPred), 0.75);
  // a class only predicted (2) does not enter the mean
  assertClose(balancedAccuracy([0, 1], [2, 1]), 0.5);
});

Deno.test("accuracy() and balancedAccuracy() reject bad labels", () => {
  assertThrowsWith(() => accuracy([0, -1], [0, 0]), "accuracy: yTrue[1] is -1");
  assertThrowsWith(() => balancedAccuracy([0, NaN], [0, 0]), "balancedAccuracy: yTrue[1] is NaN");
  assertThrowsWith(() => accuracy([0, 1], [0]), "yTrue has 2 labels but yPred has 1");
});

import { confusionMatrix } from "../../lib/eval/confusion_matrix.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("confusionMatrix() counts true class by row and prediction by column", () => {
  const yTrue = [0, 0, 1, 1, 1, 2, 2];
  const yPred = [0, 1, 1, 1, 2, 2, 0];
  assert.deepEqual(confusionMatrix(yTrue, yPred, 3), [
    [1, 1, 0],
    [0, 2, 1],
    [1, 0, 1],
  ]);
});

Deno.test("confusionMatrix() keeps rows and columns of classes that never occur", () => {
  assert.deepEqual(confusionMatrix(Int8Array.from([1, 1]), Int32Array.from([1, 3]), 4), [
    [0, 0, 0, 0],
    [0, 1, 0, 1],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ]);
});

Deno.test("confusionMatrix() rejects unlabelled windows, out-of-range labels and length mismatches", () => {
  assertThrowsWith(() => confusionMatrix([0, -1], [0, 0], 4), "yTrue[1] is -1", "[0, 4)");
  assertThrowsWith(() => confusionMatrix([0, 1], [0, 4], 4), "yPred[1] is 4");
  assertThrowsWith(() => confusionMatrix([0, 1], [0], 4), "yTrue has 2 labels but yPred has 1");
  assertThrowsWith(() => confusionMatrix([], [], 4), "yTrue is empty");
  assertThrowsWith(() => confusionMatrix([0], [0], 0), "k (the number of classes) must be");
  assertThrowsWith(() => confusionMatrix([0.5], [0], 2), "yTrue[0] is 0.5");
});

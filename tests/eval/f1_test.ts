import { f1FromConfusion, macroF1, meanDefined, perClassF1 } from "../../lib/eval/f1.ts";
import { assert, assertAllClose, assertClose } from "../_assert.ts";

// Hand-worked: yTrue 0,0,1,1,1,2,2 / yPred 0,1,1,1,2,2,0
//   class 0: TP 1, FP 1 (the last 2→0), FN 1 (0→1)  F1 = 2/(2+1+1) = 0.5
//   class 1: TP 2, FP 1, FN 1                         F1 = 4/6
//   class 2: TP 1, FP 1, FN 1                         F1 = 0.5
const Y_TRUE = [0, 0, 1, 1, 1, 2, 2];
const Y_PRED = [0, 1, 1, 1, 2, 2, 0];

Deno.test("perClassF1() matches the hand-worked F1 = 2TP / (2TP + FP + FN)", () => {
  assertAllClose(perClassF1(Y_TRUE, Y_PRED, 3), [0.5, 4 / 6, 0.5], { atol: 1e-12 });
  assertClose(macroF1(Y_TRUE, Y_PRED, 3), (0.5 + 4 / 6 + 0.5) / 3, { atol: 1e-12 });
});

Deno.test("perClassF1() gives NaN for a class absent from truth and prediction, and macroF1() skips it", () => {
  const f = perClassF1(Y_TRUE, Y_PRED, 4);
  assert.ok(Number.isNaN(f[3]));
  assertClose(macroF1(Y_TRUE, Y_PRED, 4), (0.5 + 4 / 6 + 0.5) / 3, { atol: 1e-12 });
});

Deno.test("perClassF1() gives 0 to a class that is predicted but never true, and macroF1() counts it", () => {
  // truth 0,0 / prediction 0,1: class 0 TP1 FN1 → 2/3; class 1 FP1 → 0
  assertAllClose(perClassF1([0, 0], [0, 1], 2), [2 / 3, 0], { atol: 1e-12 });
  assertClose(macroF1([0, 0], [0, 1], 2), 1 / 3, { atol: 1e-12 });
});

Deno.test("macroF1() is 1 for perfect predictions and 0 when every prediction is wrong", () => {
  assert.equal(macroF1([0, 1, 2, 3], [0, 1, 2, 3], 4), 1);
  assert.equal(macroF1([0, 1], [1, 0], 2), 0);
});

Deno.test("f1FromConfusion() and meanDefined() agree with the label forms", () => {
  assertAllClose(f1FromConfusion([[1, 1, 0], [0, 2, 1], [1, 0, 1]]), [0.5, 4 / 6, 0.5], {
    atol: 1e-12,
  });
  assert.equal(meanDefined([NaN, 1, 0]), 0.5);
  assert.ok(Number.isNaN(meanDefined([NaN])));
});

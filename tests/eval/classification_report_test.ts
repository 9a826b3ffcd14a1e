import { classificationReport } from "../../lib/eval/classification_report.ts";
import { accuracy } from "../../lib/eval/accuracy.ts";
import { macroF1, perClassF1 } from "../../lib/eval/f1.ts";
import { confusionMatrix } from "../../lib/eval/confusion_matrix.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("classificationReport() bundles the metrics exactly as the single functions compute them", () => {
  const yTrue = [0, 0, 1, 1, 1, 2, 2, 1], yPred = [0, 1, 1, 1, 2, 2, 0, 1];
  const r = classificationReport(yTrue, yPred, 4);
  assert.equal(r.n, 8);
  assert.equal(r.accuracy, accuracy(yTrue, yPred));
  assert.equal(r.macroF1, macroF1(yTrue, yPred, 4));
  assert.deepEqual(r.perClassF1, perClassF1(yTrue, yPred, 4));
  assert.deepEqual(r.confusion, confusionMatrix(yTrue, yPred, 4));
  assert.equal(r.accuracy, 5 / 8);
});

Deno.test("classificationReport() rejects unlabelled windows", () => {
  assertThrowsWith(
    () => classificationReport([-1], [0], 4),
    "classificationReport: yTrue[0] is -1",
  );
});

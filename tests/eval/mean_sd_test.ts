import { formatMeanSd, meanSd } from "../../lib/eval/mean_sd.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";

Deno.test("meanSd() gives the mean and the sample standard deviation (n − 1)", () => {
  const m = meanSd([1, 2, 3, 4]);
  assert.equal(m.mean, 2.5);
  assertClose(m.sd, Math.sqrt(5 / 3), { atol: 1e-12 });
  assert.equal(m.n, 4);
  assert.deepEqual(meanSd(Float32Array.from([2, 2])), { mean: 2, sd: 0, n: 2 });
});

Deno.test("meanSd() of one value has sd NaN, and formatMeanSd() then shows the mean alone", () => {
  const m = meanSd([0.5]);
  assert.ok(Number.isNaN(m.sd));
  assert.equal(formatMeanSd(m), "0.500");
  assert.equal(formatMeanSd(meanSd([0.8, 0.9])), "0.850 ± 0.071");
  assert.equal(formatMeanSd(meanSd([0.7, 0.9]), 1), "0.8 ± 0.1");
});

Deno.test("meanSd() rejects an empty list and non-finite values", () => {
  assertThrowsWith(() => meanSd([]), "meanSd: expected at least one value, got 0");
  assertThrowsWith(() => meanSd([1, NaN]), "meanSd: value 1 is NaN");
  assertThrowsWith(() => meanSd([Infinity]), "value 0 is Infinity");
});

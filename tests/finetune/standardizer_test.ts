import { applyStandardizer, fitStandardizer } from "../../lib/finetune/standardizer.ts";
import { assert, assertAllClose, assertThrowsWith } from "../_assert.ts";

Deno.test("fitStandardizer() gives column means and population sds, ignoring NaN", () => {
  // columns: [1, 3, NaN] → mean 2, sd 1; [2, 2, 2] → constant → scale 1; [NaN ×3] → mean 0
  const x = Float32Array.from([1, 2, NaN, 3, 2, NaN, NaN, 2, NaN]);
  const s = fitStandardizer(x, 3);
  assert.equal(s.dims, 3);
  assertAllClose(s.mean, [2, 2, 0], { atol: 1e-12 });
  assertAllClose(s.scale, [1, 1, 1], { atol: 1e-12 });
});

Deno.test("applyStandardizer() z-scores and imputes missing values by the training mean (z = 0)", () => {
  const s = fitStandardizer(Float32Array.from([0, 10, 2, 30]), 2); // means 1, 20; sds 1, 10
  assertAllClose(applyStandardizer(s, Float32Array.from([3, NaN, NaN, 0]), 2), [2, 0, 0, -2]);
});

Deno.test("fitStandardizer() and applyStandardizer() reject infinities and wrong widths", () => {
  assertThrowsWith(
    () => fitStandardizer(Float32Array.from([1, Infinity]), 1),
    "x[0][1] is Infinity",
  );
  const s = fitStandardizer(Float32Array.from([1, 2]), 1);
  assertThrowsWith(() => applyStandardizer(s, Float32Array.from([1, 2, 3]), 1), "x has 3 columns");
  assertThrowsWith(
    () => fitStandardizer(Float32Array.from([1, 2, 3]), 2),
    "not a whole number of rows",
  );
});

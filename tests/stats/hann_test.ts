import { hannWindow } from "../../lib/stats/hann.ts";
import { assertAllClose, assertThrowsWith } from "../_assert.ts";

Deno.test("hannWindow() is the periodic Hann window", () => {
  assertAllClose(hannWindow(4), [0, 0.5, 1, 0.5], { atol: 1e-15 });
  assertAllClose(hannWindow(1), [1]);
});

Deno.test("hannWindow() rejects a non-integer length", () => {
  assertThrowsWith(() => hannWindow(2.5), "hannWindow", "integer ≥ 1", "2.5");
});

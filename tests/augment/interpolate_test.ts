import { interpolateWindow } from "../../lib/augment/interpolate.ts";
import { assert, assertAllClose } from "../_assert.ts";

Deno.test("interpolateWindow() is exact at integer positions and linear between them", () => {
  const w = new Float32Array([0, 10, 2, 20, 6, 40]); // [3, 2]
  assert.deepEqual(Array.from(interpolateWindow(w, 3, 2, [2, 0, 1])), [6, 40, 0, 10, 2, 20]);
  assertAllClose(interpolateWindow(w, 3, 2, [0.5, 1.25]), [1, 15, 3, 25]);
});

Deno.test("interpolateWindow() clamps positions outside the window to its ends", () => {
  const w = new Float32Array([1, 2, 3]);
  assert.deepEqual(Array.from(interpolateWindow(w, 3, 1, [-4, 2, 7.5])), [1, 3, 3]);
});

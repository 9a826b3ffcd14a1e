import { gatherWindows } from "../../lib/learn/gather_windows.ts";
import { getWindow } from "../../lib/data/window_set.ts";
import { jitter } from "../../lib/augment/jitter.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { syntheticWindows } from "./_windows.ts";

const WS = syntheticWindows({ length: 8 }); // 8 × 2 channels = 16 values per window
const SIZE = 16;

Deno.test("gatherWindows() copies the chosen windows into consecutive rows from `row`", () => {
  const out = new Float32Array(5 * SIZE).fill(-7);
  gatherWindows(out, WS, [3, 0, 3], null, null, 1);
  assert.deepEqual(out.subarray(0, SIZE), new Float32Array(SIZE).fill(-7), "row 0 untouched");
  assert.deepEqual(out.subarray(SIZE, 2 * SIZE), getWindow(WS, 3));
  assert.deepEqual(out.subarray(2 * SIZE, 3 * SIZE), getWindow(WS, 0));
  assert.deepEqual(out.subarray(3 * SIZE, 4 * SIZE), getWindow(WS, 3));
  assert.deepEqual(out.subarray(4 * SIZE), new Float32Array(SIZE).fill(-7), "row 4 untouched");
});

Deno.test("gatherWindows() augments window by window from one rng, reproducibly", () => {
  const aug = jitter({ sigma: 0.5 });
  const a = gatherWindows(new Float32Array(2 * SIZE), WS, [1, 1], aug, new Rng(1));
  const b = gatherWindows(new Float32Array(2 * SIZE), WS, [1, 1], aug, new Rng(1));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.subarray(0, SIZE), a.subarray(SIZE), "two views of one window differ");
  const rng = new Rng(1);
  const first = aug(getWindow(WS, 1), 8, 2, rng);
  assert.deepEqual(a.subarray(0, SIZE), first, "view k uses the stream after views 0…k−1");
  assert.deepEqual(a.subarray(SIZE), aug(getWindow(WS, 1), 8, 2, rng));
});

Deno.test("gatherWindows() rejects bad indices, short buffers and missing rngs", () => {
  const out = new Float32Array(2 * SIZE);
  assertThrowsWith(() => gatherWindows(out, WS, [WS.n]), `index ${WS.n} (position 0) out of range`);
  assertThrowsWith(() => gatherWindows(out, WS, [0, 1, 2]), "rows 0…2 do not fit in out (2 rows)");
  assertThrowsWith(() => gatherWindows(new Float32Array(5), WS, [0]), "whole windows of 16");
  assertThrowsWith(() => gatherWindows(out, WS, [0], jitter()), "an augmentation needs an rng");
  assertThrowsWith(
    () => gatherWindows(out, WS, [0], () => new Float32Array(3), new Rng(1)),
    "augmentation returned 3 values for window 0, expected 16",
  );
});

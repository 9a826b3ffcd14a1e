import { assert, assertThrowsWith } from "../_assert.ts";
import { lttbIndices, minMaxIndices, strideIndices } from "../../lib/plot/decimate.ts";
import { Rng } from "../../lib/random/rng.ts";

Deno.test("minMaxIndices() keeps the first, last, and each bucket's min and max (hand-worked)", () => {
  const values = [0, 5, 1, -3, 2, 9, 4, 0, 1, 2];
  // 2 buckets: [0,5) → max 5 @1, min −3 @3; [5,10) → max 9 @5, min 0 @7; plus 0 and 9.
  assert.deepEqual([...minMaxIndices(values, 6)], [0, 1, 3, 5, 7, 9]);
});

Deno.test("minMaxIndices() returns every index when the series fits the budget", () => {
  assert.deepEqual([...minMaxIndices([3, 1, 2], 10)], [0, 1, 2]);
});

Deno.test("minMaxIndices() keeps the exact global extremes and every bucket envelope of a long noisy series", () => {
  const rng = new Rng(7);
  const n = 100_003;
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.normal();
  v[31_337] = 25; // spike
  v[77_777] = -30; // dip
  const budget = 1000;
  const idx = minMaxIndices(v, budget);
  assert.ok(idx.length <= budget, `${idx.length} ≤ ${budget}`);
  assert.ok(idx.length >= budget - 2, `uses the budget (${idx.length})`);
  assert.ok(idx.includes(31_337) && idx.includes(77_777), "spike and dip kept");
  assert.equal(idx[0], 0);
  assert.equal(idx[idx.length - 1], n - 1);
  for (let k = 1; k < idx.length; k++) assert.ok(idx[k] > idx[k - 1], "strictly ascending");
  // Every bucket's min and max value is among the kept samples of that bucket.
  const buckets = Math.floor((budget - 2) / 2);
  const kept = new Set(idx);
  for (let b = 0; b < buckets; b++) {
    const lo = Math.floor((b * n) / buckets), hi = Math.floor(((b + 1) * n) / buckets);
    let mn = Infinity, mx = -Infinity, keptMn = Infinity, keptMx = -Infinity;
    for (let i = lo; i < hi; i++) {
      mn = Math.min(mn, v[i]);
      mx = Math.max(mx, v[i]);
      if (kept.has(i)) {
        keptMn = Math.min(keptMn, v[i]);
        keptMx = Math.max(keptMx, v[i]);
      }
    }
    assert.equal(keptMn, mn, `bucket ${b} min`);
    assert.equal(keptMx, mx, `bucket ${b} max`);
  }
});

Deno.test("minMaxIndices() rejects a budget below 4", () => {
  assertThrowsWith(() => minMaxIndices([1, 2, 3, 4, 5], 3), "minMaxIndices", "maxPoints", "≥ 4");
});

Deno.test("lttbIndices() picks the point forming the largest triangle (hand-worked)", () => {
  // One middle bucket {1,2,3}; neighbours (0,0) and the next-bucket average (4,0):
  // area ∝ 4·|y| → the peak at index 1.
  assert.deepEqual([...lttbIndices([0, 1, 2, 3, 4], [0, 10, 0, 0, 0], 3)], [0, 1, 4]);
});

Deno.test("lttbIndices() returns exactly maxPoints ascending indices with both ends kept", () => {
  const n = 10_000;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from(
    { length: n },
    (_, i) => Math.exp(-i / 2000) + 0.05 * Math.sin(i / 7),
  );
  const idx = lttbIndices(x, y, 500);
  assert.equal(idx.length, 500);
  assert.equal(idx[0], 0);
  assert.equal(idx[499], n - 1);
  for (let k = 1; k < idx.length; k++) assert.ok(idx[k] > idx[k - 1], "strictly ascending");
});

Deno.test("lttbIndices() rejects x and y of different lengths", () => {
  assertThrowsWith(() => lttbIndices([0, 1, 2, 3], [0, 1, 2], 3), "lttbIndices", "4", "3");
});

Deno.test("strideIndices() takes every ⌈n/max⌉-th index", () => {
  assert.deepEqual([...strideIndices(10, 4)], [0, 3, 6, 9]);
  assert.deepEqual([...strideIndices(3, 4)], [0, 1, 2]);
});

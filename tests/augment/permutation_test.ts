import { permutation } from "../../lib/augment/permutation.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { assertSeededAndPure, gaussianWindow, rampWindow } from "./_windows.ts";

function rows(w: Float32Array, channels: number): string[] {
  return Array.from(
    { length: w.length / channels },
    (_, t) => Array.from(w.subarray(t * channels, (t + 1) * channels)).join(","),
  );
}

Deno.test("permutation() preserves the multiset of samples, rows kept whole", () => {
  const w = gaussianWindow(1, 103, [0, 1, 2], [1, 1, 1]);
  const out = permutation({ segments: 5 })(w, 103, 3, new Rng(2));
  assert.deepEqual(rows(out, 3).sort(), rows(w, 3).sort());
  assert.notDeepEqual(out, w);
});

Deno.test("permutation() reorders the equal-length segments, each kept contiguous", () => {
  // Ramp 0…9 in 3 segments [0,3) [3,6) [6,10): the output is a concatenation of those.
  const w = rampWindow(10, 1);
  const segments = [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]];
  const rng = new Rng(3);
  const counts = new Map<string, number>();
  for (let i = 0; i < 1200; i++) {
    const out = Array.from(permutation({ segments: 3 })(w, 10, 1, rng));
    const order: number[] = [];
    let at = 0;
    while (at < 10) {
      const k = segments.findIndex((s) => s[0] === out[at]);
      assert.deepEqual(out.slice(at, at + segments[k].length), segments[k]);
      order.push(k);
      at += segments[k].length;
    }
    counts.set(order.join(""), (counts.get(order.join("")) ?? 0) + 1);
  }
  // All 3! = 6 orders, each ~200 times (binomial sd ≈ 13).
  assert.equal(counts.size, 6);
  for (const [order, n] of counts) assert.ok(n > 140 && n < 260, `order ${order} seen ${n} times`);
});

Deno.test("permutation() with one segment is the identity and is seeded and pure", () => {
  const w = rampWindow(12, 2);
  assert.deepEqual(permutation({ segments: 1 })(w, 12, 2, new Rng(1)), w);
  assertSeededAndPure(permutation({ segments: 6 }), w, 2);
});

Deno.test("permutation() rejects bad options and more segments than samples", () => {
  assertThrowsWith(() => permutation({ segments: 0 }), "permutation: option segments");
  assertThrowsWith(
    () => permutation({ segments: 5 })(new Float32Array(4), 4, 1, new Rng(1)),
    "permutation: 5 segments do not fit in a window of 4 samples",
  );
});

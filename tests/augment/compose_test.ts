import { compose } from "../../lib/augment/compose.ts";
import { jitter } from "../../lib/augment/jitter.ts";
import { permutation } from "../../lib/augment/permutation.ts";
import type { Augmentation } from "../../lib/augment/window.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { assertSeededAndPure, gaussianWindow } from "./_windows.ts";

const addOne: Augmentation = (w) => w.map((v) => v + 1);
const double: Augmentation = (w) => w.map((v) => v * 2);

Deno.test("compose() applies the steps in order", () => {
  const w = new Float32Array([1, 2]);
  assert.deepEqual(Array.from(compose([addOne, double])(w, 2, 1, new Rng(1))), [4, 6]);
  assert.deepEqual(Array.from(compose([double, addOne])(w, 2, 1, new Rng(1))), [3, 5]);
  assert.deepEqual(Array.from(compose([])(w, 2, 1, new Rng(1))), [1, 2]);
});

Deno.test("compose() applies each step with its probability", () => {
  const rng = new Rng(2);
  const aug = compose([
    { augmentation: addOne, probability: 0.3 },
    { augmentation: double, probability: 0 },
  ]);
  const w = new Float32Array([0]);
  let applied = 0;
  const n = 5000;
  for (let i = 0; i < n; i++) applied += aug(w, 1, 1, rng)[0];
  // Binomial(5000, 0.3): sd ≈ 32; doubling never happens (it would give 2).
  assertClose(applied / n, 0.3, { atol: 4 * Math.sqrt(0.3 * 0.7 / n) });
});

Deno.test("compose() with probability 1 equals the steps run by hand on the same stream", () => {
  const w = gaussianWindow(3, 40, [0, 1], [1, 2]);
  const a = jitter({ sigma: 0.5 });
  const b = permutation({ segments: 4 });
  const got = compose([a, { augmentation: b, probability: 1 }])(w, 40, 2, new Rng(4));
  const rng = new Rng(4);
  rng.uniform();
  const mid = a(w, 40, 2, rng);
  rng.uniform();
  assert.deepEqual(got, b(mid, 40, 2, rng));
});

Deno.test("compose() is seeded and pure", () => {
  const aug = compose([{ augmentation: jitter(), probability: 0.5 }, permutation()]);
  assertSeededAndPure(aug, gaussianWindow(5, 64, [0], [1]), 1);
});

Deno.test("compose() rejects bad steps and steps that return the wrong size", () => {
  assertThrowsWith(
    () => compose([{ augmentation: addOne, probability: 1.5 }]),
    "compose: option steps[0].probability must be a finite number ≥ 0 and ≤ 1, got 1.5",
  );
  assertThrowsWith(() => compose([addOne, 3 as never]), "compose: step 1 must be an augmentation");
  assertThrowsWith(
    () => compose([{ augmentation: addOne, p: 0.5 } as never]),
    "step 0 has unknown field 'p'",
  );
  const shrink: Augmentation = (w) => w.subarray(1);
  assertThrowsWith(
    () => compose([addOne, shrink])(new Float32Array(4), 4, 1, new Rng(1)),
    "compose: step 1 returned 3 values, expected length × channels = 4",
  );
});

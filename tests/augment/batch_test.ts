import { fillAugmentedBatch, fillViewPairBatch } from "../../lib/augment/batch.ts";
import { jitter } from "../../lib/augment/jitter.ts";
import type { Augmentation } from "../../lib/augment/window.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { gaussianWindow } from "./_windows.ts";

const length = 16;
const channels = 3;
const size = length * channels;
const windows = [0, 1, 2, 3].map((i) => gaussianWindow(i, length, [0, 1, 2], [1, 2, 3]));

Deno.test("fillAugmentedBatch() fills [n, length, channels] like augmenting one by one", () => {
  const aug = jitter({ sigma: 0.3 });
  const out = new Float32Array(4 * size);
  assert.equal(fillAugmentedBatch(out, windows, length, channels, aug, new Rng(1)), out);
  const rng = new Rng(1);
  windows.forEach((w, i) => {
    assert.deepEqual(out.subarray(i * size, (i + 1) * size), aug(w, length, channels, rng));
  });
});

Deno.test("fillAugmentedBatch() takes windows as one flat [n, length, channels] array", () => {
  const flat = new Float32Array(4 * size);
  windows.forEach((w, i) => flat.set(w, i * size));
  const copy = flat.slice();
  const a = new Float32Array(4 * size);
  const b = new Float32Array(4 * size);
  fillAugmentedBatch(a, windows, length, channels, jitter(), new Rng(2));
  fillAugmentedBatch(b, flat, length, channels, jitter(), new Rng(2));
  assert.deepEqual(a, b);
  assert.deepEqual(flat, copy, "the source windows were modified");
});

Deno.test("fillViewPairBatch() gives two different views of each window, seeded", () => {
  const aug = jitter({ sigma: 0.5 });
  const first = new Float32Array(4 * size);
  const second = new Float32Array(4 * size);
  fillViewPairBatch(first, second, windows, length, channels, aug, new Rng(3));
  const rng = new Rng(3);
  windows.forEach((w, i) => {
    assert.deepEqual(first.subarray(i * size, (i + 1) * size), aug(w, length, channels, rng));
    assert.deepEqual(second.subarray(i * size, (i + 1) * size), aug(w, length, channels, rng));
  });
  assert.notDeepEqual(first, second);
});

Deno.test("fillAugmentedBatch() and fillViewPairBatch() reject mismatched sizes", () => {
  const aug = jitter();
  assertThrowsWith(
    () => fillAugmentedBatch(new Float32Array(10), windows, length, channels, aug, new Rng(1)),
    "fillAugmentedBatch: out must be a Float32Array of n × length × channels = 192 values, got 10",
  );
  assertThrowsWith(
    () =>
      fillAugmentedBatch(
        new Float32Array(192),
        new Float32Array(50),
        length,
        channels,
        aug,
        new Rng(1),
      ),
    "windows has 50 values, not a multiple of length × channels = 48",
  );
  const bad = [windows[0], new Float32Array(5)];
  assertThrowsWith(
    () =>
      fillViewPairBatch(
        new Float32Array(96),
        new Float32Array(96),
        bad,
        length,
        channels,
        aug,
        new Rng(1),
      ),
    "fillViewPairBatch: window 1: window has 5 values",
  );
  const shrink: Augmentation = (w) => w.subarray(1);
  assertThrowsWith(
    () => fillAugmentedBatch(new Float32Array(192), windows, length, channels, shrink, new Rng(1)),
    "augmentation returned 47 values for window 0, expected 48",
  );
  assertThrowsWith(
    () => fillAugmentedBatch(new Float32Array(192), windows, length, channels, aug, {} as never),
    "rng must be an Rng",
  );
});

/**
 * Test windows for the augmentation tests.
 *
 * @module
 */
import { Rng } from "../../lib/random/rng.ts";
import { assert } from "../_assert.ts";
import type { Augmentation } from "../../lib/augment/window.ts";

/** A [length, channels] window of Gaussian noise with the given per-channel means and sds. */
export function gaussianWindow(
  seed: number,
  length: number,
  means: number[],
  sds: number[],
): Float32Array {
  const rng = new Rng(seed);
  const channels = means.length;
  const w = new Float32Array(length * channels);
  for (let t = 0; t < length; t++) {
    for (let c = 0; c < channels; c++) w[t * channels + c] = means[c] + sds[c] * rng.normal();
  }
  return w;
}

/** A [length, channels] window with x[t, c] = t + 1000·c (a ramp per channel, all distinct). */
export function rampWindow(length: number, channels: number): Float32Array {
  const w = new Float32Array(length * channels);
  for (let t = 0; t < length; t++) {
    for (let c = 0; c < channels; c++) w[t * channels + c] = t + 1000 * c;
  }
  return w;
}

/** Channel c of a window as a plain array. */
export function channel(w: Float32Array, channels: number, c: number): number[] {
  return Array.from({ length: w.length / channels }, (_, t) => w[t * channels + c]);
}

/**
 * Asserts the augmentation is deterministic (same seed → identical bits), depends on the seed,
 * and leaves its input untouched.
 */
export function assertSeededAndPure(aug: Augmentation, w: Float32Array, channels: number): void {
  const copy = w.slice();
  const length = w.length / channels;
  const a = aug(w, length, channels, new Rng(5));
  const b = aug(w, length, channels, new Rng(5));
  const c = aug(w, length, channels, new Rng(6));
  assert.deepEqual(a, b, "same seed gave different output");
  assert.notDeepEqual(a, c, "different seeds gave the same output");
  assert.deepEqual(w, copy, "the input window was modified");
  assert.notEqual(a.buffer, w.buffer, "the output shares the input's buffer");
}

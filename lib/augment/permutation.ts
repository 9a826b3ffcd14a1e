/**
 * Permutation: the window cut into segments that are put back in a random order.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import {
  AUGMENT_DEFAULTS,
  type PermutationOptions,
  requireNumberIn,
  resolveAugmentOptions,
} from "./options.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/**
 * Permutation (Um et al., ICMI 2017): splits the window at ⌊k·length/segments⌋,
 * k = 1…segments−1, into `segments` nearly equal pieces, shuffles them (Fisher–Yates on `rng`)
 * and concatenates them again; all channels move together, so every output row is an input
 * row and the multiset of samples is unchanged.
 */
export function permutation(options?: PermutationOptions): Augmentation {
  const fn = "permutation";
  const { segments } = resolveAugmentOptions(fn, AUGMENT_DEFAULTS.permutation, options);
  requireNumberIn(fn, "segments", segments, { min: 1, integer: true });
  return (window: Float32Array, length: number, channels: number, rng: Rng): Float32Array => {
    checkWindow(fn, window, length, channels, rng);
    if (segments > length) {
      throw new Error(
        `permutation: ${segments} segments do not fit in a window of ${length} samples`,
      );
    }
    const bounds = Array.from(
      { length: segments + 1 },
      (_, k) => Math.floor((k * length) / segments),
    );
    const order = rng.shuffle(Array.from({ length: segments }, (_, k) => k));
    const out = new Float32Array(window.length);
    let at = 0;
    for (const k of order) {
      const piece = window.subarray(bounds[k] * channels, bounds[k + 1] * channels);
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  };
}

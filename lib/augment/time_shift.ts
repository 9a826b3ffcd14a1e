/**
 * Time shift: the window moved by a random whole number of samples.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import {
  AUGMENT_DEFAULTS,
  requireNumberIn,
  requireOneOf,
  resolveAugmentOptions,
  type TimeShiftOptions,
} from "./options.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/**
 * Time shift: x'ₜ = x_{t−s} for all channels together, s a uniform integer in [−S, S] with
 * S = ⌊maxShift·length⌋. Samples shifted in from outside repeat the edge sample
 * (`fill: "edge"`) or come from the other end (`fill: "wrap"`, a circular shift).
 */
export function timeShift(options?: TimeShiftOptions): Augmentation {
  const fn = "timeShift";
  const { maxShift, fill } = resolveAugmentOptions(fn, AUGMENT_DEFAULTS.timeShift, options);
  requireNumberIn(fn, "maxShift", maxShift, { min: 0, max: 1, maxExclusive: true });
  requireOneOf(fn, "fill", fill, ["edge", "wrap"]);
  return (window: Float32Array, length: number, channels: number, rng: Rng): Float32Array => {
    checkWindow(fn, window, length, channels, rng);
    const limit = Math.floor(maxShift * length);
    const shift = rng.int(2 * limit + 1) - limit;
    const out = new Float32Array(window.length);
    for (let t = 0; t < length; t++) {
      const u = t - shift;
      const src = fill === "wrap"
        ? ((u % length) + length) % length
        : Math.min(Math.max(u, 0), length - 1);
      out.set(window.subarray(src * channels, (src + 1) * channels), t * channels);
    }
    return out;
  };
}

/**
 * Random crop: a random stretch of the window resized back to the full length.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import { interpolateWindow } from "./interpolate.ts";
import {
  AUGMENT_DEFAULTS,
  type RandomCropOptions,
  requireNumberIn,
  resolveAugmentOptions,
} from "./options.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/**
 * Random crop with resize (window slicing, Le Guennec, Malinowski & Tavenard, "Data
 * Augmentation for Time Series Classification using Convolutional Neural Networks", 2016):
 * a crop of ℓ samples, ℓ uniform in [⌈minFraction·length⌉, length], starting at a uniform
 * offset a, is stretched back to `length` by linear interpolation at a + t·(ℓ − 1)/(length − 1).
 * The first and last output samples are exactly the crop's ends.
 */
export function randomCrop(options?: RandomCropOptions): Augmentation {
  const fn = "randomCrop";
  const { minFraction } = resolveAugmentOptions(fn, AUGMENT_DEFAULTS.randomCrop, options);
  requireNumberIn(fn, "minFraction", minFraction, { min: 0, minExclusive: true, max: 1 });
  return (window: Float32Array, length: number, channels: number, rng: Rng): Float32Array => {
    checkWindow(fn, window, length, channels, rng);
    const shortest = Math.max(1, Math.ceil(minFraction * length));
    const crop = shortest + rng.int(length - shortest + 1);
    const start = rng.int(length - crop + 1);
    const positions = new Float64Array(length);
    for (let t = 0; t < length; t++) {
      positions[t] = length === 1 ? start : start + (t * (crop - 1)) / (length - 1);
    }
    positions[length - 1] = start + crop - 1;
    return interpolateWindow(window, length, channels, positions);
  };
}

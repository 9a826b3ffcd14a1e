/**
 * Scaling: a random gain per channel.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import {
  AUGMENT_DEFAULTS,
  requireNumberIn,
  resolveAugmentOptions,
  type ScalingOptions,
} from "./options.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/**
 * Scaling (Um et al., ICMI 2017): multiplies each channel by its own gain,
 * x'ₜ꜀ = g꜀·xₜ꜀ with g꜀ ~ N(1, σ²) drawn once per window, so channel c's sd becomes |g꜀|·sd꜀.
 */
export function scaling(options?: ScalingOptions): Augmentation {
  const fn = "scaling";
  const { sigma } = resolveAugmentOptions(fn, AUGMENT_DEFAULTS.scaling, options);
  requireNumberIn(fn, "sigma", sigma, { min: 0 });
  return (window: Float32Array, length: number, channels: number, rng: Rng): Float32Array => {
    checkWindow(fn, window, length, channels, rng);
    const gains = new Float64Array(channels);
    for (let c = 0; c < channels; c++) gains[c] = 1 + sigma * rng.normal();
    const out = new Float32Array(window.length);
    for (let t = 0; t < length; t++) {
      for (let c = 0; c < channels; c++) {
        out[t * channels + c] = gains[c] * window[t * channels + c];
      }
    }
    return out;
  };
}

/**
 * Jitter: additive Gaussian noise.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import { channelStandardDeviations } from "./channel_stats.ts";
import {
  AUGMENT_DEFAULTS,
  type JitterOptions,
  requireNumberIn,
  resolveAugmentOptions,
} from "./options.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/**
 * Jitter (Um et al., "Data Augmentation of Wearable Sensor Data for Parkinson's Disease
 * Monitoring using Convolutional Neural Networks", ICMI 2017): adds independent noise
 * x'ₜ꜀ = xₜ꜀ + σ·sd꜀·εₜ꜀, εₜ꜀ ~ N(0, 1), where sd꜀ is channel c's standard deviation over the
 * window, so the noise is a fixed fraction of each channel's own scale (EEG µV and GSR µS
 * alike). A constant channel (sd 0) is returned unchanged.
 */
export function jitter(options?: JitterOptions): Augmentation {
  const fn = "jitter";
  const { sigma } = resolveAugmentOptions(fn, AUGMENT_DEFAULTS.jitter, options);
  requireNumberIn(fn, "sigma", sigma, { min: 0 });
  return (window: Float32Array, length: number, channels: number, rng: Rng): Float32Array => {
    checkWindow(fn, window, length, channels, rng);
    const sds = channelStandardDeviations(window, length, channels);
    const out = new Float32Array(window.length);
    for (let t = 0; t < length; t++) {
      for (let c = 0; c < channels; c++) {
        const i = t * channels + c;
        out[i] = window[i] + sigma * sds[c] * rng.normal();
      }
    }
    return out;
  };
}

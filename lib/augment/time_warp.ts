/**
 * Time warp: a smooth random speed-up and slow-down of the window.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import { interpolateWindow } from "./interpolate.ts";
import {
  AUGMENT_DEFAULTS,
  requireNumberIn,
  resolveAugmentOptions,
  type TimeWarpOptions,
} from "./options.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/**
 * Time warping (Um et al., ICMI 2017), with a piecewise-linear speed curve instead of their
 * cubic spline: local speeds vₖ = exp(strength·zₖ), zₖ ~ N(0, 1), at `knots + 2` evenly
 * spaced knots (both ends included) are linearly interpolated to every sample, integrated
 * with the trapezoid rule to a monotone warped time τ(t), rescaled so that τ(0) = 0 and
 * τ(length − 1) = length − 1, and the window is read at τ(t) by linear interpolation (all
 * channels together). Strength 0 is the identity, bit for bit; the ends are always kept.
 */
export function timeWarp(options?: TimeWarpOptions): Augmentation {
  const fn = "timeWarp";
  const { strength, knots } = resolveAugmentOptions(fn, AUGMENT_DEFAULTS.timeWarp, options);
  requireNumberIn(fn, "strength", strength, { min: 0 });
  requireNumberIn(fn, "knots", knots, { min: 0, integer: true });
  return (window: Float32Array, length: number, channels: number, rng: Rng): Float32Array => {
    checkWindow(fn, window, length, channels, rng);
    const speedsAtKnots = new Float64Array(knots + 2);
    for (let k = 0; k < speedsAtKnots.length; k++) {
      speedsAtKnots[k] = Math.exp(strength * rng.normal());
    }
    if (length === 1) return window.slice();
    const speed = (t: number): number => {
      const x = (t / (length - 1)) * (knots + 1);
      const k = Math.min(Math.floor(x), knots);
      const f = x - k;
      return speedsAtKnots[k] + (speedsAtKnots[k + 1] - speedsAtKnots[k]) * f;
    };
    const positions = new Float64Array(length);
    let previous = speed(0);
    for (let t = 1; t < length; t++) {
      const current = speed(t);
      positions[t] = positions[t - 1] + (previous + current) / 2;
      previous = current;
    }
    const scale = (length - 1) / positions[length - 1];
    for (let t = 1; t < length - 1; t++) positions[t] *= scale;
    positions[length - 1] = length - 1;
    return interpolateWindow(window, length, channels, positions);
  };
}

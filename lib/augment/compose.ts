/**
 * Composition of augmentations into one pipeline.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import { AUGMENT_DEFAULTS, requireNumberIn } from "./options.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/** One pipeline step: an augmentation applied with a probability in [0, 1]. */
export interface AugmentationStep {
  augmentation: Augmentation;
  /** Chance that the step is applied to a window; default 1. */
  probability?: number;
}

/**
 * Chains augmentations: for each step in order, one uniform draw u decides whether it runs
 * (u < probability), then the step runs on the previous step's output with the same `rng`.
 * A bare function is a step with probability 1. The draw is made even for probability 0 or
 * 1, so the stream advances the same way whatever the probabilities.
 */
export function compose(steps: readonly (Augmentation | AugmentationStep)[]): Augmentation {
  const fn = "compose";
  if (!Array.isArray(steps)) throw new Error(`${fn}: steps must be an array`);
  const resolved = steps.map((step, i) => {
    const s = typeof step === "function" ? { augmentation: step } : step;
    if (s === null || typeof s !== "object" || typeof s.augmentation !== "function") {
      throw new Error(`${fn}: step ${i} must be an augmentation or { augmentation, probability }`);
    }
    const unknown = Object.keys(s).find((k) => k !== "augmentation" && k !== "probability");
    if (unknown) throw new Error(`${fn}: step ${i} has unknown field '${unknown}'`);
    const probability = s.probability ?? AUGMENT_DEFAULTS.composeProbability;
    requireNumberIn(fn, `steps[${i}].probability`, probability, { min: 0, max: 1 });
    return { augmentation: s.augmentation, probability };
  });
  return (window: Float32Array, length: number, channels: number, rng: Rng): Float32Array => {
    checkWindow(fn, window, length, channels, rng);
    let current: Float32Array = window.slice();
    resolved.forEach(({ augmentation, probability }, i) => {
      if (!(rng.uniform() < probability)) return;
      const next = augmentation(current, length, channels, rng);
      if (!(next instanceof Float32Array) || next.length !== window.length) {
        throw new Error(
          `${fn}: step ${i} returned ${next?.length} values, expected length × channels = ${window.length}`,
        );
      }
      current = next;
    });
    return current;
  };
}

/**
 * Options of the window augmentations, with every default in one place, and the checks that
 * turn bad option values into clear errors.
 *
 * @module
 */

/** Options of `jitter`. */
export interface JitterOptions {
  /** Noise standard deviation as a fraction of each channel's sd in the window, ≥ 0. */
  sigma?: number;
}

/** Options of `scaling`. */
export interface ScalingOptions {
  /** Standard deviation of the per-channel gain g ~ N(1, sigma²), ≥ 0. */
  sigma?: number;
}

/** Options of `timeShift`. */
export interface TimeShiftOptions {
  /** Largest shift as a fraction of the window length, in [0, 1). */
  maxShift?: number;
  /** How vacated samples are filled: repeat the edge sample, or wrap around (circular). */
  fill?: "edge" | "wrap";
}

/** Options of `randomCrop`. */
export interface RandomCropOptions {
  /** Shortest crop as a fraction of the window length, in (0, 1]; 1 disables cropping. */
  minFraction?: number;
}

/** Options of `timeWarp`. */
export interface TimeWarpOptions {
  /** sd of the log local speed at each knot, ≥ 0; 0 is the identity. */
  strength?: number;
  /** Number of interior knots of the speed curve (plus one at each end), integer ≥ 0. */
  knots?: number;
}

/** Options of `masking`. */
export interface MaskingOptions {
  /** Number of masked spans, integer ≥ 0. Spans never overlap or touch. */
  spans?: number;
  /** Longest span as a fraction of the window length, in (0, 1]. */
  maxFraction?: number;
  /** Value written into a span: 0, or the channel's mean over the window. */
  fill?: "zero" | "mean";
}

/** Options of `permutation`. */
export interface PermutationOptions {
  /** Number of (nearly) equal-length segments that are shuffled, integer ≥ 1. */
  segments?: number;
}

/** Default option values of every augmentation. */
export const AUGMENT_DEFAULTS = {
  jitter: { sigma: 0.05 },
  scaling: { sigma: 0.1 },
  timeShift: { maxShift: 0.1, fill: "edge" },
  randomCrop: { minFraction: 0.8 },
  timeWarp: { strength: 0.2, knots: 4 },
  masking: { spans: 1, maxFraction: 0.1, fill: "zero" },
  permutation: { segments: 4 },
  /** Probability of a `compose` step given without one. */
  composeProbability: 1,
} as const satisfies {
  jitter: Required<JitterOptions>;
  scaling: Required<ScalingOptions>;
  timeShift: Required<TimeShiftOptions>;
  randomCrop: Required<RandomCropOptions>;
  timeWarp: Required<TimeWarpOptions>;
  masking: Required<MaskingOptions>;
  permutation: Required<PermutationOptions>;
  composeProbability: number;
};

/**
 * Merges `given` over `defaults`, throwing on unknown keys and on values whose type differs
 * from the default's. Range checks are left to {@linkcode requireNumberIn}.
 */
export function resolveAugmentOptions<T extends object>(
  fn: string,
  defaults: Required<T>,
  given: T | undefined,
): Required<T> {
  if (given === undefined) return { ...defaults };
  if (given === null || typeof given !== "object") {
    throw new Error(`${fn}: options must be an object, got ${String(given)}`);
  }
  const known = Object.keys(defaults);
  for (const [key, value] of Object.entries(given)) {
    if (!known.includes(key)) {
      throw new Error(`${fn}: unknown option '${key}'; expected one of ${known.join(", ")}`);
    }
    const expected = typeof (defaults as Record<string, unknown>)[key];
    if (value !== undefined && typeof value !== expected) {
      throw new Error(`${fn}: option ${key} must be a ${expected}, got ${String(value)}`);
    }
  }
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) if (value !== undefined) merged[key] = value;
  return merged as Required<T>;
}

/** Range of a numeric option: inclusive bounds unless marked exclusive. */
export interface NumberRange {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

/** Throws unless `value` is a finite number in the range, naming the function and option. */
export function requireNumberIn(
  fn: string,
  field: string,
  value: number,
  range: NumberRange,
): void {
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = range;
  const ok = Number.isFinite(value) &&
    (minExclusive ? value > min : value >= min) &&
    (maxExclusive ? value < max : value <= max) &&
    (!range.integer || Number.isInteger(value));
  if (!ok) {
    const lo = min === -Infinity ? "" : `${minExclusive ? ">" : "≥"} ${min}`;
    const hi = max === Infinity ? "" : `${maxExclusive ? "<" : "≤"} ${max}`;
    const what = [range.integer ? "an integer" : "a finite number", lo, hi && lo ? `and ${hi}` : hi]
      .filter((s) => s !== "").join(" ");
    throw new Error(`${fn}: option ${field} must be ${what}, got ${String(value)}`);
  }
}

/** Throws unless `value` is one of `allowed`. */
export function requireOneOf(
  fn: string,
  field: string,
  value: string,
  allowed: readonly string[],
): void {
  if (!allowed.includes(value)) {
    throw new Error(
      `${fn}: option ${field} must be one of ${
        allowed.map((a) => `"${a}"`).join(", ")
      }, got "${value}"`,
    );
  }
}

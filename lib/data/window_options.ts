/**
 * Options of {@linkcode makeWindows}, their defaults in one place, and their validation.
 *
 * @module
 */

/** Which windows keep a label, for labelled recordings. */
export type LabelPolicy = "pure" | "majority";
/** How window values are normalised. */
export type WindowNormalization = "none" | "window" | "recording";
/** Which signal the windows are cut from. */
export type WindowSource = "sensed" | "clean";

/** Options of {@linkcode makeWindows}. */
export interface WindowOptions {
  /** Window length in samples (at the target rate). */
  length: number;
  /** Samples between the starts of consecutive windows; `null` means `length` (no overlap). */
  stride: number | null;
  /**
   * Target sampling rate in Hz; recordings at another rate are resampled (band-limited) to it.
   * `null` keeps the recordings' rate, which must then be the same for all.
   */
  sampleRate: number | null;
  /** Channels to keep, in this order; `null` keeps the first recording's channels. */
  channels: string[] | null;
  /**
   * `"pure"`: keep only windows lying entirely within one mode; `"majority"`: keep every
   * window, labelled by its most frequent mode (ties go to the lower mode index).
   * Windows of unlabelled recordings are always kept, with label -1.
   */
  labelPolicy: LabelPolicy;
  /**
   * `"none"`; `"window"`: z-score each channel of each window; `"recording"`: z-score each
   * channel over the whole (resampled) recording before cutting windows.
   */
  normalize: WindowNormalization;
  /** Cut windows from the sensed signals (default) or from the clean ground truth. */
  source: WindowSource;
}

/** The defaults of every window option. */
export const DEFAULT_WINDOW_OPTIONS: Readonly<WindowOptions> = Object.freeze({
  length: 256,
  stride: null,
  sampleRate: null,
  channels: null,
  labelPolicy: "pure",
  normalize: "none",
  source: "sensed",
});

const CHOICES = {
  labelPolicy: ["pure", "majority"],
  normalize: ["none", "window", "recording"],
  source: ["sensed", "clean"],
} as const;

function positiveInteger(name: string, v: unknown): void {
  if (!(typeof v === "number" && Number.isInteger(v) && v >= 1)) {
    throw new RangeError(`makeWindows: option ${name}: expected a positive whole number, got ${v}`);
  }
}

/**
 * Fills in defaults and validates window options; throws a one-line error naming the option
 * for an unknown name or a bad value. Returns a complete options object (stride resolved).
 */
export function resolveWindowOptions(
  options: Partial<WindowOptions> = {},
): WindowOptions & { stride: number } {
  const known = Object.keys(DEFAULT_WINDOW_OPTIONS);
  for (const k of Object.keys(options)) {
    if (!known.includes(k)) {
      throw new RangeError(
        `makeWindows: unknown option '${k}'; expected one of ${known.join(", ")}`,
      );
    }
  }
  const o: WindowOptions = { ...DEFAULT_WINDOW_OPTIONS, ...options };
  for (const k of known as (keyof WindowOptions)[]) {
    if (o[k] === undefined) {
      (o as unknown as Record<string, unknown>)[k] = DEFAULT_WINDOW_OPTIONS[k];
    }
  }
  positiveInteger("length", o.length);
  if (o.stride !== null) positiveInteger("stride", o.stride);
  if (
    o.sampleRate !== null &&
    !(typeof o.sampleRate === "number" && o.sampleRate > 0 && Number.isFinite(o.sampleRate))
  ) {
    throw new RangeError(
      `makeWindows: option sampleRate: expected a positive number of Hz or null, got ${o.sampleRate}`,
    );
  }
  if (o.channels !== null) {
    if (
      !Array.isArray(o.channels) || o.channels.length === 0 ||
      o.channels.some((c) => typeof c !== "string") ||
      new Set(o.channels).size !== o.channels.length
    ) {
      throw new RangeError(
        `makeWindows: option channels: expected null or a non-empty list of distinct channel names, got ${
          JSON.stringify(o.channels)
        }`,
      );
    }
  }
  for (const [k, allowed] of Object.entries(CHOICES)) {
    const v = o[k as keyof typeof CHOICES];
    if (!(allowed as readonly string[]).includes(v)) {
      throw new RangeError(
        `makeWindows: option ${k}: expected one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`,
      );
    }
  }
  return { ...o, stride: o.stride ?? o.length, channels: o.channels ? [...o.channels] : null };
}

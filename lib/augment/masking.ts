/**
 * Masking: random contiguous spans of time blanked out in all channels.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";
import { channelMeans } from "./channel_stats.ts";
import {
  AUGMENT_DEFAULTS,
  type MaskingOptions,
  requireNumberIn,
  requireOneOf,
  resolveAugmentOptions,
} from "./options.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/** One masked span of samples, [start, end). */
export interface MaskSpan {
  start: number;
  end: number;
}

/** What {@linkcode applyMasking} did: the masked window and the spans, in time order. */
export interface MaskingResult {
  window: Float32Array;
  spans: MaskSpan[];
}

function resolveMasking(options?: MaskingOptions): Required<MaskingOptions> {
  const fn = "masking";
  const resolved = resolveAugmentOptions(fn, AUGMENT_DEFAULTS.masking, options);
  requireNumberIn(fn, "spans", resolved.spans, { min: 0, integer: true });
  requireNumberIn(fn, "maxFraction", resolved.maxFraction, {
    min: 0,
    minExclusive: true,
    max: 1,
  });
  requireOneOf(fn, "fill", resolved.fill, ["zero", "mean"]);
  return resolved;
}

/**
 * Masks `spans` random contiguous spans of the window (time masking as in SpecAugment, Park
 * et al., Interspeech 2019, and TS2Vec, Yue et al., AAAI 2022), all channels together, and
 * reports them. Each span has a uniform length in [1, max(1, ⌊maxFraction·length⌋)]; the spans
 * are placed uniformly at random among the placements where no two overlap or touch, so the
 * window shows exactly `spans` separate blanked runs. Throws when they cannot fit.
 */
export function applyMasking(
  window: Float32Array,
  length: number,
  channels: number,
  rng: Rng,
  options?: MaskingOptions,
): MaskingResult {
  const fn = "masking";
  const { spans: count, maxFraction, fill } = resolveMasking(options);
  checkWindow(fn, window, length, channels, rng);
  const longest = Math.max(1, Math.floor(maxFraction * length));
  const lengths: number[] = [];
  for (let k = 0; k < count; k++) lengths.push(1 + rng.int(longest));
  const needed = lengths.reduce((s, l) => s + l, 0) + Math.max(count - 1, 0);
  if (needed > length) {
    throw new Error(
      `masking: ${count} spans of up to ${longest} samples do not fit apart in a window of ${length} samples; lower spans or maxFraction`,
    );
  }
  const slack = length - needed;
  const offsets = lengths.map(() => rng.int(slack + 1)).sort((a, b) => a - b);
  const spans: MaskSpan[] = [];
  let before = 0;
  for (let k = 0; k < count; k++) {
    const start = offsets[k] + before;
    spans.push({ start, end: start + lengths[k] });
    before += lengths[k] + 1;
  }
  const values = fill === "mean" ? channelMeans(window, length, channels) : null;
  const out = window.slice();
  for (const { start, end } of spans) {
    for (let t = start; t < end; t++) {
      for (let c = 0; c < channels; c++) out[t * channels + c] = values ? values[c] : 0;
    }
  }
  return { window: out, spans };
}

/** Masking as an {@linkcode Augmentation}: {@linkcode applyMasking} without the report. */
export function masking(options?: MaskingOptions): Augmentation {
  const resolved = resolveMasking(options);
  return (window, length, channels, rng) =>
    applyMasking(window, length, channels, rng, resolved).window;
}

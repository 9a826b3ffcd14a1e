/**
 * Seeded augmentations of sensor windows ([length, channels] Float32Arrays), their
 * composition, and batch builders for contrastive views.
 *
 * @module
 */
export { type Augmentation, checkWindow } from "./window.ts";
export {
  AUGMENT_DEFAULTS,
  type JitterOptions,
  type MaskingOptions,
  type PermutationOptions,
  type RandomCropOptions,
  type ScalingOptions,
  type TimeShiftOptions,
  type TimeWarpOptions,
} from "./options.ts";
export { channelMeans, channelStandardDeviations } from "./channel_stats.ts";
export { interpolateWindow } from "./interpolate.ts";
export { jitter } from "./jitter.ts";
export { scaling } from "./scaling.ts";
export { timeShift } from "./time_shift.ts";
export { randomCrop } from "./random_crop.ts";
export { timeWarp } from "./time_warp.ts";
export { applyMasking, masking, type MaskingResult, type MaskSpan } from "./masking.ts";
export { permutation } from "./permutation.ts";
export { type AugmentationStep, compose } from "./compose.ts";
export { type AugmentSource, fillAugmentedBatch, fillViewPairBatch } from "./batch.ts";

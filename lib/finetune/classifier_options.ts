/**
 * Options of the supervised window classifiers (full fine-tuning of a pretrained encoder and
 * the same encoder trained from scratch), with their defaults in one place.
 *
 * Budget (measured on the wasm backend, 2 threads, windows 256 × 3, the default encoder):
 * a training step costs about 2 ms per window (forward and backward), a prediction about
 * 0.5 ms per window, so the default 1 epoch capped at 40 steps of 64 windows takes ≈ 5 s on
 * ~2100 labelled windows and ≈ 2 s at the 15-step floor on 1 % of them. The learning rate
 * 3e-3 trained the scratch baseline best in 25–60 steps (measured against 1e-3 and 1e-2).
 *
 * @module
 */
import { MODES } from "../device/modes.ts";
import type { EncoderConfig } from "../learn/encoder.ts";
import type { AugmentationPresetName } from "../learn/augmentation_presets.ts";

/** Options shared by {@linkcode fineTune} and {@linkcode trainFromScratch}. */
export interface ClassifierTrainingOptions {
  /** Passes over the training windows; steps = ⌈epochs · n / batchSize⌉, then clamped. */
  epochs: number;
  /** At least this many steps (tiny label fractions still train). */
  minSteps: number;
  /** At most this many steps (the time budget). */
  maxSteps: number;
  /** Windows per step (at most the number of training windows). */
  batchSize: number;
  /** Peak Adam learning rate of the classification head. */
  headLr: number;
  /** Peak Adam learning rate of the encoder (smaller when fine-tuning a pretrained one). */
  encoderLr: number;
  /** Learning-rate schedule of both: "cosine" decay to 0 or "constant". */
  schedule: "cosine" | "constant";
  /**
   * "batches": every batch holds the modes in equal shares (and, within a mode, the
   * experiments; `labelBalancedBatches`), which balances the imbalanced modes; "none":
   * uniformly shuffled batches.
   */
  balance: "batches" | "none";
  /** Augmentation of the training windows (see `augmentationPreset`); "none" by default. */
  augmentation: AugmentationPresetName;
  /** Number of classes (the modes). */
  classes: number;
  /** Windows per forward pass when predicting. */
  predictBatchSize: number;
  /** Seed of the head's initial weights, the batches and the augmentations. */
  seed: number;
}

/** The shared defaults (see the module doc for the budget they fit). */
export const CLASSIFIER_TRAINING_DEFAULTS: Readonly<ClassifierTrainingOptions> = Object.freeze({
  epochs: 1,
  minSteps: 15,
  maxSteps: 40,
  batchSize: 64,
  headLr: 3e-3,
  encoderLr: 3e-3,
  schedule: "cosine",
  balance: "batches",
  augmentation: "none",
  classes: MODES.length,
  predictBatchSize: 256,
  seed: 0,
});

/** Options of {@linkcode fineTune}: the shared ones. */
export type FineTuneOptions = ClassifierTrainingOptions;

/** Defaults of {@linkcode fineTune}: the encoder learns at a tenth of the head's rate. */
export const FINE_TUNE_DEFAULTS: Readonly<FineTuneOptions> = Object.freeze({
  ...CLASSIFIER_TRAINING_DEFAULTS,
  encoderLr: CLASSIFIER_TRAINING_DEFAULTS.headLr / 10,
});

/** Options of {@linkcode trainFromScratch}: the shared ones and the encoder architecture. */
export interface ScratchOptions extends ClassifierTrainingOptions {
  /** Encoder architecture (length and channels come from the windows, seed from `seed`). */
  encoder: Partial<EncoderConfig>;
}

/** Defaults of {@linkcode trainFromScratch}: one learning rate, the default encoder. */
export const SCRATCH_DEFAULTS: Readonly<ScratchOptions> = Object.freeze({
  ...CLASSIFIER_TRAINING_DEFAULTS,
  encoder: {},
});

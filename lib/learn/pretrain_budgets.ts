/**
 * How much pretraining each setting can afford on 2 CPU cores (measured: NT-Xent, batch 64,
 * ~3,700 windows of 256×3, wasm with 2 threads ≈ 0.18 s per step, 57 steps per epoch).
 *
 * @module
 */
import type { PretrainConfig } from "./pretrain_config.ts";

/** Pretraining budgets: the live notebook (120 steps ≈ 22 s), `repro --quick`, and the full `repro`. */
export const PRETRAIN_BUDGETS: Readonly<
  Record<"notebook" | "quick" | "repro", Partial<PretrainConfig>>
> = {
  notebook: { loss: "ntxent", augmentation: "sensor+time", epochs: 3, stepsPerEpoch: 40 },
  quick: { loss: "ntxent", augmentation: "sensor+time", epochs: 2 },
  repro: { loss: "ntxent", augmentation: "sensor+time", epochs: 8 },
};

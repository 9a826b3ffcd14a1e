/**
 * How much pretraining the live notebook can afford on 2 CPU cores (measured: NT-Xent,
 * batch 64, ~3,700 windows of 256×3, wasm with 2 threads ≈ 0.18 s per step). `repro` and the
 * evaluation protocol take theirs from `PROTOCOL_DEFAULTS.pretrain` / `PROTOCOL_QUICK`.
 *
 * @module
 */
import type { PretrainConfig } from "./pretrain_config.ts";

/** Pretraining budgets by setting: the live notebook 04 (120 steps ≈ 22 s). */
export const PRETRAIN_BUDGETS: Readonly<Record<"notebook", Partial<PretrainConfig>>> = {
  notebook: { loss: "ntxent", augmentation: "sensor+time", epochs: 3, stepsPerEpoch: 40 },
};

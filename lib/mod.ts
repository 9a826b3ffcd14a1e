/**
 * contrastive-sensors: contrastive losses for sensor data, on a surrogate of drivers'
 * EEG, ECG and GSR recorded by different sensors.
 *
 * This is the public face of the library: notebooks and scripts import only from here
 * (as `@contrastive-sensors/lib`).
 *
 * @module
 */
export * from "./backend/mod.ts";
export * from "./random/rng.ts";
export * from "./device/mod.ts";
export * from "./data/mod.ts";
export * from "./dsp/iir.ts";
export * from "./dsp/noise.ts";
export * from "./stats/mod.ts";
export * from "./features/mod.ts";
export * from "./plot/mod.ts";
export * from "./progress/mod.ts";
export * from "./losses/mod.ts";
export * from "./augment/mod.ts";
export * from "./notebook/mod.ts";
export * from "./cli/flags.ts";
export * from "./provenance.ts";
export * from "./story/mod.ts";
export * from "./figures/mod.ts";
export * from "./report/mod.ts";
export * from "./repro/mod.ts";
export * from "./embedding/mod.ts";
export * from "./learn/mod.ts";
export * from "./eval/mod.ts";
export * from "./present/mod.ts";
export * from "./finetune/mod.ts";
export * from "./byo/mod.ts";

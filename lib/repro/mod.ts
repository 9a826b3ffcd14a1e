/**
 * `deno task repro`: the whole story headless.
 *
 * @module
 */
export * from "./config.ts";
export * from "./stages.ts";
export * from "./run.ts";
export { noiseMetrics } from "./noise_stage.ts";
export { evaluateStage, EVALUATION_WINDOWS, protocolMetrics } from "./evaluate_stage.ts";

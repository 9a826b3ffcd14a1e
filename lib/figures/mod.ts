/**
 * The project's figures, shared by the notebooks and `deno task repro`.
 *
 * @module
 */
export * from "./story_figures.ts";
export * from "./signal_figures.ts";
export * from "./noise_figures.ts";
export * from "./embedding_figures.ts";
export * from "./loss_toy.ts";
export * from "./results_figures.ts";

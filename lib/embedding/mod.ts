/**
 * Looking at embeddings: model-free window features and 2-D projections.
 *
 * @module
 */
export * from "./spectral_features.ts";
export * from "./projection.ts";

/**
 * The 1-D convolutional encoder that maps a sensor window to an embedding, and the MLP
 * projection head SimCLR puts on top of it for the contrastive loss.
 *
 * The default encoder is the benchmark workload W of issue 3:
 * Conv1D(32, k7, relu) → MaxPool(2) → Conv1D(64, k5, relu) → MaxPool(2) → Conv1D(64, k3, relu)
 * → GlobalAveragePooling1D → Dense(64), on windows of 256 samples × 1 channel. The builders
 * are pure: the same config (and seed) gives the same architecture and the same initial
 * weights (Glorot-uniform kernels seeded from the config seed, zero biases).
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { Rng } from "../random/rng.ts";

/** Activations the encoder and head support (all have fast kernels on the wasm backend). */
export type EncoderActivation = "relu" | "elu" | "tanh";

/** Architecture of {@linkcode buildEncoder}; defaults in {@linkcode DEFAULT_ENCODER_CONFIG}. */
export interface EncoderConfig {
  /** Window length in samples (the input is [length, channels]). */
  length: number;
  /** Channels per sample. */
  channels: number;
  /** Filters of each Conv1D layer. */
  filters: number[];
  /** Kernel size of each Conv1D layer (same count as `filters`). */
  kernelSizes: number[];
  /** Max-pool size after each Conv1D layer, 1 for none (same count as `filters`). */
  poolSizes: number[];
  /** Conv1D padding: "valid" (no padding, as W) or "same". */
  padding: "valid" | "same";
  /** Activation after each convolution. */
  activation: EncoderActivation;
  /** Size of the final Dense layer (the embedding). */
  embeddingDim: number;
  /** Seed of the initial weights. */
  seed: number;
  /** Model name, also the prefix of its layer names. */
  name: string;
}

/** The defaults of every {@linkcode EncoderConfig} field: workload W's architecture. */
export const DEFAULT_ENCODER_CONFIG: Readonly<EncoderConfig> = Object.freeze({
  length: 256,
  channels: 1,
  filters: [32, 64, 64],
  kernelSizes: [7, 5, 3],
  poolSizes: [2, 2, 1],
  padding: "valid",
  activation: "relu",
  embeddingDim: 64,
  seed: 0,
  name: "encoder",
});

/** Architecture of {@linkcode buildProjectionHead}; defaults in {@linkcode DEFAULT_PROJECTION_HEAD_CONFIG}. */
export interface ProjectionHeadConfig {
  /** Size of the input (the encoder's embedding). */
  inputDim: number;
  /** Size of each hidden Dense layer (empty for a single linear layer). */
  hiddenDims: number[];
  /** Size of the output (where the contrastive loss is computed). */
  outputDim: number;
  /** Activation after each hidden layer. */
  activation: EncoderActivation;
  /** Seed of the initial weights. */
  seed: number;
  /** Model name, also the prefix of its layer names. */
  name: string;
}

/** The defaults of every {@linkcode ProjectionHeadConfig} field: 64 → 64 (relu) → 32. */
export const DEFAULT_PROJECTION_HEAD_CONFIG: Readonly<ProjectionHeadConfig> = Object.freeze({
  inputDim: 64,
  hiddenDims: [64],
  outputDim: 32,
  activation: "relu",
  seed: 0,
  name: "projection_head",
});

const ACTIVATIONS: readonly EncoderActivation[] = ["relu", "elu", "tanh"];

function fillConfig<T extends object>(fn: string, defaults: Readonly<T>, given: Partial<T>): T {
  if (given === null || typeof given !== "object") {
    throw new Error(`${fn}: config must be an object, got ${String(given)}`);
  }
  for (const key of Object.keys(given)) {
    if (!(key in defaults)) {
      throw new Error(
        `${fn}: unknown config field '${key}' (expected one of ${
          Object.keys(defaults).join(", ")
        })`,
      );
    }
  }
  const out = structuredClone(defaults) as T;
  for (const [k, v] of Object.entries(given)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = structuredClone(v);
  }
  return out;
}

function requirePositiveInt(fn: string, field: string, v: unknown): void {
  if (!(typeof v === "number" && Number.isInteger(v) && v >= 1)) {
    throw new Error(`${fn}: ${field} must be a positive integer, got ${JSON.stringify(v)}`);
  }
}

function requireIntList(fn: string, field: string, v: unknown, length?: number): void {
  if (!Array.isArray(v)) {
    throw new Error(
      `${fn}: ${field} must be an array of positive integers, got ${JSON.stringify(v)}`,
    );
  }
  if (length !== undefined && v.length !== length) {
    throw new Error(
      `${fn}: ${field} must have ${length} entries (one per conv layer), got ${v.length}`,
    );
  }
  v.forEach((x, i) => requirePositiveInt(fn, `${field}[${i}]`, x));
}

function requireCommon(fn: string, c: { activation: unknown; seed: unknown; name: unknown }): void {
  if (!ACTIVATIONS.includes(c.activation as EncoderActivation)) {
    throw new Error(
      `${fn}: activation must be one of ${ACTIVATIONS.join(", ")}, got ${
        JSON.stringify(c.activation)
      }`,
    );
  }
  if (!(typeof c.seed === "number" && Number.isInteger(c.seed))) {
    throw new Error(`${fn}: seed must be an integer, got ${JSON.stringify(c.seed)}`);
  }
  if (!(typeof c.name === "string" && /^[A-Za-z][A-Za-z0-9_]*$/.test(c.name))) {
    throw new Error(
      `${fn}: name must be an identifier (letters, digits, _), got ${JSON.stringify(c.name)}`,
    );
  }
}

/** Validates an encoder config and fills in the defaults; throws naming the bad field. */
export function resolveEncoderConfig(config: Partial<EncoderConfig> = {}): EncoderConfig {
  const fn = "buildEncoder";
  const c = fillConfig(fn, DEFAULT_ENCODER_CONFIG, config);
  requirePositiveInt(fn, "length", c.length);
  requirePositiveInt(fn, "channels", c.channels);
  requireIntList(fn, "filters", c.filters);
  if (c.filters.length === 0) throw new Error(`${fn}: filters must list at least one conv layer`);
  requireIntList(fn, "kernelSizes", c.kernelSizes, c.filters.length);
  requireIntList(fn, "poolSizes", c.poolSizes, c.filters.length);
  if (c.padding !== "valid" && c.padding !== "same") {
    throw new Error(`${fn}: padding must be "valid" or "same", got ${JSON.stringify(c.padding)}`);
  }
  requirePositiveInt(fn, "embeddingDim", c.embeddingDim);
  requireCommon(fn, c);
  encoderSequenceLengths(c); // throws when the window is too short for the layers
  return c;
}

/** Validates a projection-head config and fills in the defaults; throws naming the bad field. */
export function resolveProjectionHeadConfig(
  config: Partial<ProjectionHeadConfig> = {},
): ProjectionHeadConfig {
  const fn = "buildProjectionHead";
  const c = fillConfig(fn, DEFAULT_PROJECTION_HEAD_CONFIG, config);
  requirePositiveInt(fn, "inputDim", c.inputDim);
  requireIntList(fn, "hiddenDims", c.hiddenDims);
  requirePositiveInt(fn, "outputDim", c.outputDim);
  requireCommon(fn, c);
  return c;
}

/**
 * The sequence length after each conv layer and its pooling, e.g. [125, 60, 58] for W
 * (256 → conv k7 → 250 → pool → 125 → conv k5 → 121 → pool → 60 → conv k3 → 58).
 * Throws when a layer would leave no samples.
 */
export function encoderSequenceLengths(config: EncoderConfig): number[] {
  const out: number[] = [];
  let len = config.length;
  for (let i = 0; i < config.filters.length; i++) {
    const conv = config.padding === "valid" ? len - config.kernelSizes[i] + 1 : len;
    const pooled = Math.floor(conv / config.poolSizes[i]);
    if (conv < 1 || pooled < 1) {
      throw new Error(
        `buildEncoder: a window of ${config.length} samples is too short: conv layer ${
          i + 1
        } (kernel ${config.kernelSizes[i]}, pool ${config.poolSizes[i]}) gets ${len} samples`,
      );
    }
    out.push(pooled);
    len = pooled;
  }
  return out;
}

/**
 * Multiply-adds ×2 of one forward pass of the encoder over `batch` windows (convolutions and
 * the Dense layer; pooling, biases and activations are not counted). A training step costs
 * about 3× this (forward, input gradient, weight gradient).
 */
export function encoderForwardFlops(config: Partial<EncoderConfig>, batch: number): number {
  const c = resolveEncoderConfig(config);
  let flops = 0, len = c.length, ch = c.channels;
  for (let i = 0; i < c.filters.length; i++) {
    const conv = c.padding === "valid" ? len - c.kernelSizes[i] + 1 : len;
    flops += 2 * batch * conv * c.kernelSizes[i] * ch * c.filters[i];
    len = Math.floor(conv / c.poolSizes[i]);
    ch = c.filters[i];
  }
  return flops + 2 * batch * ch * c.embeddingDim;
}

/** Seeds for the layers of a model, derived from the config seed and the layer's name. */
function layerSeed(seed: number, layer: string): number {
  // tfjs's seeded random ops take seeds as doubles; keep them below 2^31.
  return new Rng(seed).fork(layer).nextUint32() >>> 1;
}

function glorot(seed: number, layer: string): ReturnType<typeof tf.initializers.glorotUniform> {
  return tf.initializers.glorotUniform({ seed: layerSeed(seed, layer) });
}

/**
 * Builds the encoder: input [length, channels] → embedding [embeddingDim]. Defaults are
 * workload W ({@linkcode DEFAULT_ENCODER_CONFIG}). Same config → same initial weights.
 */
export function buildEncoder(config: Partial<EncoderConfig> = {}): tf.Sequential {
  const c = resolveEncoderConfig(config);
  const model = tf.sequential({ name: c.name });
  for (let i = 0; i < c.filters.length; i++) {
    const name = `${c.name}_conv${i + 1}`;
    model.add(tf.layers.conv1d({
      name,
      ...(i === 0 ? { inputShape: [c.length, c.channels] } : {}),
      filters: c.filters[i],
      kernelSize: c.kernelSizes[i],
      padding: c.padding,
      activation: c.activation,
      kernelInitializer: glorot(c.seed, name),
      biasInitializer: "zeros",
    }));
    if (c.poolSizes[i] > 1) {
      model.add(
        tf.layers.maxPooling1d({ name: `${c.name}_pool${i + 1}`, poolSize: c.poolSizes[i] }),
      );
    }
  }
  model.add(tf.layers.globalAveragePooling1d({ name: `${c.name}_gap` }));
  const dense = `${c.name}_embedding`;
  model.add(tf.layers.dense({
    name: dense,
    units: c.embeddingDim,
    kernelInitializer: glorot(c.seed, dense),
    biasInitializer: "zeros",
  }));
  return model;
}

/**
 * Builds the projection head g of SimCLR (Chen et al. 2020): Dense(hidden, activation) for
 * each hidden size, then a linear Dense(outputDim). Input [inputDim] → [outputDim].
 * Same config → same initial weights.
 */
export function buildProjectionHead(config: Partial<ProjectionHeadConfig> = {}): tf.Sequential {
  const c = resolveProjectionHeadConfig(config);
  const model = tf.sequential({ name: c.name });
  const sizes = [...c.hiddenDims, c.outputDim];
  sizes.forEach((units, i) => {
    const last = i === sizes.length - 1;
    const name = last ? `${c.name}_out` : `${c.name}_hidden${i + 1}`;
    model.add(tf.layers.dense({
      name,
      ...(i === 0 ? { inputShape: [c.inputDim] } : {}),
      units,
      activation: last ? "linear" : c.activation,
      kernelInitializer: glorot(c.seed, name),
      biasInitializer: "zeros",
    }));
  });
  return model;
}

/**
 * Embedding a window set with a trained encoder, batch by batch and leak-free.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import type { WindowSet } from "../data/window_set.ts";
import { checkWindowSet } from "./window_groups.ts";

/** The output size of a model with one [batch, d] output (the embedding dimension d). */
export function embeddingDim(model: tf.LayersModel): number {
  const shape = model.outputs[0].shape;
  const d = shape[shape.length - 1];
  if (shape.length !== 2 || typeof d !== "number") {
    throw new Error(
      `embeddingDim: the model's output must be [batch, d], got [${shape.join(", ")}]`,
    );
  }
  return d;
}

/**
 * The embeddings of all n windows, row-major [n, d] (d = {@linkcode embeddingDim}), computed
 * `batchSize` windows at a time in inference mode; every intermediate tensor is disposed.
 * Throws when the encoder's input shape is not [length, channels] of the windows.
 */
export function embed(encoder: tf.LayersModel, windows: WindowSet, batchSize = 256): Float32Array {
  const fn = "embed";
  checkWindowSet(fn, windows);
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new Error(`${fn}: batchSize must be an integer ≥ 1, got ${batchSize}`);
  }
  const L = windows.length, C = windows.channels.length;
  const input = encoder.inputs[0].shape;
  if (input.length !== 3 || input[1] !== L || input[2] !== C) {
    throw new Error(
      `${fn}: the encoder takes windows [${
        input.slice(1).join(", ")
      }], the window set has [${L}, ${C}]`,
    );
  }
  const d = embeddingDim(encoder);
  const out = new Float32Array(windows.n * d);
  const size = L * C;
  for (let start = 0; start < windows.n; start += batchSize) {
    const b = Math.min(batchSize, windows.n - start);
    const values = tf.tidy(() => {
      const x = tf.tensor3d(windows.x.subarray(start * size, (start + b) * size), [b, L, C]);
      return (encoder.predict(x) as tf.Tensor).dataSync() as Float32Array;
    });
    out.set(values, start * d);
  }
  return out;
}

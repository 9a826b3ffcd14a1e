/**
 * Differentiable distance and normalisation helpers for the losses. Square roots are taken
 * as √max(x, ε) so that identical embeddings (distance 0) give finite, zero gradients
 * instead of the NaN that d√x/dx = 1/(2√x) would give at x = 0.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";

/** ε under the square roots: distances below √ε = 1e-6 are reported as 1e-6. */
export const DISTANCE_EPSILON = 1e-12;

/** √max(x, ε) element-wise; gradient 0 where x < ε. */
export function safeSqrt(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sqrt(tf.maximum(x, DISTANCE_EPSILON)));
}

/** Squared Euclidean distance ‖aᵢ − bᵢ‖² between matching rows of two [n, d] tensors → [n]. */
export function squaredRowDistances(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.squaredDifference(a, b), 1));
}

/** Euclidean distance ‖aᵢ − bᵢ‖ between matching rows of two [n, d] tensors → [n] (safe at 0). */
export function euclideanRowDistances(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => safeSqrt(squaredRowDistances(a, b)) as tf.Tensor1D);
}

/**
 * Squared Euclidean distances between all rows of x [n, d] → [n, n], as
 * ‖xᵢ‖² + ‖xⱼ‖² − 2·xᵢ·xⱼ (one matMul, fast on every backend), clamped at 0 against round-off,
 * with the diagonal set to exactly 0. Round-off makes off-diagonal entries of nearly identical
 * rows accurate to ~1e-7·‖x‖² only (so their distances to ~3e-4·‖x‖).
 */
export function squaredPairwiseDistances(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const norms = tf.sum(tf.square(x), 1, true);
    const gram = tf.matMul(x, x, false, true);
    const squared = tf.relu(tf.sub(tf.add(norms, tf.transpose(norms)), tf.mul(gram, 2)));
    return tf.mul(squared, tf.sub(1, tf.eye(x.shape[0]))) as tf.Tensor2D;
  });
}

/** Euclidean distances between all rows of x [n, d] → [n, n] (safe at 0). */
export function euclideanPairwiseDistances(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => safeSqrt(squaredPairwiseDistances(x)) as tf.Tensor2D);
}

/** Scales every row of x [n, d] to unit L2 norm: xᵢ / √max(‖xᵢ‖², ε) (zero rows stay 0). */
export function l2NormalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.div(x, safeSqrt(tf.sum(tf.square(x), 1, true))) as tf.Tensor2D);
}

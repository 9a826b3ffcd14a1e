/**
 * The triplet loss on given (anchor, positive, negative) triplets.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { euclideanRowDistances } from "./distances.ts";
import { LOSS_DEFAULTS, type LossOptions, resolveLossOptions } from "./options.ts";
import { checkValues, requireMargin, requireMatrix, requireSameShape } from "./validate.ts";

/**
 * Triplet loss in the form of Schroff, Kalenichenko & Philbin, "FaceNet: A Unified Embedding
 * for Face Recognition and Clustering", CVPR 2015 (their eq. 3), with plain (not squared)
 * Euclidean distances:
 *
 *   L = (1/n) Σᵢ max(0, ‖aᵢ − pᵢ‖₂ − ‖aᵢ − nᵢ‖₂ + m)
 *
 * Distances are √max(d², 1e-12) so identical embeddings have finite gradients.
 *
 * @param anchor anchors, [n, d] float32
 * @param positive one positive per anchor, [n, d] float32
 * @param negative one negative per anchor, [n, d] float32
 * @param margin m ≥ 0
 * @param options see {@linkcode LossOptions}
 * @returns the mean loss, a scalar tensor
 */
export function tripletLoss(
  anchor: tf.Tensor2D,
  positive: tf.Tensor2D,
  negative: tf.Tensor2D,
  margin: number = LOSS_DEFAULTS.margin,
  options: LossOptions = {},
): tf.Scalar {
  const fn = "tripletLoss";
  requireMatrix(fn, "anchor", anchor);
  requireMatrix(fn, "positive", positive);
  requireMatrix(fn, "negative", negative);
  requireSameShape(fn, "anchor", anchor, "positive", positive);
  requireSameShape(fn, "anchor", anchor, "negative", negative);
  requireMargin(fn, margin);
  const opts = resolveLossOptions(fn, options);
  return tf.tidy(() => {
    if (opts.checkValues) checkValues(fn, { anchor, positive, negative });
    const dPos = euclideanRowDistances(anchor, positive);
    const dNeg = euclideanRowDistances(anchor, negative);
    return tf.mean(tf.relu(tf.add(tf.sub(dPos, dNeg), margin))) as tf.Scalar;
  });
}

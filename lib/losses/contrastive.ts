/**
 * The pairwise contrastive loss.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { euclideanRowDistances, squaredRowDistances } from "./distances.ts";
import { LOSS_DEFAULTS, type LossOptions, resolveLossOptions } from "./options.ts";
import {
  checkValues,
  type LabelsLike,
  labelVector,
  requireMargin,
  requireMatrix,
  requireSameShape,
} from "./validate.ts";

/**
 * Contrastive loss of Hadsell, Chopra & LeCun, "Dimensionality Reduction by Learning an
 * Invariant Mapping", CVPR 2006 (their eq. 4, with their Y = 1 − y):
 *
 *   L = (1/n) Σᵢ [ ½·yᵢ·dᵢ² + ½·(1 − yᵢ)·max(0, m − dᵢ)² ],   dᵢ = ‖x1ᵢ − x2ᵢ‖₂
 *
 * Similar pairs (y = 1) are pulled together, dissimilar pairs (y = 0) pushed at least m apart.
 * dᵢ in the hinge is √max(dᵢ², 1e-12) so identical pairs have finite gradients.
 *
 * @param x1 first embeddings of the pairs, [n, d] float32
 * @param x2 second embeddings of the pairs, [n, d] float32
 * @param same 1 for a similar pair, 0 for a dissimilar one, [n] (tensor or array)
 * @param margin m ≥ 0
 * @param options see {@linkcode LossOptions}
 * @returns the mean loss, a scalar tensor
 */
export function contrastiveLoss(
  x1: tf.Tensor2D,
  x2: tf.Tensor2D,
  same: LabelsLike,
  margin: number = LOSS_DEFAULTS.margin,
  options: LossOptions = {},
): tf.Scalar {
  const fn = "contrastiveLoss";
  requireMatrix(fn, "x1", x1);
  requireMatrix(fn, "x2", x2);
  requireSameShape(fn, "x1", x1, "x2", x2);
  requireMargin(fn, margin);
  const opts = resolveLossOptions(fn, options);
  return tf.tidy(() => {
    const y = labelVector(fn, "same", same, x1.shape[0]);
    if (opts.checkValues) checkValues(fn, { x1, x2 }, { same: y });
    const d2 = squaredRowDistances(x1, x2);
    const hinge = tf.relu(tf.sub(margin, euclideanRowDistances(x1, x2)));
    const pull = tf.mul(y, d2);
    const push = tf.mul(tf.sub(1, y), tf.square(hinge));
    return tf.mul(tf.mean(tf.add(pull, push)), 0.5) as tf.Scalar;
  });
}

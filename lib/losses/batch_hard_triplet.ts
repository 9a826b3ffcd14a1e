/**
 * The batch-hard triplet loss: triplets mined inside the batch.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { euclideanPairwiseDistances } from "./distances.ts";
import { labelMasks } from "./label_masks.ts";
import { LOSS_DEFAULTS, type LossOptions, resolveLossOptions } from "./options.ts";
import {
  checkValues,
  type LabelsLike,
  labelVector,
  requireMargin,
  requireMatrix,
} from "./validate.ts";

/** Added to non-negative distances so that they never win the hardest-negative minimum. */
const NOT_A_NEGATIVE = 1e30;

/**
 * Batch-hard triplet loss of Hermans, Beyer & Leibe, "In Defense of the Triplet Loss for
 * Person Re-Identification", arXiv:1703.07737, 2017 (their eq. 5, hinge form): for each
 * anchor a the hardest positive (farthest same-label row) and the hardest negative (closest
 * other-label row) of the batch,
 *
 *   L = (1/|V|) Σ_{a∈V} max(0, max_{p: yₚ=yₐ, p≠a} D(a,p) − min_{n: yₙ≠yₐ} D(a,n) + m)
 *
 * with D the Euclidean distance (√max(d², 1e-12), computed with one matMul). Anchors without
 * a positive are left out of V. When no anchor has a positive (all labels distinct) the loss
 * is 0, not NaN; when no anchor has a negative (all labels equal) every term is 0, so is L.
 *
 * @param embeddings the batch, [n, d] float32
 * @param labels class of each row, [n] (tensor or array; compared for equality)
 * @param margin m ≥ 0
 * @param options see {@linkcode LossOptions}
 * @returns the mean loss over valid anchors, a scalar tensor
 */
export function batchHardTripletLoss(
  embeddings: tf.Tensor2D,
  labels: LabelsLike,
  margin: number = LOSS_DEFAULTS.margin,
  options: LossOptions = {},
): tf.Scalar {
  const fn = "batchHardTripletLoss";
  requireMatrix(fn, "embeddings", embeddings);
  requireMargin(fn, margin);
  const opts = resolveLossOptions(fn, options);
  return tf.tidy(() => {
    const y = labelVector(fn, "labels", labels, embeddings.shape[0]);
    if (opts.checkValues) checkValues(fn, { embeddings, labels: y });
    const masks = labelMasks(y);
    const dist = euclideanPairwiseDistances(embeddings);
    // Distances are ≥ 0, so zeroing non-positives keeps the maximum a true positive.
    const hardestPositive = tf.max(tf.mul(dist, masks.positive), 1);
    const hardestNegative = tf.min(
      tf.add(dist, tf.mul(tf.sub(1, masks.negative), NOT_A_NEGATIVE)),
      1,
    );
    // An anchor without a negative exists only when all labels are equal; its hardest
    // "negative" is then ≥ 1e30 and its term clamps to 0, so only positives need checking.
    const valid = tf.minimum(tf.sum(masks.positive, 1), 1);
    const perAnchor = tf.relu(tf.add(tf.sub(hardestPositive, hardestNegative), margin));
    return tf.div(tf.sum(tf.mul(perAnchor, valid)), tf.maximum(tf.sum(valid), 1)) as tf.Scalar;
  });
}

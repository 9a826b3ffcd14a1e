/**
 * The supervised contrastive (SupCon) loss.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { l2NormalizeRows } from "./distances.ts";
import { labelMasks } from "./label_masks.ts";
import { LOSS_DEFAULTS, type LossOptions, resolveLossOptions } from "./options.ts";
import {
  checkValues,
  type LabelsLike,
  labelVector,
  requireMatrix,
  requireTemperature,
} from "./validate.ts";

/** Subtracted from self-similarities so that exp() of them is exactly 0. */
const EXCLUDE = 1e9;

/**
 * Supervised contrastive loss of Khosla et al., "Supervised Contrastive Learning", NeurIPS
 * 2020, the L_out variant (their eq. 2). Rows are L2-normalised, sᵢⱼ = zᵢ·zⱼ,
 * A(i) = {j ≠ i}, P(i) = {p ∈ A(i): yₚ = yᵢ}:
 *
 *   ℓᵢ = −(1/|P(i)|) Σ_{p∈P(i)} log( exp(sᵢₚ/τ) / Σ_{a∈A(i)} exp(sᵢₐ/τ) )
 *
 * and L is the mean of ℓᵢ over the anchors with |P(i)| ≥ 1 (0 when there is none). Put all
 * views of a batch in `z` with their sample's label; with labels [0..N−1, 0..N−1] on
 * [z1; z2] it equals `ntXentLoss(z1, z2)`.
 *
 * @param z the batch, [n, d] float32
 * @param labels class of each row, [n] (tensor or array; compared for equality)
 * @param temperature τ > 0
 * @param options see {@linkcode LossOptions}
 * @returns the mean loss over anchors with a positive, a scalar tensor
 */
export function supConLoss(
  z: tf.Tensor2D,
  labels: LabelsLike,
  temperature: number = LOSS_DEFAULTS.temperature,
  options: LossOptions = {},
): tf.Scalar {
  const fn = "supConLoss";
  requireMatrix(fn, "z", z);
  requireTemperature(fn, temperature);
  const opts = resolveLossOptions(fn, options);
  return tf.tidy(() => {
    const y = labelVector(fn, "labels", labels, z.shape[0]);
    if (opts.checkValues) checkValues(fn, { z, labels: y });
    const masks = labelMasks(y);
    const unit = l2NormalizeRows(z);
    const logits = tf.div(tf.matMul(unit, unit, false, true), temperature);
    const logDenominator = tf.logSumExp(tf.sub(logits, tf.mul(masks.self, EXCLUDE)), 1);
    const positives = tf.sum(masks.positive, 1);
    const meanPositiveLogit = tf.div(
      tf.sum(tf.mul(logits, masks.positive), 1),
      tf.maximum(positives, 1),
    );
    const valid = tf.minimum(positives, 1);
    const perAnchor = tf.mul(tf.sub(logDenominator, meanPositiveLogit), valid);
    return tf.div(tf.sum(perAnchor), tf.maximum(tf.sum(valid), 1)) as tf.Scalar;
  });
}

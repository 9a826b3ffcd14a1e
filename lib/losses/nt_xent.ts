/**
 * The NT-Xent loss of SimCLR.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { l2NormalizeRows } from "./distances.ts";
import { LOSS_DEFAULTS, type LossOptions, resolveLossOptions } from "./options.ts";
import { checkValues, requireMatrix, requireSameShape, requireTemperature } from "./validate.ts";

/** Subtracted from self-similarities so that exp() of them is exactly 0. */
const EXCLUDE = 1e9;

/**
 * NT-Xent (normalised temperature-scaled cross-entropy) of Chen, Kornblith, Norouzi & Hinton,
 * "A Simple Framework for Contrastive Learning of Visual Representations", ICML 2020
 * (their eq. 1). The 2N rows of [z1; z2] are L2-normalised, sᵢⱼ = zᵢ·zⱼ (cosine similarity),
 * and view i's partner is k(i) = i ± N:
 *
 *   ℓᵢ = −log( exp(s_{i,k(i)}/τ) / Σ_{j≠i} exp(sᵢⱼ/τ) ),   L = (1/2N) Σᵢ ℓᵢ
 *
 * @param z1 first views, [N, d] float32
 * @param z2 second views, row i the partner of z1's row i, [N, d] float32
 * @param temperature τ > 0
 * @param options see {@linkcode LossOptions}
 * @returns the mean loss over all 2N views, a scalar tensor
 */
export function ntXentLoss(
  z1: tf.Tensor2D,
  z2: tf.Tensor2D,
  temperature: number = LOSS_DEFAULTS.temperature,
  options: LossOptions = {},
): tf.Scalar {
  const fn = "ntXentLoss";
  requireMatrix(fn, "z1", z1);
  requireMatrix(fn, "z2", z2);
  requireSameShape(fn, "z1", z1, "z2", z2);
  requireTemperature(fn, temperature);
  const opts = resolveLossOptions(fn, options);
  return tf.tidy(() => {
    if (opts.checkValues) checkValues(fn, { z1, z2 });
    const u1 = l2NormalizeRows(z1);
    const u2 = l2NormalizeRows(z2);
    const z = tf.concat([u1, u2], 0);
    const logits = tf.div(tf.matMul(z, z, false, true), temperature);
    // s_{i,k(i)} is the same for view i of z1 and its partner in z2.
    const partner = tf.div(tf.sum(tf.mul(u1, u2), 1), temperature);
    const positive = tf.concat([partner, partner], 0);
    const others = tf.sub(logits, tf.mul(tf.eye(2 * z1.shape[0]), EXCLUDE));
    return tf.mean(tf.sub(tf.logSumExp(others, 1), positive)) as tf.Scalar;
  });
}

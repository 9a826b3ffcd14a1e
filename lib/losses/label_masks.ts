/**
 * Masks over the pairs of a labelled batch, built on the backend from the labels (no read-back)
 * as plain float32 0/1 tensors, so the batch losses need no gather or boolean ops.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";

/** The pair masks of a batch of n labelled rows, each [n, n] float32 0/1. */
export interface LabelMasks {
  /** 1 where j ≠ i and label j = label i. */
  positive: tf.Tensor2D;
  /** 1 where label j ≠ label i. */
  negative: tf.Tensor2D;
  /** The identity, 1 where j = i. */
  self: tf.Tensor2D;
}

/** Builds the positive/negative/self masks of a float32 label vector [n]. */
export function labelMasks(labels: tf.Tensor1D): LabelMasks {
  return tf.tidy(() => {
    const n = labels.shape[0];
    const column = tf.reshape(labels, [n, 1]);
    const row = tf.reshape(labels, [1, n]);
    const sameLabel = tf.cast(tf.equal(column, row), "float32");
    const self = tf.eye(n) as tf.Tensor2D;
    return {
      positive: tf.sub(sameLabel, self) as tf.Tensor2D,
      negative: tf.sub(1, sameLabel) as tf.Tensor2D,
      self,
    };
  });
}

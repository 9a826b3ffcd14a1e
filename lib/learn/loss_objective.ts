/**
 * How each loss of {@linkcode pretrain} is fed: which sampler picks the windows of a step,
 * how they are laid out as rows of one forward batch, and how the loss is computed from the
 * embeddings of those rows.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import type { WindowSet } from "../data/window_set.ts";
import type { Augmentation } from "../augment/window.ts";
import type { Rng } from "../random/rng.ts";
import { batchHardTripletLoss } from "../losses/batch_hard_triplet.ts";
import { contrastiveLoss } from "../losses/contrastive.ts";
import { l2NormalizeRows } from "../losses/distances.ts";
import { ntXentLoss } from "../losses/nt_xent.ts";
import { supConLoss } from "../losses/supcon.ts";
import { tripletLoss } from "../losses/triplet.ts";
import { experimentBalancedBatches } from "./balanced_batches.ts";
import { gatherWindows } from "./gather_windows.ts";
import type { ResolvedPretrainConfig } from "./pretrain_config.ts";
import { siamesePairs } from "./siamese_pairs.ts";
import { tripletBatches } from "./triplet_batches.ts";
import { viewPairBatches } from "./view_pair_batches.ts";

/**
 * The windows of one step: `blocks[g]` lists the windows of rows g·B … g·B + B − 1 of the
 * forward batch (each row an augmented view of its window); `labels` are the loss's labels
 * per row (SupCon, batch-hard), `same` the pair targets (contrastive).
 */
export interface StepBatch {
  blocks: Int32Array[];
  labels?: Float32Array;
  same?: Float32Array;
}

/** A loss together with its sampler and batch layout. */
export interface LossObjective {
  /** Windows per block (B). */
  blockSize: number;
  /** Blocks per step; rows of the forward batch = blocks × blockSize. */
  blocks: number;
  /** The batches of one epoch of `steps` steps, drawn from `rng`. */
  sample(steps: number, rng: Rng): StepBatch[];
  /** Writes the step's augmented views into `out` [rows, length, channels]. */
  fill(batch: StepBatch, out: Float32Array, rng: Rng): void;
  /** The loss from the rows' embeddings z [rows, d] (call inside a tidy/minimize). */
  loss(z: tf.Tensor2D, batch: StepBatch): tf.Scalar;
}

/** Row labels [0..B−1, 0..B−1, …] (`copies` times): each window its own class. */
function instanceLabels(b: number, copies: number): Float32Array {
  const out = new Float32Array(b * copies);
  for (let i = 0; i < out.length; i++) out[i] = i % b;
  return out;
}

/** Window labels of `indices`, repeated `copies` times. */
function windowLabels(ws: WindowSet, indices: Int32Array, copies: number): Float32Array {
  const out = new Float32Array(indices.length * copies);
  for (let i = 0; i < out.length; i++) out[i] = ws.labels[indices[i % indices.length]];
  return out;
}

/** `indices` rotated by one: entry k is indices[(k + 1) mod B]. */
function rotated(indices: Int32Array): Int32Array {
  const out = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = indices[(k + 1) % indices.length];
  return out;
}

/**
 * The objective of config `c` on `windows` with views made by `augmentation` (null: the
 * windows themselves). Losses and their batches (B = batchSize):
 *
 * | loss        | labelled: rows (sampler)                      | unlabelled: rows (views)          |
 * |-------------|-----------------------------------------------|-----------------------------------|
 * | ntxent      | —                                             | [v₁(w); v₂(w)], positives v₁↔v₂   |
 * | supcon      | [v₁(w); v₂(w)], mode labels (balanced)        | same rows, labels = window ids    |
 * | batchhard   | [v(w)], mode labels (balanced)                | [v₁(w); v₂(w)], labels = window ids |
 * | contrastive | [v(a); v(b)], siamese pairs, same = 1/0       | [v₁(w); v₂(w′)], w′ = w (k even) or the next window (k odd) |
 * | triplet     | [v(a); v(p); v(n)], cross-experiment triplets | [v₁(w); v₂(w); v(next window)]    |
 *
 * "balanced" is {@linkcode experimentBalancedBatches}; unlabelled batches are
 * {@linkcode viewPairBatches}. The distance losses see L2-normalised embeddings when
 * `normalizeEmbeddings`; NT-Xent and SupCon normalise themselves. Loss input checks that need
 * a read-back are off (the training loop checks the loss value instead).
 */
export function lossObjective(
  c: ResolvedPretrainConfig,
  windows: WindowSet,
  augmentation: Augmentation | null,
): LossObjective {
  const B = c.batchSize;
  const group = c.group;
  const opts = { checkValues: false };
  const norm = (z: tf.Tensor2D) => c.normalizeEmbeddings ? l2NormalizeRows(z) : z;
  const size = windows.length * windows.channels.length;
  const fill = (batch: StepBatch, out: Float32Array, rng: Rng) => {
    if (out.length !== batch.blocks.length * B * size) {
      throw new Error(
        `lossObjective: the batch buffer holds ${out.length} values, expected ${
          batch.blocks.length * B * size
        }`,
      );
    }
    batch.blocks.forEach((idx, g) => gatherWindows(out, windows, idx, augmentation, rng, g * B));
  };
  const views = (steps: number, rng: Rng) =>
    viewPairBatches(windows, { batchSize: B, batches: steps }, rng);
  const balanced = (steps: number, rng: Rng) =>
    experimentBalancedBatches(windows, { batchSize: B, batches: steps, group }, rng);
  const split = (z: tf.Tensor2D, k: number) => tf.split(z, k, 0) as tf.Tensor2D[];

  switch (c.loss) {
    case "ntxent":
      return {
        blockSize: B,
        blocks: 2,
        sample: (steps, rng) => views(steps, rng).map((w) => ({ blocks: [w, w] })),
        fill,
        loss: (z) => {
          const [z1, z2] = split(z, 2);
          return ntXentLoss(z1, z2, c.temperature, opts);
        },
      };
    case "supcon":
      return {
        blockSize: B,
        blocks: 2,
        sample: (steps, rng) =>
          c.labelled
            ? balanced(steps, rng).map((w) => ({
              blocks: [w, w],
              labels: windowLabels(windows, w, 2),
            }))
            : views(steps, rng).map((w) => ({ blocks: [w, w], labels: instanceLabels(B, 2) })),
        fill,
        loss: (z, batch) => supConLoss(z, batch.labels!, c.temperature, opts),
      };
    case "batchhard":
      return {
        blockSize: B,
        blocks: c.labelled ? 1 : 2,
        sample: (steps, rng) =>
          c.labelled
            ? balanced(steps, rng).map((w) => ({
              blocks: [w],
              labels: windowLabels(windows, w, 1),
            }))
            : views(steps, rng).map((w) => ({ blocks: [w, w], labels: instanceLabels(B, 2) })),
        fill,
        loss: (z, batch) => batchHardTripletLoss(norm(z), batch.labels!, c.margin, opts),
      };
    case "contrastive":
      return {
        blockSize: B,
        blocks: 2,
        sample: (steps, rng) => {
          if (c.labelled) {
            return Array.from({ length: steps }, () => {
              const p = siamesePairs(windows, { pairs: B, group }, rng);
              return { blocks: [p.first, p.second], same: p.same };
            });
          }
          return views(steps, rng).map((w) => {
            const next = rotated(w);
            const partner = w.map((i, k) => k % 2 === 0 ? i : next[k]);
            const same = new Float32Array(B).map((_, k) => k % 2 === 0 ? 1 : 0);
            return { blocks: [w, partner], same };
          });
        },
        fill,
        loss: (z, batch) => {
          const [x1, x2] = split(z, 2);
          return contrastiveLoss(norm(x1), norm(x2), batch.same!, c.margin, opts);
        },
      };
    case "triplet":
      return {
        blockSize: B,
        blocks: 3,
        sample: (steps, rng) => {
          if (c.labelled) {
            return Array.from({ length: steps }, () => {
              const t = tripletBatches(windows, { triplets: B, group }, rng);
              return { blocks: [t.anchor, t.positive, t.negative] };
            });
          }
          return views(steps, rng).map((w) => ({ blocks: [w, w, rotated(w)] }));
        },
        fill,
        loss: (z) => {
          const [a, p, n] = split(z, 3);
          return tripletLoss(norm(a), norm(p), norm(n), c.margin, opts);
        },
      };
  }
}

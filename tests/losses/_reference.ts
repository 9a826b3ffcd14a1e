/**
 * Plain float64 loop implementations of the losses, written straight from the papers'
 * equations, and helpers to compare tfjs losses and gradients against them.
 *
 * @module
 */
import { tf } from "../../lib/backend/tf.ts";
import type { Rng } from "../../lib/random/rng.ts";
import { assert, assertAllClose } from "../_assert.ts";

/** A matrix as rows of plain numbers. */
export type Rows = number[][];

function dist(a: number[], b: number[]): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] - b[k]) ** 2;
  return Math.sqrt(s);
}

function unit(a: number[]): number[] {
  const norm = Math.sqrt(a.reduce((s, v) => s + v * v, 0));
  return a.map((v) => v / norm);
}

function dot(a: number[], b: number[]): number {
  return a.reduce((s, v, k) => s + v * b[k], 0);
}

/** Hadsell et al. 2006 contrastive loss by loops. */
export function refContrastive(x1: Rows, x2: Rows, same: number[], m: number): number {
  let total = 0;
  for (let i = 0; i < x1.length; i++) {
    const d = dist(x1[i], x2[i]);
    total += 0.5 * same[i] * d * d + 0.5 * (1 - same[i]) * Math.max(0, m - d) ** 2;
  }
  return total / x1.length;
}

/** FaceNet triplet loss (plain distances) by loops. */
export function refTriplet(a: Rows, p: Rows, n: Rows, m: number): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.max(0, dist(a[i], p[i]) - dist(a[i], n[i]) + m);
  return total / a.length;
}

/** Hermans et al. 2017 batch-hard triplet loss by loops; anchors lacking a triplet skipped. */
export function refBatchHard(e: Rows, labels: number[], m: number): number {
  let total = 0;
  let count = 0;
  for (let a = 0; a < e.length; a++) {
    let hardPos = -Infinity;
    let hardNeg = Infinity;
    for (let j = 0; j < e.length; j++) {
      if (j === a) continue;
      const d = dist(e[a], e[j]);
      if (labels[j] === labels[a]) hardPos = Math.max(hardPos, d);
      else hardNeg = Math.min(hardNeg, d);
    }
    if (hardPos === -Infinity || hardNeg === Infinity) continue;
    total += Math.max(0, hardPos - hardNeg + m);
    count++;
  }
  return count === 0 ? 0 : total / count;
}

/** SimCLR NT-Xent by loops over the 2N views. */
export function refNtXent(z1: Rows, z2: Rows, tau: number): number {
  const n = z1.length;
  const z = [...z1, ...z2].map(unit);
  let total = 0;
  for (let i = 0; i < 2 * n; i++) {
    const k = (i + n) % (2 * n);
    let denominator = 0;
    for (let j = 0; j < 2 * n; j++) if (j !== i) denominator += Math.exp(dot(z[i], z[j]) / tau);
    total += -Math.log(Math.exp(dot(z[i], z[k]) / tau) / denominator);
  }
  return total / (2 * n);
}

/** Khosla et al. 2020 SupCon L_out by loops; mean over anchors with a positive. */
export function refSupCon(zRaw: Rows, labels: number[], tau: number): number {
  const z = zRaw.map(unit);
  let total = 0;
  let count = 0;
  for (let i = 0; i < z.length; i++) {
    let denominator = 0;
    for (let a = 0; a < z.length; a++) if (a !== i) denominator += Math.exp(dot(z[i], z[a]) / tau);
    let sum = 0;
    let positives = 0;
    for (let p = 0; p < z.length; p++) {
      if (p === i || labels[p] !== labels[i]) continue;
      sum += Math.log(Math.exp(dot(z[i], z[p]) / tau) / denominator);
      positives++;
    }
    if (positives === 0) continue;
    total += -sum / positives;
    count++;
  }
  return count === 0 ? 0 : total / count;
}

/** n×d standard-normal rows from a seeded stream. */
export function randomRows(rng: Rng, n: number, d: number, scale = 1): Rows {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => scale * rng.normal()));
}

/** Central finite differences in float64 of f with respect to each entry of each input. */
export function finiteDifferences(
  f: (inputs: Rows[]) => number,
  inputs: Rows[],
  eps = 1e-6,
): Rows[] {
  return inputs.map((x, which) =>
    x.map((row, i) =>
      row.map((_, k) => {
        const plus = inputs.map((m) => m.map((r) => r.slice()));
        const minus = inputs.map((m) => m.map((r) => r.slice()));
        plus[which][i][k] += eps;
        minus[which][i][k] -= eps;
        return (f(plus) - f(minus)) / (2 * eps);
      })
    )
  );
}

/** Value of a tfjs loss on plain rows (tensors created and disposed here). */
export function lossValue(loss: (...t: tf.Tensor2D[]) => tf.Scalar, inputs: Rows[]): number {
  const tensors = inputs.map((x) => tf.tensor2d(x));
  const out = loss(...tensors);
  const v = out.dataSync()[0];
  out.dispose();
  tensors.forEach((t) => t.dispose());
  return v;
}

/** tfjs gradients of a loss with respect to every input, as plain rows. */
export function lossGradients(loss: (...t: tf.Tensor2D[]) => tf.Scalar, inputs: Rows[]): Rows[] {
  const tensors = inputs.map((x) => tf.tensor2d(x));
  const grads = tf.grads((...t: tf.Tensor[]) => loss(...(t as tf.Tensor2D[])))(tensors);
  const rows = grads.map((g) => g.arraySync() as Rows);
  grads.forEach((g) => g.dispose());
  tensors.forEach((t) => t.dispose());
  return rows;
}

/** Asserts the tfjs gradients of `loss` match float64 finite differences of `reference`. */
export function assertGradientsMatch(
  loss: (...t: tf.Tensor2D[]) => tf.Scalar,
  reference: (inputs: Rows[]) => number,
  inputs: Rows[],
  tol = { atol: 1e-4, rtol: 1e-3 },
): void {
  const actual = lossGradients(loss, inputs);
  const expected = finiteDifferences(reference, inputs);
  let nonZero = 0;
  actual.forEach((g, which) => {
    assertAllClose(g.flat(), expected[which].flat(), tol, `gradient of input ${which}`);
    nonZero += g.flat().filter((v) => Math.abs(v) > 1e-3).length;
  });
  assert.ok(nonZero > 0, "gradients are all ~0, so the comparison proves nothing");
}

/** Runs fn and asserts it leaves exactly `extra` more live tensors than before. */
export function assertNoLeak(fn: () => void, extra = 0): void {
  const before = tf.memory().numTensors;
  fn();
  assert.equal(tf.memory().numTensors, before + extra, "tensor count changed (leak)");
}

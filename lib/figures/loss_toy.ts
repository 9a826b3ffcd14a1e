/**
 * A tiny 2-D toy that shows what each contrastive loss pulls together and pushes apart:
 * four points — two modes (A, B) seen by two sensors (s1, s2) — placed so that they cluster
 * by sensor, as raw sensor windows do. Each loss's negative gradient at the points is drawn
 * as an arrow: the direction one gradient step would move each point.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { tf } from "../backend/tf.ts";
import { contrastiveLoss } from "../losses/contrastive.ts";
import { tripletLoss } from "../losses/triplet.ts";
import { batchHardTripletLoss } from "../losses/batch_hard_triplet.ts";
import { ntXentLoss } from "../losses/nt_xent.ts";
import { supConLoss } from "../losses/supcon.ts";
import { combinePlots } from "../plot/combine.ts";
import { PLOT_PALETTE, VEGA_LITE_SCHEMA } from "../plot/defaults.ts";

/** The toy's points: [x, y], mode and sensor. Rows 0, 1 are sensor s1; rows 2, 3 sensor s2. */
export const TOY_POINTS: readonly { x: number; y: number; mode: "A" | "B"; sensor: "s1" | "s2" }[] =
  [
    { x: -1, y: 0.35, mode: "A", sensor: "s1" },
    { x: -1, y: -0.35, mode: "B", sensor: "s1" },
    { x: 1, y: 0.45, mode: "A", sensor: "s2" },
    { x: 1, y: -0.25, mode: "B", sensor: "s2" },
  ];

/** Rows `idx` of `p` as a matMul with a 0/1 selection matrix (its gradient runs on wasm, unlike gather's). */
function rowsOf(p: tf.Tensor2D, idx: number[]): tf.Tensor2D {
  const sel = tf.buffer([idx.length, p.shape[0]], "float32");
  idx.forEach((j, i) => sel.set(1, i, j));
  return tf.matMul(sel.toTensor() as tf.Tensor2D, p);
}

/** The losses of the toy, with how each is fed the four points and its equation. */
export const TOY_LOSSES: readonly {
  name: string;
  equation: string;
  loss: (p: tf.Tensor2D) => tf.Scalar;
}[] = [
  {
    name: "Contrastive (Hadsell 2006)",
    equation: "½y·d² + ½(1−y)·max(0, m−d)²",
    // Pairs: same mode across sensors (y=1), different modes on one sensor (y=0).
    loss: (p) =>
      contrastiveLoss(
        rowsOf(p, [0, 1, 0, 2]),
        rowsOf(p, [2, 3, 1, 3]),
        [1, 1, 0, 0],
        1.5,
      ),
  },
  {
    name: "Triplet (FaceNet 2015)",
    equation: "max(0, ‖a−p‖ − ‖a−n‖ + m)",
    loss: (p) =>
      tripletLoss(
        rowsOf(p, [0, 3]),
        rowsOf(p, [2, 1]),
        rowsOf(p, [1, 2]),
        1,
      ),
  },
  {
    name: "Batch-hard triplet (2017)",
    equation: "per anchor: max(0, max‖a−p‖ − min‖a−n‖ + m)",
    loss: (p) => batchHardTripletLoss(p, [0, 1, 0, 1], 1),
  },
  {
    name: "NT-Xent (SimCLR 2020)",
    equation: "−log exp(sᵢⱼ/τ) / Σₖ≠ᵢ exp(sᵢₖ/τ)",
    // Two views of each window: through sensor s1 and through sensor s2; no labels.
    loss: (p) => ntXentLoss(rowsOf(p, [0, 1]), rowsOf(p, [2, 3]), 0.5),
  },
  {
    name: "SupCon (Khosla 2020)",
    equation: "−1/|P| Σₚ log exp(sᵢₚ/τ) / Σₖ≠ᵢ exp(sᵢₖ/τ)",
    loss: (p) => supConLoss(p, [0, 1, 0, 1], 0.5),
  },
];

/** Negative gradient of a toy loss at the toy points, and the loss value. */
export function toyGradient(loss: (p: tf.Tensor2D) => tf.Scalar): {
  value: number;
  step: number[][];
} {
  return tf.tidy(() => {
    const p = tf.tensor2d(TOY_POINTS.map((q) => [q.x, q.y]));
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => loss(x as tf.Tensor2D))(p);
    return { value: value.dataSync()[0], step: tf.neg(grad).arraySync() as number[][] };
  });
}

/** One panel per loss: the points (colour = mode, shape = sensor) and their gradient arrows. */
export function lossToyFigure(): TopLevelSpec {
  const panels = TOY_LOSSES.map(({ name, equation, loss }) => {
    const { value, step } = toyGradient(loss);
    const longest = Math.max(1e-9, ...step.map(([dx, dy]) => Math.hypot(dx, dy)));
    const scale = 0.6 / longest;
    const values = TOY_POINTS.map((q, i) => ({
      ...q,
      x2: q.x + scale * step[i][0],
      y2: q.y + scale * step[i][1],
    }));
    return {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: name, subtitle: `${equation}   (loss ${value.toFixed(3)})` },
      width: 220,
      height: 170,
      data: { values },
      encoding: {
        x: { field: "x", type: "quantitative", scale: { domain: [-1.8, 1.8] }, axis: null },
        y: { field: "y", type: "quantitative", scale: { domain: [-1, 1] }, axis: null },
      },
      layer: [
        {
          mark: { type: "rule", strokeWidth: 2, color: "#444" },
          encoding: { x2: { field: "x2" }, y2: { field: "y2" } },
        },
        {
          mark: { type: "point", filled: true, size: 60, color: "#444" },
          encoding: {
            x: { field: "x2", type: "quantitative" },
            y: { field: "y2", type: "quantitative" },
          },
        },
        {
          mark: { type: "point", filled: true, size: 220 },
          encoding: {
            color: {
              field: "mode",
              type: "nominal",
              scale: { domain: ["A", "B"], range: [PLOT_PALETTE[0], PLOT_PALETTE[1]] },
            },
            shape: {
              field: "sensor",
              type: "nominal",
              scale: { domain: ["s1", "s2"], range: ["circle", "square"] },
            },
          },
        },
      ],
    } as TopLevelSpec;
  });
  return combinePlots(panels, {
    title: "What each loss does: arrows = one gradient step (colour = mode, shape = sensor)",
    columns: 3,
  });
}

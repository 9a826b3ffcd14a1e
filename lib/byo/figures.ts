/**
 * Figures of a pipeline run's report: the pretraining loss, the embedding of every window
 * coloured by experiment and by label (with your label names), and the macro-F1 on each
 * held-out experiment.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { WindowSet } from "../data/window_set.ts";
import type { ProtocolAggregate } from "../finetune/protocol_results.ts";
import type { PretrainEpoch } from "../learn/pretrain.ts";
import { barPlot } from "../plot/bar_plot.ts";
import { combinePlots } from "../plot/combine.ts";
import { linePlot } from "../plot/line_plot.ts";
import { scatterPlot } from "../plot/scatter_plot.ts";

/** Mean loss per epoch of pretraining. */
export function pretrainLossFigure(history: readonly PretrainEpoch[], loss: string): TopLevelSpec {
  if (history.length === 0) throw new Error("pretrainLossFigure: expected at least one epoch");
  return linePlot(
    [{ name: loss, x: history.map((h) => h.epoch), y: history.map((h) => h.loss) }],
    {
      title: `Contrastive pretraining loss (${loss})`,
      xLabel: "epoch",
      yLabel: "mean loss",
      points: true,
      height: 220,
    },
  );
}

/**
 * Two panels of the same 2-D points (`[n, 2]`, one per window of `ws`): coloured by
 * experiment (with its sensor) and by label (`labels[label]`, or "unlabelled").
 */
export function labelledEmbeddingFigure(
  points: Float32Array,
  ws: WindowSet,
  labels: readonly string[],
  title: string,
  axis = "UMAP",
): TopLevelSpec {
  if (points.length !== 2 * ws.n) {
    throw new Error(
      `labelledEmbeddingFigure: expected ${
        2 * ws.n
      } coordinates for ${ws.n} windows, got ${points.length}`,
    );
  }
  const x = Array.from({ length: ws.n }, (_, i) => points[2 * i]);
  const y = Array.from({ length: ws.n }, (_, i) => points[2 * i + 1]);
  const origin = ws.meta.map((m) => `${m.experiment} (${m.sensor})`);
  const label = Array.from(ws.labels, (l) => (l >= 0 ? labels[l] : "unlabelled"));
  const common = {
    width: 330,
    height: 300,
    xLabel: `${axis} 1`,
    yLabel: `${axis} 2`,
    pointSize: 14,
  };
  return combinePlots(
    [
      scatterPlot({ x, y, color: origin }, {
        ...common,
        title: "coloured by experiment (sensor)",
        colorTitle: "experiment",
        colorOrder: [...new Set(origin)].sort(),
      }),
      scatterPlot({ x, y, color: label }, {
        ...common,
        title: "coloured by label",
        colorTitle: "label",
        colorOrder: [...labels, "unlabelled"],
      }),
    ],
    { title, columns: 2, independentColors: true },
  );
}

/** Macro-F1 (mean ± sd over seeds) on each held-out experiment per method, at one fraction. */
export function heldOutF1Figure(
  aggregate: readonly ProtocolAggregate[],
  fraction: number,
): TopLevelSpec {
  const rows = aggregate.filter((a) => a.fraction === fraction);
  if (rows.length === 0) {
    throw new Error(`heldOutF1Figure: no results at label fraction ${fraction}`);
  }
  return barPlot(
    rows.map((a) => ({
      category: `${a.heldOut} (${a.sensor})`,
      group: a.method,
      value: a.macroF1.mean,
      error: Number.isNaN(a.macroF1.sd) ? undefined : a.macroF1.sd,
    })),
    {
      title: `Macro-F1 on the held-out experiment (${+(fraction * 100).toFixed(
        2,
      )} % of the labels)`,
      xLabel: "held-out experiment",
      yLabel: "macro-F1",
      groupTitle: "method",
      groupOrder: [...new Set(rows.map((a) => a.method))],
    },
  );
}

/**
 * Figures of a pipeline run's report: the pretraining loss, the embedding of every window
 * coloured by experiment and by label (with your label names), and the macro-F1 on each
 * held-out experiment.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { embeddingFigure } from "../figures/embedding_figures.ts";
import type { WindowSet } from "../data/window_set.ts";
import type { ProtocolAggregate } from "../finetune/protocol_results.ts";
import type { PretrainEpoch } from "../learn/pretrain.ts";
import { barPlot } from "../plot/bar_plot.ts";
import { linePlot } from "../plot/line_plot.ts";

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
 * The contrastive embedding of the user's windows in 2-D, coloured by experiment (sensor)
 * and by the user's labels.
 */
export function labelledEmbeddingFigure(
  points: Float32Array,
  ws: WindowSet,
  labels: readonly string[],
  title: string,
  axis = "UMAP",
): TopLevelSpec {
  return embeddingFigure(points, ws, title, {
    axis,
    labels,
    labelTitle: "label",
    origin: (m) => `${m.experiment} (${m.sensor})`,
    originTitle: "experiment",
  });
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

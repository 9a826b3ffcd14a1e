/**
 * Tables and figures of the evaluation (notebook 05 and `deno task repro`): macro-F1 per
 * method, label fraction and held-out sensor; the supervised drop; sensor identifiability;
 * confusion matrices; pretraining loss.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type {
  DropRow,
  ProtocolAggregate,
  ProtocolRow,
  RepresentationAggregate,
} from "../finetune/protocol_results.ts";
import { formatMeanSd } from "../eval/mean_sd.ts";
import { MODES } from "../device/modes.ts";
import { barPlot } from "../plot/bar_plot.ts";
import { heatmapPlot } from "../plot/heatmap_plot.ts";
import { linePlot } from "../plot/line_plot.ts";
import { combinePlots } from "../plot/combine.ts";

/** Readable names of the protocol's methods. */
export const METHOD_NAMES: Readonly<Record<string, string>> = {
  "features-lr": "hand-crafted features + LR",
  "scratch": "supervised from scratch",
  "linear-probe": "contrastive + linear probe",
  "fine-tune": "contrastive + fine-tune",
};

const pct = (f: number) => `${+(f * 100).toFixed(1)} %`;

/**
 * The results table: one row per method × label fraction, one column per held-out
 * experiment (its sensor), cells "macro-F1 mean ± sd over seeds".
 */
export function resultsTableRows(
  aggregate: readonly ProtocolAggregate[],
): Record<string, string>[] {
  const held = [...new Map(aggregate.map((a) => [a.heldOut, a.sensor])).entries()];
  const keys = [...new Set(aggregate.map((a) => `${a.fraction}|${a.method}`))];
  const order = Object.keys(METHOD_NAMES);
  keys.sort((a, b) => {
    const [fa, ma] = a.split("|"), [fb, mb] = b.split("|");
    return Number(fa) - Number(fb) || order.indexOf(ma) - order.indexOf(mb);
  });
  return keys.map((k) => {
    const [f, m] = k.split("|");
    const row: Record<string, string> = { labels: pct(Number(f)), method: METHOD_NAMES[m] ?? m };
    for (const [h, sensor] of held) {
      const a = aggregate.find((x) =>
        x.method === m && x.fraction === Number(f) && x.heldOut === h
      );
      row[`held out ${h} (${sensor})`] = a ? formatMeanSd(a.macroF1) : "–";
    }
    return row;
  });
}

/** The drop of each method on each held-out experiment (100 % labels by default). */
export function dropTableRows(drop: readonly DropRow[], fraction = 1): Record<string, string>[] {
  return drop.filter((d) => d.fraction === fraction).map((d) => ({
    method: METHOD_NAMES[d.method] ?? d.method,
    "held out": `${d.heldOut} (${d.sensor})`,
    "macro-F1 on held-out sensor": formatMeanSd(d.heldOutMacroF1),
    "macro-F1 on other sensors (in-distribution)": formatMeanSd(d.inDistOtherMacroF1),
    "drop": formatMeanSd(d.dropVsOther),
    "drop vs. trained on this sensor": d.dropVsInExperiment
      ? formatMeanSd(d.dropVsInExperiment)
      : "–",
  }));
}

/** Sensor identifiability and silhouettes per representation. */
export function representationTableRows(
  reps: readonly RepresentationAggregate[],
): Record<string, string>[] {
  const names: Record<string, string> = {
    features: "hand-crafted features",
    supervised: "supervised embedding",
    contrastive: "contrastive embedding",
  };
  return reps.map((r) => ({
    representation: names[r.representation] ?? r.representation,
    "sensor predicted (balanced acc.)": formatMeanSd(r.identifiabilityBalancedAccuracy),
    "chance": r.chance.toFixed(3),
    "silhouette by mode": formatMeanSd(r.silhouetteMode),
    "silhouette by sensor": formatMeanSd(r.silhouetteSensor),
  }));
}

/** Macro-F1 (mean ± sd over seeds) per label fraction and method, one panel per held-out sensor. */
export function macroF1Figure(aggregate: readonly ProtocolAggregate[]): TopLevelSpec {
  const held = [...new Map(aggregate.map((a) => [a.heldOut, a.sensor])).entries()];
  const methods = Object.keys(METHOD_NAMES).filter((m) => aggregate.some((a) => a.method === m));
  return combinePlots(
    held.map(([h, sensor]) =>
      barPlot(
        aggregate.filter((a) => a.heldOut === h).map((a) => ({
          category: pct(a.fraction),
          group: METHOD_NAMES[a.method] ?? a.method,
          value: a.macroF1.mean,
          error: Number.isNaN(a.macroF1.sd) ? undefined : a.macroF1.sd,
        })),
        {
          title: `held out: ${h} (${sensor})`,
          xLabel: "labels used",
          yLabel: "macro-F1 on the held-out sensor",
          groupTitle: "method",
          groupOrder: methods.map((m) => METHOD_NAMES[m]),
          width: 260,
          height: 200,
        },
      )
    ),
    { title: "Leave one experiment (sensor) out: macro-F1, mean ± sd over seeds", columns: 2 },
  );
}

/** Confusion matrices (summed over seeds) of several methods on one held-out experiment. */
export function confusionFigure(
  rows: readonly ProtocolRow[],
  heldOut: string,
  fraction: number,
  methods: readonly string[] = ["scratch", "fine-tune"],
): TopLevelSpec {
  const panels = methods.map((m) => {
    const sel = rows.filter((r) =>
      r.method === m && r.heldOut === heldOut && r.fraction === fraction
    );
    if (sel.length === 0) {
      throw new Error(`confusionFigure: no rows for ${m}, ${heldOut}, ${fraction}`);
    }
    const k = sel[0].confusion.length;
    const sum = Array.from(
      { length: k },
      (_, i) => Array.from({ length: k }, (_, j) => sel.reduce((s, r) => s + r.confusion[i][j], 0)),
    );
    return heatmapPlot(sum, {
      title: METHOD_NAMES[m] ?? m,
      rowLabels: [...MODES].slice(0, k),
      colLabels: [...MODES].slice(0, k),
      yLabel: "true mode",
      xLabel: "predicted mode",
      colorTitle: "windows",
      width: 200,
      height: 200,
    });
  });
  return combinePlots(panels, {
    title: `Confusion on held-out ${heldOut} (${
      rows.find((r) => r.heldOut === heldOut)?.sensor
    }), ${pct(fraction)} labels, summed over seeds`,
    columns: panels.length,
    independentColors: true,
  });
}

/** Pretraining loss per epoch, one line per seed. */
export function pretrainLossBySeedFigure(
  seeds: readonly { seed: number; pretrainLoss: number[] }[],
): TopLevelSpec {
  return linePlot(
    seeds.filter((s) => s.pretrainLoss.length > 0).map((s) => ({
      name: `seed ${s.seed}`,
      x: s.pretrainLoss.map((_, i) => i + 1),
      y: s.pretrainLoss,
    })),
    { title: "Contrastive pretraining (NT-Xent) loss", xLabel: "epoch", yLabel: "NT-Xent loss" },
  );
}

/**
 * Figures of notebook 01: the fractioned data sets and the history of the terms.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { barPlot } from "../plot/bar_plot.ts";
import { PLOT_PALETTE, VEGA_LITE_SCHEMA } from "../plot/defaults.ts";
import type { DeviceConfig } from "../device/experiment.ts";
import { describeExperiments } from "../device/describe.ts";
import { HISTORY } from "../story/history.ts";

/** Minutes recorded per experiment, coloured by sensor: data is sparse and fractioned. */
export function experimentsFigure(cfg: DeviceConfig): TopLevelSpec {
  const rows = describeExperiments(cfg);
  return barPlot(
    rows.map((r) => ({ category: r.experiment, value: r.minutes, group: r.sensor })),
    {
      title: "Recorded minutes per experiment — each with its own sensor",
      xLabel: "experiment",
      yLabel: "minutes recorded",
      groupTitle: "sensor",
      height: 220,
    },
  );
}

/** The history of the terms on a time line: one labelled point per milestone. */
export function historyFigure(): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: "From Siamese networks to NT-Xent",
    width: 600,
    height: 240,
    data: {
      values: HISTORY.map((m, i) => ({ year: m.year, term: m.term, row: HISTORY.length - i })),
    },
    encoding: {
      x: {
        field: "year",
        type: "quantitative",
        scale: { domain: [1990, 2024] },
        axis: { format: "d", title: "year", tickCount: 8 },
      },
      y: {
        field: "row",
        type: "quantitative",
        axis: null,
        scale: { domain: [0, HISTORY.length + 1] },
      },
    },
    layer: [
      { mark: { type: "point", filled: true, size: 140, color: PLOT_PALETTE[0] } },
      {
        mark: { type: "text", align: "left", dx: 10, fontSize: 13 },
        encoding: { text: { field: "term", type: "nominal" } },
      },
      {
        mark: { type: "text", align: "right", dx: -10, fontSize: 11, color: "#666" },
        encoding: { text: { field: "year", type: "quantitative", format: "d" } },
      },
    ],
  } as TopLevelSpec;
}

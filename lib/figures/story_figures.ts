/**
 * Figures of notebook 01: the fractioned data sets and the history of the terms.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { barPlot } from "../plot/bar_plot.ts";
import { scatterPlot } from "../plot/scatter_plot.ts";
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

/** The history of the terms on a time line (year × term). */
export function historyFigure(): TopLevelSpec {
  return scatterPlot(
    {
      x: HISTORY.map((m) => m.year),
      y: HISTORY.map((_, i) => HISTORY.length - i),
      color: HISTORY.map((m) => m.term),
    },
    {
      title: "From Siamese networks to NT-Xent",
      xLabel: "year",
      yLabel: "",
      colorTitle: "term",
      colorOrder: HISTORY.map((m) => m.term),
      pointSize: 160,
      opacity: 1,
      height: 220,
      width: 560,
    },
  );
}

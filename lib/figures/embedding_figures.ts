/**
 * Figures of notebook 04: 2-D projections of windows or embeddings, coloured by sensor and
 * by mode side by side.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { WindowSet } from "../data/window_set.ts";
import { MODES } from "../device/modes.ts";
import { scatterPlot } from "../plot/scatter_plot.ts";
import { combinePlots } from "../plot/combine.ts";

/**
 * Two panels of the same 2-D points (`[n, 2]`, one per window of `ws`): coloured by sensor
 * (left) and by mode (right). Points cluster by whatever the representation encodes.
 */
export function embeddingFigure(
  points: Float32Array,
  ws: WindowSet,
  title: string,
  axis = "component",
): TopLevelSpec {
  if (points.length !== 2 * ws.n) {
    throw new Error(
      `embeddingFigure: expected ${2 * ws.n} coordinates for ${ws.n} windows, got ${points.length}`,
    );
  }
  const x = Array.from({ length: ws.n }, (_, i) => points[2 * i]);
  const y = Array.from({ length: ws.n }, (_, i) => points[2 * i + 1]);
  const sensors = ws.meta.map((m) => m.sensor);
  const modes = Array.from(ws.labels, (l) => (l >= 0 ? MODES[l] : "unlabelled"));
  const common = {
    width: 330,
    height: 300,
    xLabel: `${axis} 1`,
    yLabel: `${axis} 2`,
    pointSize: 14,
  };
  return combinePlots(
    [
      scatterPlot({ x, y, color: sensors }, {
        ...common,
        title: "coloured by sensor",
        colorTitle: "sensor",
        colorOrder: [...new Set(sensors)].sort(),
      }),
      scatterPlot({ x, y, color: modes }, {
        ...common,
        title: "coloured by mode",
        colorTitle: "mode",
        colorOrder: [...MODES, "unlabelled"],
      }),
    ],
    { title, columns: 2, independentColors: true },
  );
}

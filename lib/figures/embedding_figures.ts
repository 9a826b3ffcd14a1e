/**
 * Figures of notebook 04: 2-D projections of windows or embeddings, coloured by sensor and
 * by mode side by side.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { WindowMeta, WindowSet } from "../data/window_set.ts";
import { MODES } from "../device/modes.ts";
import { scatterPlot } from "../plot/scatter_plot.ts";
import { combinePlots } from "../plot/combine.ts";

/** What {@linkcode embeddingFigure} colours the two panels by. */
export interface EmbeddingFigureOptions {
  /** Axis name, e.g. "component" (PCA) or "UMAP". */
  axis: string;
  /** Names of the label indices (default the four modes); -1 is "unlabelled". */
  labels: readonly string[];
  /** Legend title of the labels. */
  labelTitle: string;
  /** The origin shown in the left panel (default the sensor). */
  origin: (meta: WindowMeta) => string;
  /** Legend title of the origin. */
  originTitle: string;
}

/**
 * Two panels of the same 2-D points (`[n, 2]`, one per window of `ws`): coloured by origin —
 * the sensor by default — (left) and by label — the mode by default — (right). Points
 * cluster by whatever the representation encodes.
 */
export function embeddingFigure(
  points: Float32Array,
  ws: WindowSet,
  title: string,
  options: Partial<EmbeddingFigureOptions> | string = {},
): TopLevelSpec {
  const o: EmbeddingFigureOptions = {
    axis: "component",
    labels: MODES,
    labelTitle: "mode",
    origin: (m) => m.sensor,
    originTitle: "sensor",
    ...(typeof options === "string" ? { axis: options } : options),
  };
  if (points.length !== 2 * ws.n) {
    throw new Error(
      `embeddingFigure: expected ${2 * ws.n} coordinates for ${ws.n} windows, got ${points.length}`,
    );
  }
  const x = Array.from({ length: ws.n }, (_, i) => points[2 * i]);
  const y = Array.from({ length: ws.n }, (_, i) => points[2 * i + 1]);
  const origin = ws.meta.map(o.origin);
  const labels = Array.from(ws.labels, (l) => (l >= 0 ? o.labels[l] : "unlabelled"));
  const common = {
    width: 330,
    height: 300,
    xLabel: `${o.axis} 1`,
    yLabel: `${o.axis} 2`,
    pointSize: 14,
  };
  return combinePlots(
    [
      scatterPlot({ x, y, color: origin }, {
        ...common,
        title: `coloured by ${o.originTitle}`,
        colorTitle: o.originTitle,
        colorOrder: [...new Set(origin)].sort(),
      }),
      scatterPlot({ x, y, color: labels }, {
        ...common,
        title: `coloured by ${o.labelTitle}`,
        colorTitle: o.labelTitle,
        colorOrder: [...o.labels, "unlabelled"],
      }),
    ],
    { title, columns: 2, independentColors: true },
  );
}

/**
 * Heatmap of a matrix with the value written in each cell, e.g. a confusion matrix
 * (rows = true mode, columns = predicted mode).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { PLOT_DEFAULTS, VEGA_LITE_SCHEMA } from "./defaults.ts";
import { roundSignificant } from "./encode.ts";
import { checkFinite, checkNonEmpty, describeValue, resolveOptions } from "./validate.ts";

/** Options of {@linkcode heatmapPlot}. */
export interface HeatmapPlotOptions {
  /** Figure title. */
  title?: string;
  /** Width in pixels (default 40 px per column, at least 160). */
  width?: number;
  /** Height in pixels (default 40 px per row, at least 160). */
  height?: number;
  /** Row names, top to bottom (default "0", "1", …). */
  rowLabels?: string[];
  /** Column names, left to right (default: `rowLabels` for a square matrix, else "0", "1", …). */
  colLabels?: string[];
  /** X (column) axis label (default "predicted"). */
  xLabel?: string;
  /** Y (row) axis label (default "true"). */
  yLabel?: string;
  /** Colour legend title (default "count"). */
  colorTitle?: string;
  /** Write each value in its cell (default true). */
  showValues?: boolean;
  /** d3-format of the written values (default "d" when all values are integers, else ".2f"). */
  format?: string;
  /** Vega colour scheme (default `PLOT_DEFAULTS.sequentialScheme`). */
  scheme?: string;
}

const DEFAULTS = {
  title: undefined as string | undefined,
  width: undefined as number | undefined,
  height: undefined as number | undefined,
  rowLabels: undefined as string[] | undefined,
  colLabels: undefined as string[] | undefined,
  xLabel: "predicted",
  yLabel: "true",
  colorTitle: "count",
  showValues: true,
  format: undefined as string | undefined,
  scheme: PLOT_DEFAULTS.sequentialScheme,
};

/**
 * Builds a heatmap of `matrix[row][col]` with rows top to bottom. Cell text switches to
 * white on cells darker than the middle of the value range.
 */
export function heatmapPlot(
  matrix: ArrayLike<number>[],
  options?: HeatmapPlotOptions,
): TopLevelSpec {
  const where = "heatmapPlot";
  const o = resolveOptions(where, options, DEFAULTS);
  checkNonEmpty(where, "matrix", matrix);
  const cols = matrix[0]?.length;
  matrix.forEach((row, r) => {
    checkFinite(where, `matrix[${r}]`, row);
    if (row.length !== cols || cols === 0) {
      throw new Error(
        `${where}: matrix[${r}] has ${row.length} columns but matrix[0] has ${cols}; expected a non-empty rectangular matrix`,
      );
    }
  });
  const rows = matrix.length;
  const numbered = (n: number) => Array.from({ length: n }, (_, i) => String(i));
  const rowLabels = o.rowLabels ?? numbered(rows);
  const colLabels = o.colLabels ?? (rows === cols && o.rowLabels ? o.rowLabels : numbered(cols));
  for (
    const [name, labels, n] of [["rowLabels", rowLabels, rows], [
      "colLabels",
      colLabels,
      cols,
    ]] as const
  ) {
    if (labels.length !== n || new Set(labels).size !== n) {
      throw new Error(
        `${where}: ${name} must be ${n} distinct labels, got ${describeValue(labels)}`,
      );
    }
  }
  let lo = Infinity, hi = -Infinity, integers = true;
  const values: Record<string, number | string>[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = matrix[r][c];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      if (!Number.isInteger(v)) integers = false;
      values.push({ r: rowLabels[r], c: colLabels[c], v: roundSignificant(v) });
    }
  }
  const mid = (lo + hi) / 2;
  const format = o.format ?? (integers ? "d" : ".2f");
  const x = {
    field: "c",
    type: "ordinal",
    title: o.xLabel,
    sort: colLabels,
    axis: { labelAngle: 0 },
  };
  const y = { field: "r", type: "ordinal", title: o.yLabel, sort: rowLabels };
  const layer: unknown[] = [{
    mark: { type: "rect" },
    encoding: {
      x,
      y,
      color: { field: "v", type: "quantitative", title: o.colorTitle, scale: { scheme: o.scheme } },
    },
  }];
  if (o.showValues) {
    layer.push({
      mark: { type: "text", fontSize: 12 },
      encoding: {
        x,
        y,
        text: { field: "v", type: "quantitative", format },
        color: {
          condition: { test: `datum.v > ${mid}`, value: "white" },
          value: "black",
        },
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? Math.max(160, 40 * cols),
    height: o.height ?? Math.max(160, 40 * rows),
    data: { values },
    layer,
  } as TopLevelSpec;
}

/**
 * 2-D scatter plot of points coloured by one category and optionally shaped by another,
 * e.g. an embedding (UMAP/PCA of encoder outputs) coloured by mode and shaped by sensor.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { strideIndices } from "./decimate.ts";
import { PLOT_DEFAULTS, VEGA_LITE_SCHEMA } from "./defaults.ts";
import { categoryDomain, paletteScale, roundSignificant } from "./encode.ts";
import { checkFinite, checkSameLength, describeValue, resolveOptions } from "./validate.ts";

/** Columns of a scatter plot; all the same length. */
export interface ScatterData {
  /** Horizontal coordinates. */
  x: ArrayLike<number>;
  /** Vertical coordinates. */
  y: ArrayLike<number>;
  /** Category of each point for colour (e.g. mode names). */
  color?: ArrayLike<string | number>;
  /** Category of each point for marker shape (e.g. sensor ids). */
  shape?: ArrayLike<string | number>;
}

/** Options of {@linkcode scatterPlot}. */
export interface ScatterPlotOptions {
  /** Figure title. */
  title?: string;
  /** Plot width in pixels (default 450). */
  width?: number;
  /** Plot height in pixels (default 450). */
  height?: number;
  /** X axis label (default "dimension 1"). */
  xLabel?: string;
  /** Y axis label (default "dimension 2"). */
  yLabel?: string;
  /** Legend title of the colours (default "class"). */
  colorTitle?: string;
  /** Legend title of the shapes (default "group"). */
  shapeTitle?: string;
  /** Colour order of categories (e.g. `MODES`). Numeric categories are mapped through it by index. */
  colorOrder?: string[];
  /** Shape order of categories. Numeric categories are mapped through it by index. */
  shapeOrder?: string[];
  /** Marker area in square pixels (default 18). */
  pointSize?: number;
  /** Marker opacity (default 0.7). */
  opacity?: number;
  /** Points kept (evenly strided subsample beyond this; default `PLOT_DEFAULTS.maxScatterPoints`). */
  maxPoints?: number;
}

const DEFAULTS = {
  title: undefined as string | undefined,
  width: 450,
  height: 450,
  xLabel: "dimension 1",
  yLabel: "dimension 2",
  colorTitle: "class",
  shapeTitle: "group",
  colorOrder: undefined as string[] | undefined,
  shapeOrder: undefined as string[] | undefined,
  pointSize: 18,
  opacity: 0.7,
  maxPoints: PLOT_DEFAULTS.maxScatterPoints,
};

/** Category labels as strings; numbers map through `order` by index when given. */
function labelsOf(
  where: string,
  name: string,
  values: ArrayLike<string | number>,
  order: readonly string[] | undefined,
): string[] {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "string") out[i] = v;
    else if (typeof v === "number" && Number.isFinite(v)) {
      if (order) {
        const s = order[v];
        if (s === undefined) {
          throw new Error(
            `${where}: ${name}[${i}] is ${v}, which has no entry in the ${name} order`,
          );
        }
        out[i] = s;
      } else out[i] = String(v);
    } else {
      throw new Error(`${where}: ${name}[${i}] is ${describeValue(v)}; expected a category`);
    }
  }
  return out;
}

/**
 * Builds a scatter plot of (x, y) points, coloured by `color` and shaped by `shape` when
 * given. Beyond `maxPoints`, an evenly strided subsample is drawn (deterministic).
 */
export function scatterPlot(data: ScatterData, options?: ScatterPlotOptions): TopLevelSpec {
  const where = "scatterPlot";
  const o = resolveOptions(where, options, DEFAULTS);
  if (!data || typeof data !== "object") {
    throw new Error(`${where}: data must be {x, y, color?, shape?}, got ${describeValue(data)}`);
  }
  checkFinite(where, "x", data.x);
  checkFinite(where, "y", data.y);
  checkSameLength(where, "x", data.x, "y", data.y);
  if (data.x.length === 0) throw new Error(`${where}: x is empty; expected at least one point`);
  const colors = data.color === undefined
    ? null
    : (checkSameLength(where, "x", data.x, "color", data.color),
      labelsOf(where, "color", data.color, o.colorOrder));
  const shapes = data.shape === undefined
    ? null
    : (checkSameLength(where, "x", data.x, "shape", data.shape),
      labelsOf(where, "shape", data.shape, o.shapeOrder));
  const idx = strideIndices(data.x.length, o.maxPoints);
  const values: Record<string, number | string>[] = [];
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    const row: Record<string, number | string> = {
      x: roundSignificant(data.x[i], 4),
      y: roundSignificant(data.y[i], 4),
    };
    if (colors) row.c = colors[i];
    if (shapes) row.g = shapes[i];
    values.push(row);
  }
  const encoding: Record<string, unknown> = {
    x: { field: "x", type: "quantitative", title: o.xLabel, scale: { zero: false } },
    y: { field: "y", type: "quantitative", title: o.yLabel, scale: { zero: false } },
  };
  if (colors) {
    encoding.color = {
      field: "c",
      type: "nominal",
      title: o.colorTitle,
      scale: paletteScale(categoryDomain(colors, o.colorOrder)),
    };
  }
  if (shapes) {
    encoding.shape = {
      field: "g",
      type: "nominal",
      title: o.shapeTitle,
      scale: { domain: categoryDomain(shapes, o.shapeOrder) },
    };
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    width: o.width,
    height: o.height,
    data: { values },
    mark: { type: "point", filled: true, size: o.pointSize, opacity: o.opacity },
    encoding,
  } as TopLevelSpec;
}

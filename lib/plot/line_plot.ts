/**
 * Line plot of one or more series over a numeric x, e.g. training and validation loss per
 * epoch. Long series are decimated (LTTB by default, which keeps the curve's shape).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { lttbIndices, minMaxIndices } from "./decimate.ts";
import { PLOT_DEFAULTS, VEGA_LITE_SCHEMA } from "./defaults.ts";
import { categoryDomain, paletteScale, roundSignificant } from "./encode.ts";
import {
  checkFinite,
  checkLabel,
  checkNonEmpty,
  checkSameLength,
  resolveOptions,
} from "./validate.ts";

/** One named curve. */
export interface LineSeries {
  /** Legend entry, e.g. "train" or "validation". */
  name: string;
  /** X values (e.g. step or epoch), ascending. */
  x: ArrayLike<number>;
  /** Y values, same length as `x`. */
  y: ArrayLike<number>;
}

/** Options of {@linkcode linePlot}. */
export interface LinePlotOptions {
  /** Figure title. */
  title?: string;
  /** Plot width in pixels (default `PLOT_DEFAULTS.width`). */
  width?: number;
  /** Plot height in pixels (default `PLOT_DEFAULTS.height`). */
  height?: number;
  /** X axis label (default "step"). */
  xLabel?: string;
  /** Y axis label (default "value"). */
  yLabel?: string;
  /** Log-scale y axis (default false; needs y > 0). */
  logY?: boolean;
  /** Draw a marker at every kept point (default false). */
  points?: boolean;
  /** Colour order of series names. */
  seriesOrder?: string[];
  /** Legend title (default "series"). */
  seriesTitle?: string;
  /** Points kept per series (default `PLOT_DEFAULTS.maxLinePoints`). */
  maxPoints?: number;
  /** Decimation method (default "lttb"). */
  downsample?: "lttb" | "minmax";
}

const DEFAULTS = {
  title: undefined as string | undefined,
  width: PLOT_DEFAULTS.width,
  height: PLOT_DEFAULTS.height,
  xLabel: "step",
  yLabel: "value",
  logY: false,
  points: false,
  seriesOrder: undefined as string[] | undefined,
  seriesTitle: "series",
  maxPoints: PLOT_DEFAULTS.maxLinePoints,
  downsample: "lttb" as "lttb" | "minmax",
};

/** Builds a line plot: x numeric, y numeric, one colour per series name. */
export function linePlot(series: LineSeries[], options?: LinePlotOptions): TopLevelSpec {
  const where = "linePlot";
  const o = resolveOptions(where, options, DEFAULTS);
  checkNonEmpty(where, "series", series);
  if (o.downsample !== "lttb" && o.downsample !== "minmax") {
    throw new Error(`${where}: downsample must be "lttb" or "minmax", got '${o.downsample}'`);
  }
  const values: Record<string, number | string>[] = [];
  const names = new Set<string>();
  series.forEach((s, si) => {
    checkLabel(where, `series[${si}].name`, s.name);
    if (names.has(s.name)) throw new Error(`${where}: series[${si}] repeats the name '${s.name}'`);
    names.add(s.name);
    checkFinite(where, `series[${si}].x`, s.x);
    checkFinite(where, `series[${si}].y`, s.y);
    checkSameLength(where, `series[${si}].x`, s.x, `series[${si}].y`, s.y);
    if (o.logY) {
      for (let i = 0; i < s.y.length; i++) {
        if (!(s.y[i] > 0)) {
          throw new Error(
            `${where}: series[${si}] ('${s.name}') y[${i}] is ${s.y[i]}; a log axis needs y > 0`,
          );
        }
      }
    }
    const budget = Math.max(4, o.maxPoints);
    const idx = o.downsample === "lttb"
      ? lttbIndices(s.x, s.y, budget)
      : minMaxIndices(s.y, budget);
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      values.push({ x: roundSignificant(s.x[i], 7), y: roundSignificant(s.y[i]), s: s.name });
    }
  });
  const domain = categoryDomain(series.map((s) => s.name), o.seriesOrder);
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    width: o.width,
    height: o.height,
    data: { values },
    mark: { type: "line", strokeWidth: 1.5, point: o.points },
    encoding: {
      x: { field: "x", type: "quantitative", title: o.xLabel, scale: { zero: false } },
      y: {
        field: "y",
        type: "quantitative",
        title: o.yLabel,
        scale: o.logY ? { type: "log" } : { zero: false },
      },
      color: { field: "s", type: "nominal", title: o.seriesTitle, scale: paletteScale(domain) },
    },
  } as TopLevelSpec;
}

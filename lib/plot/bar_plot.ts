/**
 * Bar plot, plain or grouped (side-by-side bars per category), with optional error bars,
 * e.g. SNR per sensor and channel, or accuracy per method and sensor.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { PLOT_DEFAULTS, VEGA_LITE_SCHEMA } from "./defaults.ts";
import { categoryDomain, paletteScale, roundSignificant } from "./encode.ts";
import { checkLabel, checkNonEmpty, checkNumber, resolveOptions } from "./validate.ts";

/** One bar. */
export interface Bar {
  /** Position on the category axis (e.g. a sensor id). */
  category: string;
  /** Bar length. */
  value: number;
  /** Group within the category (bars side by side, coloured by group). */
  group?: string;
  /** Half-length of an error bar (value ± error), e.g. a standard deviation. */
  error?: number;
}

/** Options of {@linkcode barPlot}. */
export interface BarPlotOptions {
  /** Figure title. */
  title?: string;
  /** Plot width in pixels (default `PLOT_DEFAULTS.width`). */
  width?: number;
  /** Plot height in pixels (default `PLOT_DEFAULTS.height`). */
  height?: number;
  /** Category axis label (default "category"). */
  xLabel?: string;
  /** Value axis label (default "value"). */
  yLabel?: string;
  /** Category order (default: first-seen order). */
  categoryOrder?: string[];
  /** Group order and colours (default: first-seen order). */
  groupOrder?: string[];
  /** Legend title of the groups (default "group"). */
  groupTitle?: string;
  /** Bars run horizontally, categories on the y axis (default false). */
  horizontal?: boolean;
}

const DEFAULTS = {
  title: undefined as string | undefined,
  width: PLOT_DEFAULTS.width,
  height: PLOT_DEFAULTS.height,
  xLabel: "category",
  yLabel: "value",
  categoryOrder: undefined as string[] | undefined,
  groupOrder: undefined as string[] | undefined,
  groupTitle: "group",
  horizontal: false,
};

/**
 * Builds a bar plot. With `group` on the bars, bars of one category stand side by side,
 * coloured by group; with `error`, a rule spans value ± error on each bar.
 */
export function barPlot(bars: Bar[], options?: BarPlotOptions): TopLevelSpec {
  const where = "barPlot";
  const o = resolveOptions(where, options, DEFAULTS);
  checkNonEmpty(where, "bars", bars);
  const grouped = bars.some((b) => b.group !== undefined);
  const seen = new Set<string>();
  const values = bars.map((b, i) => {
    checkLabel(where, `bars[${i}].category`, b.category);
    checkNumber(where, `bars[${i}].value`, b.value);
    if (grouped) checkLabel(where, `bars[${i}].group`, b.group);
    const key = `${b.category}\u0000${b.group ?? ""}`;
    if (seen.has(key)) {
      throw new Error(
        `${where}: bars[${i}] repeats category '${b.category}'${
          grouped ? ` and group '${b.group}'` : ""
        }; expected one bar per ${grouped ? "category and group" : "category"}`,
      );
    }
    seen.add(key);
    const row: Record<string, number | string> = { c: b.category, v: roundSignificant(b.value) };
    if (grouped) row.g = b.group as string;
    if (b.error !== undefined) {
      checkNumber(where, `bars[${i}].error`, b.error, { min: 0 });
      row.lo = roundSignificant(b.value - b.error);
      row.hi = roundSignificant(b.value + b.error);
    }
    return row;
  });
  const cat = o.horizontal ? "y" : "x";
  const val = o.horizontal ? "x" : "y";
  const categories = categoryDomain(bars.map((b) => b.category), o.categoryOrder);
  const groups = grouped ? categoryDomain(bars.map((b) => b.group as string), o.groupOrder) : [];
  const base: Record<string, unknown> = {
    [cat]: {
      field: "c",
      type: "nominal",
      title: o.xLabel,
      sort: categories,
      axis: { labelAngle: 0 },
    },
  };
  if (grouped) base[`${cat}Offset`] = { field: "g", type: "nominal", sort: groups };
  const layer: unknown[] = [{
    mark: { type: "bar" },
    encoding: {
      ...base,
      [val]: { field: "v", type: "quantitative", title: o.yLabel },
      ...(grouped
        ? {
          color: { field: "g", type: "nominal", title: o.groupTitle, scale: paletteScale(groups) },
        }
        : { color: { value: "#4c78a8" } }),
    },
  }];
  if (bars.some((b) => b.error !== undefined)) {
    layer.push({
      mark: { type: "rule", color: "#333333" },
      encoding: {
        ...base,
        [val]: { field: "lo", type: "quantitative" },
        [`${val}2`]: { field: "hi" },
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    width: o.width,
    height: o.height,
    data: { values },
    layer,
  } as TopLevelSpec;
}

/**
 * Arranging several plots in one figure (a grid of panels).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { VEGA_LITE_SCHEMA } from "./defaults.ts";
import { checkNonEmpty, resolveOptions } from "./validate.ts";

/** Options of {@linkcode combinePlots}. */
export interface CombineOptions {
  /** Figure title. */
  title?: string;
  /** Panels per row (default: all in one row). */
  columns?: number;
  /** Give each panel its own colour scale and legend (default false: shared). */
  independentColors?: boolean;
}

const DEFAULTS = {
  title: undefined as string | undefined,
  columns: 0,
  independentColors: false,
};

/**
 * Combines specs from the builders into one figure, `columns` panels per row. Panel
 * specs keep their own data; their `$schema` is hoisted to the top.
 */
export function combinePlots(specs: TopLevelSpec[], options?: CombineOptions): TopLevelSpec {
  const where = "combinePlots";
  const o = resolveOptions(where, options, DEFAULTS);
  checkNonEmpty(where, "specs", specs);
  if (!Number.isInteger(o.columns) || o.columns < 0) {
    throw new Error(`${where}: columns must be a non-negative integer, got ${o.columns}`);
  }
  const panels = specs.map((s, i) => {
    if (s === null || typeof s !== "object") {
      throw new Error(`${where}: specs[${i}] must be a Vega-Lite spec object`);
    }
    const { $schema: _schema, config: _config, ...rest } = s as unknown as Record<string, unknown>;
    return rest;
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    concat: panels,
    columns: o.columns > 0 ? o.columns : panels.length,
    ...(o.independentColors
      ? { resolve: { scale: { color: "independent", fill: "independent" } } }
      : {}),
  } as unknown as TopLevelSpec;
}

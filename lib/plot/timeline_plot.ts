/**
 * Timeline of a categorical state over time: coloured intervals in one or more lanes,
 * e.g. the mode schedule of each driver, or true vs predicted mode.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { PLOT_DEFAULTS, VEGA_LITE_SCHEMA } from "./defaults.ts";
import { categoryDomain, paletteScale, roundSignificant } from "./encode.ts";
import { checkLabel, checkNonEmpty, resolveOptions } from "./validate.ts";

/** One interval of a state in a lane. */
export interface TimelineSegment {
  /** Start time (axis units, e.g. seconds). */
  start: number;
  /** End time (exclusive), > start. */
  end: number;
  /** The state during the interval (colour), e.g. "drowsy". */
  state: string;
  /** The row the interval is drawn in (default "" — a single unnamed lane). */
  lane?: string;
}

/** Options of {@linkcode timelinePlot}. */
export interface TimelinePlotOptions {
  /** Figure title. */
  title?: string;
  /** Plot width in pixels (default `PLOT_DEFAULTS.width`). */
  width?: number;
  /** Height of each lane in pixels (default `PLOT_DEFAULTS.laneHeight`). */
  laneHeight?: number;
  /** X axis label (default "time (s)"). */
  xLabel?: string;
  /** Y axis label (default "" — lane names only). */
  yLabel?: string;
  /** Colour order of states (e.g. `MODES`). */
  stateOrder?: string[];
  /** Lane order, top to bottom (default: first-seen order). */
  laneOrder?: string[];
  /** Legend title (default "state"). */
  stateTitle?: string;
}

const DEFAULTS = {
  title: undefined as string | undefined,
  width: PLOT_DEFAULTS.width,
  laneHeight: PLOT_DEFAULTS.laneHeight,
  xLabel: "time (s)",
  yLabel: "",
  stateOrder: undefined as string[] | undefined,
  laneOrder: undefined as string[] | undefined,
  stateTitle: "state",
};

/**
 * Builds a timeline: one lane per distinct `lane`, each segment a bar from start to end
 * coloured by state. Segments from `bandsFromLabels` can be passed after mapping
 * `{start, end, label}` to `{start, end, state: label, lane}`.
 */
export function timelinePlot(
  segments: TimelineSegment[],
  options?: TimelinePlotOptions,
): TopLevelSpec {
  const where = "timelinePlot";
  const o = resolveOptions(where, options, DEFAULTS);
  checkNonEmpty(where, "segments", segments);
  const values = segments.map((s, i) => {
    if (!(Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start)) {
      throw new Error(
        `${where}: segments[${i}] must have finite start < end, got start ${s.start}, end ${s.end}`,
      );
    }
    checkLabel(where, `segments[${i}].state`, s.state);
    if (s.lane !== undefined && typeof s.lane !== "string") {
      throw new Error(`${where}: segments[${i}].lane must be a string`);
    }
    return {
      a: roundSignificant(s.start, 7),
      b: roundSignificant(s.end, 7),
      s: s.state,
      l: s.lane ?? "",
    };
  });
  const lanes = categoryDomain(values.map((v) => v.l), o.laneOrder);
  const states = categoryDomain(values.map((v) => v.s), o.stateOrder);
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    width: o.width,
    height: Math.max(o.laneHeight, o.laneHeight * lanes.length),
    data: { values },
    mark: { type: "bar", cornerRadius: 0 },
    encoding: {
      x: { field: "a", type: "quantitative", title: o.xLabel, scale: { nice: false, zero: false } },
      x2: { field: "b" },
      ...(lanes.length === 1 && lanes[0] === ""
        ? {}
        : { y: { field: "l", type: "nominal", title: o.yLabel || null, sort: lanes } }),
      color: { field: "s", type: "nominal", title: o.stateTitle, scale: paletteScale(states) },
    },
  } as TopLevelSpec;
}

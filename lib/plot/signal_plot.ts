/**
 * Stacked time-series plot: one row per channel (e.g. EEG, ECG, GSR), one or more series
 * per row (e.g. clean vs sensed, or one per sensor), optional shaded bands behind the
 * curves (e.g. the driver's mode over time). Long signals are decimated (min/max by
 * default) to a total point budget so the spec stays small.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Band, checkBands } from "./bands.ts";
import { lttbIndices, minMaxIndices } from "./decimate.ts";
import { PLOT_DEFAULTS, VEGA_LITE_SCHEMA } from "./defaults.ts";
import { categoryDomain, extent, paletteScale, roundSignificant, roundToGrid } from "./encode.ts";
import {
  checkFinite,
  checkLabel,
  checkNonEmpty,
  checkSameLength,
  resolveOptions,
} from "./validate.ts";

/** One curve of a signal plot. */
export interface SignalTrace {
  /** The row this curve is drawn in (e.g. "eeg"). */
  channel: string;
  /** Sample times in seconds, ascending. */
  time: ArrayLike<number>;
  /** Sample values, same length as `time`. */
  values: ArrayLike<number>;
  /** Series name for colour when a row holds several curves (e.g. "clean", "s3-noisy"). */
  series?: string;
}

/** Options of {@linkcode signalPlot}. */
export interface SignalPlotOptions {
  /** Figure title. */
  title?: string;
  /** Width of each row in pixels (default `PLOT_DEFAULTS.width`). */
  width?: number;
  /** Height of each row in pixels (default `PLOT_DEFAULTS.channelHeight`). */
  channelHeight?: number;
  /** X axis label (default "time (s)"). */
  xLabel?: string;
  /** Unit per channel for the y axis label, e.g. `{ eeg: "µV", gsr: "µS" }`. */
  units?: Record<string, string>;
  /** Row order (default: first-seen order of `channel`). */
  channelOrder?: string[];
  /** Colour order of series (default: first-seen order). */
  seriesOrder?: string[];
  /** Legend title of the series colours (default "series"). */
  seriesTitle?: string;
  /** Shaded intervals behind every row (e.g. from `bandsFromLabels(time, modes, MODES)`). */
  bands?: Band[];
  /** Colour order of band labels (e.g. `MODES`, so modes keep their colours everywhere). */
  bandOrder?: string[];
  /** Legend title of the band colours (default "mode"). */
  bandTitle?: string;
  /** Opacity of the band shading (default 0.22). */
  bandOpacity?: number;
  /** Total points kept across all traces (default `PLOT_DEFAULTS.maxSignalPoints`). */
  maxPoints?: number;
  /** Decimation method (default "minmax", which keeps every extreme). */
  downsample?: "minmax" | "lttb" | "none";
}

const DEFAULTS = {
  title: undefined as string | undefined,
  width: PLOT_DEFAULTS.width,
  channelHeight: PLOT_DEFAULTS.channelHeight,
  xLabel: "time (s)",
  units: {} as Record<string, string>,
  channelOrder: undefined as string[] | undefined,
  seriesOrder: undefined as string[] | undefined,
  seriesTitle: "series",
  bands: [] as Band[],
  bandOrder: undefined as string[] | undefined,
  bandTitle: "mode",
  bandOpacity: 0.22,
  maxPoints: PLOT_DEFAULTS.maxSignalPoints,
  downsample: "minmax" as "minmax" | "lttb" | "none",
};

/** Indices of a trace kept by the chosen decimation. */
function keep(
  method: "minmax" | "lttb" | "none",
  time: ArrayLike<number>,
  values: ArrayLike<number>,
  budget: number,
): ArrayLike<number> {
  if (method === "minmax") return minMaxIndices(values, budget);
  if (method === "lttb") return lttbIndices(time, values, budget);
  return Array.from({ length: values.length }, (_, i) => i);
}

/**
 * Builds a stacked signal plot: one row per channel sharing the time axis, each row with
 * its own y scale labelled "channel (unit)", curves coloured by `series` when a row has
 * several, and `bands` shaded behind every row.
 */
export function signalPlot(traces: SignalTrace[], options?: SignalPlotOptions): TopLevelSpec {
  const where = "signalPlot";
  const o = resolveOptions(where, options, DEFAULTS);
  checkNonEmpty(where, "traces", traces);
  if (!["minmax", "lttb", "none"].includes(o.downsample)) {
    throw new Error(
      `${where}: downsample must be "minmax", "lttb" or "none", got '${o.downsample}'`,
    );
  }
  const bands = checkBands(where, "bands", o.bands);
  const perTrace = Math.max(4, Math.floor(o.maxPoints / traces.length));
  let tMin = Infinity, tMax = -Infinity;
  traces.forEach((tr, i) => {
    checkLabel(where, `traces[${i}].channel`, tr.channel);
    if (tr.series !== undefined) checkLabel(where, `traces[${i}].series`, tr.series);
    checkFinite(where, `traces[${i}].time`, tr.time);
    checkFinite(where, `traces[${i}].values`, tr.values);
    checkSameLength(where, `traces[${i}].time`, tr.time, `traces[${i}].values`, tr.values);
    if (tr.time.length === 0) throw new Error(`${where}: traces[${i}] has no samples`);
    const [lo, hi] = extent(tr.time);
    tMin = Math.min(tMin, lo);
    tMax = Math.max(tMax, hi);
  });
  const channels = categoryDomain(traces.map((t) => t.channel), o.channelOrder);
  const seriesDomain = categoryDomain(
    traces.flatMap((t) => (t.series === undefined ? [] : [t.series])),
    o.seriesOrder,
  );
  const bandDomain = categoryDomain(bands.map((b) => b.label), o.bandOrder);
  const range = tMax - tMin;
  const rows = channels
    .map((channel, row) => {
      const mine = traces.filter((t) => t.channel === channel);
      if (mine.length === 0) return null;
      const names = mine.map((t) => t.series);
      if (mine.length > 1 && (names.includes(undefined) || new Set(names).size < names.length)) {
        throw new Error(
          `${where}: channel '${channel}' has ${mine.length} traces; each needs a distinct series name`,
        );
      }
      const multi = mine.length > 1 || mine.some((t) => t.series !== undefined);
      const values: Record<string, number | string>[] = [];
      for (const tr of mine) {
        const idx = keep(o.downsample, tr.time, tr.values, perTrace);
        for (let k = 0; k < idx.length; k++) {
          const i = idx[k];
          const v: Record<string, number | string> = {
            t: roundToGrid(tr.time[i], range),
            v: roundSignificant(tr.values[i]),
          };
          if (multi) v.s = tr.series ?? channel;
          values.push(v);
        }
      }
      const unit = o.units[channel];
      const last = row === channels.length - 1;
      const line = {
        data: { values },
        mark: { type: "line", strokeWidth: 1, clip: true },
        encoding: {
          x: {
            field: "t",
            type: "quantitative",
            title: last ? o.xLabel : null,
            scale: { domain: [tMin, tMax], nice: false },
          },
          y: {
            field: "v",
            type: "quantitative",
            title: unit ? `${channel} (${unit})` : channel,
            scale: { zero: false },
          },
          ...(multi
            ? {
              color: {
                field: "s",
                type: "nominal",
                title: o.seriesTitle,
                scale: paletteScale(seriesDomain.length ? seriesDomain : [channel]),
              },
            }
            : {}),
        },
      };
      const layer: unknown[] = [];
      if (bands.length > 0) {
        layer.push({
          data: {
            values: bands
              .filter((b) => b.end > tMin && b.start < tMax)
              .map((b) => ({
                start: Math.max(b.start, tMin),
                end: Math.min(b.end, tMax),
                label: b.label,
              })),
          },
          mark: { type: "rect", opacity: o.bandOpacity },
          encoding: {
            x: { field: "start", type: "quantitative" },
            x2: { field: "end" },
            fill: {
              field: "label",
              type: "nominal",
              title: o.bandTitle,
              scale: paletteScale(bandDomain),
            },
          },
        });
      }
      layer.push(multi ? line : { ...line, mark: { ...line.mark, color: "#333333" } });
      return { width: o.width, height: o.channelHeight, layer };
    })
    .filter((r) => r !== null);
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    vconcat: rows,
    resolve: { scale: { x: "shared", y: "independent" } },
  } as TopLevelSpec;
}

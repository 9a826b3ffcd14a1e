/**
 * Power-spectrum plot: one PSD curve per series on a log power axis, with optional shaded
 * frequency bands (e.g. EEG delta/theta/alpha/beta).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Band, checkBands } from "./bands.ts";
import { minMaxIndices } from "./decimate.ts";
import { PLOT_DEFAULTS, VEGA_LITE_SCHEMA } from "./defaults.ts";
import { categoryDomain, paletteScale, roundSignificant } from "./encode.ts";
import {
  checkFinite,
  checkLabel,
  checkNonEmpty,
  checkSameLength,
  resolveOptions,
} from "./validate.ts";

/** One spectrum: power at each frequency. */
export interface SpectrumCurve {
  /** Series name (legend entry), e.g. a sensor or a mode. */
  name: string;
  /** Frequencies in Hz, ascending. */
  freq: ArrayLike<number>;
  /** Power (spectral density) at each frequency; > 0 when `logY`. */
  power: ArrayLike<number>;
}

/** Options of {@linkcode spectrumPlot}. */
export interface SpectrumPlotOptions {
  /** Figure title. */
  title?: string;
  /** Plot width in pixels (default `PLOT_DEFAULTS.width`). */
  width?: number;
  /** Plot height in pixels (default `PLOT_DEFAULTS.height`). */
  height?: number;
  /** X axis label (default "frequency (Hz)"). */
  xLabel?: string;
  /** Y axis label (default "power spectral density"). */
  yLabel?: string;
  /** Log-scale power axis (default true). */
  logY?: boolean;
  /** Lowest frequency shown (default: all). */
  minFreq?: number;
  /** Highest frequency shown (default: all). */
  maxFreq?: number;
  /** Colour order of series names. */
  seriesOrder?: string[];
  /** Legend title (default "series"). */
  seriesTitle?: string;
  /** Shaded frequency bands, e.g. `[{start: 8, end: 13, label: "alpha"}]`. */
  bands?: Band[];
  /** Points kept per curve (default `PLOT_DEFAULTS.maxLinePoints`). */
  maxPoints?: number;
}

const DEFAULTS = {
  title: undefined as string | undefined,
  width: PLOT_DEFAULTS.width,
  height: PLOT_DEFAULTS.height,
  xLabel: "frequency (Hz)",
  yLabel: "power spectral density",
  logY: true,
  minFreq: -Infinity,
  maxFreq: Infinity,
  seriesOrder: undefined as string[] | undefined,
  seriesTitle: "series",
  bands: [] as Band[],
  maxPoints: PLOT_DEFAULTS.maxLinePoints,
};

/**
 * Builds a PSD plot: x = frequency, y = power (log scale by default), colour by curve name,
 * `bands` shaded and labelled behind the curves. Curves are min/max-decimated to
 * `maxPoints` each.
 */
export function spectrumPlot(curves: SpectrumCurve[], options?: SpectrumPlotOptions): TopLevelSpec {
  const where = "spectrumPlot";
  const o = resolveOptions(where, options, DEFAULTS);
  checkNonEmpty(where, "curves", curves);
  const bands = checkBands(where, "bands", o.bands);
  const values: Record<string, number | string>[] = [];
  let fLo = Infinity, fHi = -Infinity;
  curves.forEach((c, ci) => {
    checkLabel(where, `curves[${ci}].name`, c.name);
    checkFinite(where, `curves[${ci}].freq`, c.freq);
    checkFinite(where, `curves[${ci}].power`, c.power);
    checkSameLength(where, `curves[${ci}].freq`, c.freq, `curves[${ci}].power`, c.power);
    const inRange: number[] = [];
    for (let i = 0; i < c.freq.length; i++) {
      if (c.freq[i] >= o.minFreq && c.freq[i] <= o.maxFreq) inRange.push(i);
    }
    const power = inRange.map((i) => c.power[i]);
    if (o.logY) {
      const bad = power.findIndex((p) => !(p > 0));
      if (bad >= 0) {
        throw new Error(
          `${where}: curves[${ci}] ('${c.name}') power[${inRange[bad]}] is ${
            power[bad]
          }; a log axis needs power > 0 (pass logY: false)`,
        );
      }
    }
    const idx = minMaxIndices(power, Math.max(4, o.maxPoints));
    for (let k = 0; k < idx.length; k++) {
      const i = inRange[idx[k]];
      fLo = Math.min(fLo, c.freq[i]);
      fHi = Math.max(fHi, c.freq[i]);
      values.push({ f: roundSignificant(c.freq[i]), p: roundSignificant(c.power[i]), s: c.name });
    }
  });
  if (values.length === 0) {
    throw new Error(`${where}: no frequency lies in [${o.minFreq}, ${o.maxFreq}]`);
  }
  const domain = categoryDomain(curves.map((c) => c.name), o.seriesOrder);
  const layer: unknown[] = [];
  const shown = bands.filter((b) => b.end > fLo && b.start < fHi).map((b) => ({
    start: Math.max(b.start, fLo),
    end: Math.min(b.end, fHi),
    mid: (Math.max(b.start, fLo) + Math.min(b.end, fHi)) / 2,
    label: b.label,
  }));
  if (shown.length > 0) {
    layer.push(
      {
        data: { values: shown },
        mark: { type: "rect", color: "#bbbbbb", opacity: 0.18 },
        encoding: { x: { field: "start", type: "quantitative" }, x2: { field: "end" } },
      },
      {
        data: { values: shown },
        mark: { type: "text", baseline: "top", dy: 4, color: "#555555", fontSize: 10 },
        encoding: {
          x: { field: "mid", type: "quantitative" },
          y: { value: 0 },
          text: { field: "label" },
        },
      },
    );
  }
  layer.push({
    data: { values },
    mark: { type: "line", strokeWidth: 1.5, clip: true },
    encoding: {
      x: {
        field: "f",
        type: "quantitative",
        title: o.xLabel,
        scale: { domain: [fLo, fHi], nice: false },
      },
      y: {
        field: "p",
        type: "quantitative",
        title: o.yLabel,
        scale: o.logY ? { type: "log" } : { zero: false },
      },
      color: { field: "s", type: "nominal", title: o.seriesTitle, scale: paletteScale(domain) },
    },
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    width: o.width,
    height: o.height,
    layer,
  } as TopLevelSpec;
}

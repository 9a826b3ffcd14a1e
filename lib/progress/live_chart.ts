/**
 * Live charts: a Vega-Lite figure re-displayed in place (same display id) while work runs,
 * e.g. a loss curve growing epoch by epoch. Redraws are throttled; the last state is
 * always drawn by `done()`.
 *
 * Outside a notebook a live chart draws nothing unless given a `path`, where it writes
 * the SVG at each (throttled) redraw.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { plotBundle } from "../plot/bundle.ts";
import {
  type DisplaySink,
  kernelDisplaySink,
  newDisplayId,
  settleDisplay,
} from "../plot/jupyter.ts";
import { linePlot, type LinePlotOptions } from "../plot/line_plot.ts";
import { checkFigurePath, renderSvg, saveFigure } from "../plot/render.ts";
import { resolveOptions } from "../plot/validate.ts";

/** Options of {@linkcode liveChart}. */
export interface LiveChartOptions {
  /** Least milliseconds between redraws (default 1000). */
  minIntervalMs?: number;
  /** Display id of the notebook output (default: a fresh one). */
  displayId?: string;
  /** Where bundles go (default: the Deno kernel when running in one, else nowhere). */
  sink?: DisplaySink | null;
  /** Also write the SVG here at each redraw (must end in ".svg"). */
  path?: string;
  /** Clock in milliseconds (default `performance.now`); injectable for tests. */
  now?: () => number;
}

/** A figure that can be redrawn in place. */
export interface LiveChart {
  /**
   * Offers a new figure (a spec, or a function building one, called only when drawing).
   * Draws it if `minIntervalMs` passed since the last draw, else keeps it for later.
   */
  update(spec: TopLevelSpec | (() => TopLevelSpec)): Promise<void>;
  /** Draws the last offered figure if it was not drawn yet, and lets the output settle. */
  done(): Promise<void>;
  /** The display id of the notebook output. */
  readonly displayId: string;
  /** How many times the figure was drawn. */
  readonly draws: number;
}

const LIVE_DEFAULTS = {
  minIntervalMs: 1000,
  displayId: undefined as string | undefined,
  sink: undefined as DisplaySink | null | undefined,
  path: undefined as string | undefined,
  now: undefined as (() => number) | undefined,
};

/**
 * Creates a live chart: the first `update` displays the figure, later ones replace it
 * (`update_display_data` under the same display id), at most every `minIntervalMs`.
 */
export function liveChart(options?: LiveChartOptions): LiveChart {
  const o = resolveOptions("liveChart", options, LIVE_DEFAULTS);
  if (!(o.minIntervalMs >= 0)) {
    throw new Error(`liveChart: minIntervalMs must be ≥ 0, got ${o.minIntervalMs}`);
  }
  if (o.path !== undefined) checkFigurePath("liveChart", o.path);
  const sink = o.sink === undefined ? kernelDisplaySink() : o.sink;
  const now = o.now ?? (() => performance.now());
  const displayId = o.displayId ?? newDisplayId("live");
  let pending: TopLevelSpec | (() => TopLevelSpec) | null = null;
  let lastDrawAt = -Infinity;
  let draws = 0;
  let shown = false;
  let drawing: Promise<void> = Promise.resolve();

  const draw = (offered: TopLevelSpec | (() => TopLevelSpec)): Promise<void> => {
    lastDrawAt = now();
    pending = null;
    draws += 1;
    drawing = drawing.then(async () => {
      if (!sink && o.path === undefined) return;
      const spec = typeof offered === "function" ? offered() : offered;
      const svg = await renderSvg(spec);
      if (o.path !== undefined) await saveFigure(spec, svg, o.path, false);
      if (sink) {
        await sink(plotBundle(spec, svg), { displayId, update: shown });
        shown = true;
      }
    });
    return drawing;
  };

  return {
    update(spec) {
      if (now() - lastDrawAt >= o.minIntervalMs) return draw(spec);
      pending = spec;
      return drawing;
    },
    async done() {
      if (pending !== null) await draw(pending);
      await drawing;
      if (sink) await settleDisplay();
    },
    displayId,
    get draws() {
      return draws;
    },
  };
}

/** A live line chart fed point by point, e.g. training and validation loss. */
export interface LiveLineChart {
  /** Appends the point (x, y) to `series` and offers the updated figure. */
  add(series: string, x: number, y: number): Promise<void>;
  /** Draws the final figure. */
  done(): Promise<void>;
  /** The current figure. */
  spec(): TopLevelSpec;
  /** The underlying live chart. */
  readonly chart: LiveChart;
}

/**
 * Creates a live line chart: `add(series, x, y)` appends a point and redraws (throttled)
 * a {@linkcode linePlot} of all points so far. Accepts linePlot's options plus
 * {@linkcode LiveChartOptions}.
 */
export function liveLineChart(options: LinePlotOptions & LiveChartOptions = {}): LiveLineChart {
  const { minIntervalMs, displayId, sink, path, now, ...plotOptions } = options;
  linePlot([{ name: "probe", x: [], y: [] }], plotOptions); // validates the plot options now
  const chart = liveChart({ minIntervalMs, displayId, sink, path, now });
  const series = new Map<string, { x: number[]; y: number[] }>();
  const spec = () =>
    linePlot(
      [...series].map(([name, s]) => ({ name, x: s.x, y: s.y })),
      plotOptions,
    );
  return {
    add(name, x, y) {
      if (typeof name !== "string" || name.length === 0) {
        throw new Error(`liveLineChart: series name must be a non-empty string, got ${name}`);
      }
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        throw new Error(`liveLineChart: point (${x}, ${y}) of '${name}' must be finite numbers`);
      }
      let s = series.get(name);
      if (!s) series.set(name, s = { x: [], y: [] });
      s.x.push(x);
      s.y.push(y);
      return chart.update(spec);
    },
    done: () => chart.done(),
    spec,
    chart,
  };
}

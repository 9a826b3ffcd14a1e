/**
 * Shared plot defaults: sizes, point budgets and the categorical colour palette every
 * builder uses, so that figures across notebooks look alike.
 *
 * @module
 */

/** Tableau 10, the categorical palette of every plot (colour `i` for category `i`). */
export const PLOT_PALETTE: readonly string[] = [
  "#4c78a8",
  "#f58518",
  "#e45756",
  "#72b7b2",
  "#54a24b",
  "#eeca3b",
  "#b279a2",
  "#ff9da6",
  "#9d755d",
  "#bab0ac",
];

/** Defaults shared by all plot builders. */
export interface PlotDefaults {
  /** Width of the plotting area in pixels. */
  width: number;
  /** Height of a single-panel plot in pixels. */
  height: number;
  /** Height of one channel row in a stacked signal plot, in pixels. */
  channelHeight: number;
  /** Height of one lane in a timeline plot, in pixels. */
  laneHeight: number;
  /** Total number of points a signal plot keeps across all traces after downsampling. */
  maxSignalPoints: number;
  /** Points a line or spectrum plot keeps per series after downsampling. */
  maxLinePoints: number;
  /** Points a scatter plot keeps (evenly strided subsample beyond this; each drawn point costs ~290 bytes of SVG). */
  maxScatterPoints: number;
  /** Significant digits kept for inline data values (keeps specs small). */
  digits: number;
  /** Vega colour scheme for continuous colour (heatmaps). */
  sequentialScheme: string;
}

/** The one place where plot defaults live. */
export const PLOT_DEFAULTS: Readonly<PlotDefaults> = Object.freeze({
  width: 600,
  height: 300,
  channelHeight: 90,
  laneHeight: 26,
  maxSignalPoints: 4000,
  maxLinePoints: 2000,
  maxScatterPoints: 2000,
  digits: 5,
  sequentialScheme: "blues",
});

/** The Vega-Lite v5 JSON schema URL every builder stamps on its spec. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

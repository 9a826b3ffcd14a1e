/**
 * Plots as Vega-Lite v5 specs with inline, downsampled data, and showing them in the Deno
 * Jupyter kernel (spec + SVG + text in one MIME bundle) or writing them to SVG files.
 *
 * ```ts
 * const spec = linePlot([{ name: "train", x: [1, 2, 3], y: [0.9, 0.5, 0.4] }], { yLabel: "loss" });
 * await showPlot(spec); // in a notebook cell; in scripts: await writeFigure(spec, "out/loss.svg")
 * ```
 *
 * @module
 */
export { type Band, bandsFromLabels } from "./bands.ts";
export { type Bar, barPlot, type BarPlotOptions } from "./bar_plot.ts";
export { describePlot, type PlotBundle, plotBundle, VEGA_LITE_MIME } from "./bundle.ts";
export { type CombineOptions, combinePlots } from "./combine.ts";
export { lttbIndices, minMaxIndices, strideIndices } from "./decimate.ts";
export { PLOT_DEFAULTS, PLOT_PALETTE, type PlotDefaults, VEGA_LITE_SCHEMA } from "./defaults.ts";
export { heatmapPlot, type HeatmapPlotOptions } from "./heatmap_plot.ts";
export {
  type DisplaySink,
  inJupyterKernel,
  KERNEL_SETTLE_MS,
  kernelDisplaySink,
  newDisplayId,
  settleDisplay,
} from "./jupyter.ts";
export { linePlot, type LinePlotOptions, type LineSeries } from "./line_plot.ts";
export {
  type CompiledPlot,
  compilePlot,
  renderSvg,
  writeFigure,
  type WriteFigureOptions,
} from "./render.ts";
export { type ScatterData, scatterPlot, type ScatterPlotOptions } from "./scatter_plot.ts";
export {
  showMarkdown,
  type ShowMarkdownOptions,
  showPlot,
  type ShowPlotOptions,
  showTable,
  type ShowTableOptions,
} from "./show.ts";
export { signalPlot, type SignalPlotOptions, type SignalTrace } from "./signal_plot.ts";
export { type SpectrumCurve, spectrumPlot, type SpectrumPlotOptions } from "./spectrum_plot.ts";
export { formatTable, type FormattedTable, type TableOptions } from "./table.ts";
export { timelinePlot, type TimelinePlotOptions, type TimelineSegment } from "./timeline_plot.ts";

/**
 * Progress for long work — a terminal bar, compact log lines, or an in-place notebook
 * output — and live charts that redraw a figure in place while work runs.
 *
 * ```ts
 * const bar = progress(epochs, "train");
 * const loss = liveLineChart({ xLabel: "epoch", yLabel: "loss" });
 * for (let e = 1; e <= epochs; e++) {
 *   const l = trainOneEpoch();
 *   bar.tick(1, { loss: l });
 *   await loss.add("train", e, l);
 * }
 * await bar.done();
 * await loss.done();
 * ```
 *
 * @module
 */
export {
  detectProgressMode,
  PROGRESS_ENV_VAR,
  PROGRESS_MODES,
  type ProgressMode,
} from "./environment.ts";
export {
  estimateRemaining,
  formatDuration,
  formatInfo,
  formatProgressHtml,
  formatProgressLine,
  percentDone,
  type ProgressInfo,
  type ProgressState,
} from "./format.ts";
export {
  type LiveChart,
  liveChart,
  type LiveChartOptions,
  type LiveLineChart,
  liveLineChart,
} from "./live_chart.ts";
export { progress, type ProgressOptions, type ProgressReporter } from "./reporter.ts";

/**
 * Pure formatting of progress: durations, time-remaining estimates and the one-line and
 * HTML forms of a progress state.
 *
 * @module
 */

/** Extra numbers or text shown after a progress line, e.g. `{ loss: 0.53 }`. */
export type ProgressInfo = Record<string, number | string> | string;

/** A snapshot of a progress reporter. */
export interface ProgressState {
  /** What is being done, e.g. "train". */
  label: string;
  /** Work done so far. */
  value: number;
  /** Total work. */
  total: number;
  /** Milliseconds since the work started. */
  elapsedMs: number;
  /** Extra numbers or text to show. */
  info?: ProgressInfo;
  /** True once the work is finished. */
  finished?: boolean;
}

/** Formats seconds compactly: "0.4s", "12s", "3m05s", "1h02m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/**
 * Seconds remaining at a constant rate: elapsed · (total − value) / value.
 * Null before any progress (value ≤ 0), where no rate is known.
 */
export function estimateRemaining(value: number, total: number, elapsedMs: number): number | null {
  if (!(value > 0)) return null;
  return ((elapsedMs / 1000) * Math.max(0, total - value)) / value;
}

/** Formats info as "key=value" pairs (numbers to 4 significant digits), or the text itself. */
export function formatInfo(info?: ProgressInfo): string {
  if (info === undefined) return "";
  if (typeof info === "string") return info;
  return Object.entries(info)
    .map(([k, v]) =>
      `${k}=${typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v}`
    )
    .join(" ");
}

/** The percentage done, floored to an integer in [0, 100]. */
export function percentDone(value: number, total: number): number {
  if (!(total > 0)) return 100;
  return Math.max(0, Math.min(100, Math.floor((100 * value) / total)));
}

/** Formats a value or total: integers as is, others to 4 significant digits. */
function amount(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

/**
 * One line for a progress state, e.g.
 * "train 40/100 (40%) 12s elapsed, ETA 18s | loss=0.532", or when finished
 * "train 100/100 (100%) done in 30s | loss=0.2".
 */
export function formatProgressLine(state: ProgressState): string {
  const pct = percentDone(state.value, state.total);
  const elapsed = formatDuration(state.elapsedMs / 1000);
  const eta = estimateRemaining(state.value, state.total, state.elapsedMs);
  const timing = state.finished
    ? `done in ${elapsed}`
    : `${elapsed} elapsed, ETA ${eta === null ? "?" : formatDuration(eta)}`;
  const info = formatInfo(state.info);
  return `${state.label} ${amount(state.value)}/${amount(state.total)} (${pct}%) ${timing}${
    info ? ` | ${info}` : ""
  }`;
}

function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The HTML form of a progress state: a `<progress>` bar followed by the progress line. */
export function formatProgressHtml(state: ProgressState): string {
  const max = state.total > 0 ? state.total : 1;
  const value = Math.min(Math.max(state.value, 0), max);
  return `<div style="font-family:monospace"><progress value="${value}" max="${max}" style="width:30ch;vertical-align:middle"></progress> ${
    escapeHtml(formatProgressLine(state))
  }</div>`;
}

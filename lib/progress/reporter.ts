/**
 * Progress reporting for long work (data generation, training epochs), shown the right way
 * for where the code runs (see {@linkcode detectProgressMode}):
 *
 * - "tty": a redrawn bar on stderr (npm:cli-progress) with percentage, ETA and info.
 * - "lines": a compact line each time another `everyPercent` of the work is done, and one at
 *   the end (for pipes and CI logs, no carriage-return spam).
 * - "jupyter": one notebook output (text + HTML `<progress>` bar) updated in place under a
 *   display id, at most every `minIntervalMs`.
 * - "silent": nothing (tests).
 *
 * @module
 */
import process from "node:process";
import cliProgress from "cli-progress";
import {
  type DisplaySink,
  kernelDisplaySink,
  newDisplayId,
  settleDisplay,
} from "../plot/jupyter.ts";
import { resolveOptions } from "../plot/validate.ts";
import { detectProgressMode, PROGRESS_MODES, type ProgressMode } from "./environment.ts";
import {
  formatInfo,
  formatProgressHtml,
  formatProgressLine,
  percentDone,
  type ProgressInfo,
  type ProgressState,
} from "./format.ts";

/** Options of {@linkcode progress}. */
export interface ProgressOptions {
  /** How to show progress (default "auto": {@linkcode detectProgressMode}). */
  mode?: ProgressMode | "auto";
  /** Lines mode: where each line goes (default: stderr via console.error). */
  write?: (line: string) => void;
  /** Lines mode: print a line each time this many more percent are done (default 10). */
  everyPercent?: number;
  /** Jupyter mode: least milliseconds between output updates (default 250). */
  minIntervalMs?: number;
  /** Clock in milliseconds (default `performance.now`); injectable for tests. */
  now?: () => number;
  /** Jupyter mode: where bundles go (default: the Deno kernel). */
  sink?: DisplaySink | null;
  /** Jupyter mode: display id of the output (default: a fresh one). */
  displayId?: string;
}

/** A running progress report. */
export interface ProgressReporter {
  /** Advances by `n` (default 1) and optionally replaces the info shown. */
  tick(n?: number, info?: ProgressInfo): void;
  /** Sets the amount done to `value` (0 ≤ value ≤ total) and optionally the info. */
  update(value: number, info?: ProgressInfo): void;
  /** Finishes: shows the final state (idempotent). Await it so a notebook shows the last state. */
  done(info?: ProgressInfo): Promise<void>;
  /** Work done so far. */
  readonly value: number;
  /** Total work. */
  readonly total: number;
  /** How this report is shown. */
  readonly mode: ProgressMode;
  /** The current state (label, value, total, elapsed time, info). */
  state(): ProgressState;
}

const DEFAULTS = {
  mode: "auto" as ProgressMode | "auto",
  write: undefined as ((line: string) => void) | undefined,
  everyPercent: 10,
  minIntervalMs: 250,
  now: undefined as (() => number) | undefined,
  sink: undefined as DisplaySink | null | undefined,
  displayId: undefined as string | undefined,
};

/** How one mode draws: called on every change, and once at the end. */
interface Renderer {
  change(state: ProgressState): void;
  finish(state: ProgressState): Promise<void>;
}

/** A mode that draws nothing. */
function silentRenderer(): Renderer {
  return { change() {}, finish: () => Promise.resolve() };
}

/** Lines mode: one line per `everyPercent` crossed, plus the final line. */
function linesRenderer(write: (line: string) => void, everyPercent: number): Renderer {
  let lastStep = 0;
  return {
    change(state) {
      const step = Math.floor(percentDone(state.value, state.total) / everyPercent);
      if (step > lastStep && percentDone(state.value, state.total) < 100) {
        lastStep = step;
        write(formatProgressLine(state));
      }
    },
    finish(state) {
      write(formatProgressLine(state));
      return Promise.resolve();
    },
  };
}

/** Jupyter mode: one output updated in place under a display id, throttled. */
function jupyterRenderer(
  sink: DisplaySink,
  displayId: string,
  minIntervalMs: number,
  now: () => number,
): Renderer {
  let queue: Promise<void> = Promise.resolve();
  let shown = false;
  let lastShownAt = -Infinity;
  let failed = false;
  const send = (state: ProgressState) => {
    const bundle = {
      "text/plain": formatProgressLine(state),
      "text/html": formatProgressHtml(state),
    };
    const update = shown;
    shown = true;
    lastShownAt = now();
    queue = queue.then(() => sink(bundle, { displayId, update })).catch((e) => {
      if (!failed) console.error(`progress: could not update the notebook output: ${e}`);
      failed = true;
    });
  };
  return {
    change(state) {
      if (!shown || now() - lastShownAt >= minIntervalMs) send(state);
    },
    async finish(state) {
      send(state);
      await queue;
      await settleDisplay();
    },
  };
}

/** Minimal typing of the part of npm:cli-progress used here. */
interface CliBar {
  start(total: number, value: number, payload: Record<string, string>): void;
  update(value: number, payload: Record<string, string>): void;
  stop(): void;
}

/** TTY mode: a cli-progress bar on stderr. */
function ttyRenderer(label: string, total: number): Renderer {
  const Bar = cliProgress as unknown as {
    SingleBar: new (options: object, preset: object) => CliBar;
    Presets: { shades_classic: object };
  };
  const bar = new Bar.SingleBar({
    format:
      "{label} |{bar}| {percentage}% | {value}/{total} | {duration_formatted}, ETA {eta_formatted} {info}",
    stream: process.stderr,
    hideCursor: true,
    barsize: 30,
    etaBuffer: 50,
  }, Bar.Presets.shades_classic);
  bar.start(total, 0, { label, info: "" });
  const payload = (s: ProgressState) => ({ label, info: s.info ? `| ${formatInfo(s.info)}` : "" });
  return {
    change(state) {
      bar.update(state.value, payload(state));
    },
    finish(state) {
      bar.update(state.value, payload(state));
      bar.stop();
      return Promise.resolve();
    },
  };
}

/**
 * Starts a progress report for `total` units of work named `label`. Call `tick()` or
 * `update()` as work completes and `await done()` at the end.
 */
export function progress(
  total: number,
  label: string,
  options?: ProgressOptions,
): ProgressReporter {
  const where = `progress '${label}'`;
  const o = resolveOptions("progress", options, DEFAULTS);
  if (typeof label !== "string" || label.length === 0) {
    throw new Error(`progress: label must be a non-empty string, got ${JSON.stringify(label)}`);
  }
  if (!Number.isFinite(total) || total <= 0) {
    throw new Error(`${where}: total must be a finite number > 0, got ${total}`);
  }
  if (!(o.everyPercent > 0 && o.everyPercent <= 100)) {
    throw new Error(`${where}: everyPercent must be in (0, 100], got ${o.everyPercent}`);
  }
  if (!(o.minIntervalMs >= 0)) {
    throw new Error(`${where}: minIntervalMs must be ≥ 0, got ${o.minIntervalMs}`);
  }
  if (o.mode !== "auto" && !PROGRESS_MODES.includes(o.mode)) {
    throw new Error(
      `${where}: mode must be "auto" or one of ${PROGRESS_MODES.join(", ")}, got '${o.mode}'`,
    );
  }
  const now = o.now ?? (() => performance.now());
  let mode: ProgressMode = o.mode === "auto" ? detectProgressMode() : o.mode;
  let renderer: Renderer;
  if (mode === "jupyter") {
    const sink = o.sink === undefined ? kernelDisplaySink() : o.sink;
    if (sink) {
      renderer = jupyterRenderer(
        sink,
        o.displayId ?? newDisplayId("progress"),
        o.minIntervalMs,
        now,
      );
    } else {
      mode = "lines";
      renderer = linesRenderer(o.write ?? console.error, o.everyPercent);
    }
  } else if (mode === "tty") renderer = ttyRenderer(label, total);
  else if (mode === "lines") renderer = linesRenderer(o.write ?? console.error, o.everyPercent);
  else renderer = silentRenderer();

  const start = now();
  let value = 0;
  let info: ProgressInfo | undefined;
  let finished = false;
  const state = (): ProgressState => ({
    label,
    value,
    total,
    elapsedMs: now() - start,
    ...(info !== undefined ? { info } : {}),
    ...(finished ? { finished } : {}),
  });
  const set = (next: number, nextInfo: ProgressInfo | undefined, fn: string) => {
    if (finished) throw new Error(`${where}: ${fn}() after done()`);
    if (!Number.isFinite(next) || next < 0 || next > total) {
      throw new Error(`${where}: ${fn}() would set the value to ${next}; expected 0 … ${total}`);
    }
    value = next;
    if (nextInfo !== undefined) info = nextInfo;
    renderer.change(state());
  };
  renderer.change(state());
  return {
    tick(n = 1, nextInfo) {
      if (!Number.isFinite(n) || n < 0) {
        throw new Error(`${where}: tick(n) needs a finite n ≥ 0, got ${n}`);
      }
      set(value + n, nextInfo, "tick");
    },
    update(next, nextInfo) {
      set(next, nextInfo, "update");
    },
    async done(nextInfo) {
      if (finished) return;
      if (nextInfo !== undefined) info = nextInfo;
      finished = true;
      await renderer.finish(state());
    },
    get value() {
      return value;
    },
    total,
    mode,
    state,
  };
}

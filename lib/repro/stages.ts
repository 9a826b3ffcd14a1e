/**
 * The stages of `deno task repro`, run in order with a progress line and a time estimate
 * each. Every stage adds to the report and to the metrics, which are written at the end.
 *
 * @module
 */
import type { ReproConfig } from "./config.ts";
import type { Report } from "../report/report.ts";
import type { Recording } from "../data/recording.ts";

/** What the stages share while a run goes on. */
export interface ReproContext {
  config: ReproConfig;
  report: Report;
  /** Deterministic results (go to metrics.json). */
  metrics: Record<string, unknown>;
  /** Wall times per stage in seconds (go to run.json, not metrics.json). */
  timings: Record<string, number>;
  /** The data set, once the data stage has run. */
  recordings?: Recording[];
  log: (line: string) => void;
}

/** One stage: a name, a rough duration estimate for the progress line, and its work. */
export interface ReproStage {
  name: string;
  /** Expected seconds on 2 cores (full, quick). */
  estimate: [number, number];
  run: (ctx: ReproContext) => Promise<void>;
}

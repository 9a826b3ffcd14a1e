/**
 * What went into a pipeline run, per experiment: sensors, subjects, recordings, sampling
 * rates, hours, gaps, windows and labels — for the report and metrics.json.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import type { ByoRecording } from "./read_recording.ts";

/** One experiment of the input. */
export interface ExperimentSummary {
  experiment: string;
  sensors: string[];
  subjects: number;
  recordings: number;
  /** Distinct native sampling rates (Hz), ascending. */
  sampleRates: number[];
  /** Total recorded time in hours (sum of the contiguous segments). */
  hours: number;
  /** Gaps (segments beyond the first of each recording). */
  gaps: number;
  /** Recordings with labels (a label column or an events file). */
  labelledRecordings: number;
  windows: number;
  labelledWindows: number;
  /** Labelled windows per label name. */
  labelCounts: Record<string, number>;
}

/** Per-experiment summary of `recordings` and the `windows` cut from them, sorted by experiment. */
export function summarizeInputs(
  recordings: readonly ByoRecording[],
  windows: WindowSet,
  labels: readonly string[],
): ExperimentSummary[] {
  const by = new Map<string, ExperimentSummary & { subjectSet: Set<string> }>();
  const get = (e: string) => {
    let s = by.get(e);
    if (!s) {
      s = {
        experiment: e,
        sensors: [],
        subjects: 0,
        subjectSet: new Set(),
        recordings: 0,
        sampleRates: [],
        hours: 0,
        gaps: 0,
        labelledRecordings: 0,
        windows: 0,
        labelledWindows: 0,
        labelCounts: Object.fromEntries(labels.map((l) => [l, 0])),
      };
      by.set(e, s);
    }
    return s;
  };
  for (const r of recordings) {
    const s = get(r.entry.experiment);
    if (!s.sensors.includes(r.entry.sensor)) s.sensors.push(r.entry.sensor);
    s.subjectSet.add(r.entry.subject);
    s.recordings++;
    if (!s.sampleRates.includes(r.sampleRate)) s.sampleRates.push(r.sampleRate);
    for (const seg of r.segments) s.hours += (seg.end - seg.start) / r.sampleRate / 3600;
    s.gaps += r.segments.length - 1;
    if (r.labels !== null) s.labelledRecordings++;
  }
  for (let i = 0; i < windows.n; i++) {
    const s = get(windows.meta[i].experiment);
    s.windows++;
    const l = windows.labels[i];
    if (l >= 0) {
      s.labelledWindows++;
      s.labelCounts[labels[l]]++;
    }
  }
  return [...by.values()].sort((a, b) => (a.experiment < b.experiment ? -1 : 1)).map((
    { subjectSet, ...s },
  ) => ({
    ...s,
    subjects: subjectSet.size,
    sensors: s.sensors.sort(),
    sampleRates: s.sampleRates.sort((a, b) => a - b),
    hours: Number(s.hours.toPrecision(4)),
  }));
}

/** The summary as a markdown table. */
export function dataSummaryMarkdown(summary: readonly ExperimentSummary[]): string {
  const head = [
    "experiment",
    "sensor",
    "subjects",
    "recordings",
    "rate (Hz)",
    "hours",
    "gaps",
    "labelled recordings",
    "windows",
    "labelled windows",
  ];
  const lines = [
    `| ${head.join(" | ")} |`,
    `| ${head.map((_, i) => (i < 2 ? "---" : "---:")).join(" | ")} |`,
  ];
  for (const s of summary) {
    lines.push(
      `| ${
        [
          s.experiment,
          s.sensors.join(", "),
          s.subjects,
          s.recordings,
          s.sampleRates.join(", "),
          s.hours,
          s.gaps,
          s.labelledRecordings,
          s.windows,
          s.labelledWindows,
        ].join(" | ")
      } |`,
    );
  }
  return lines.join("\n") + "\n";
}

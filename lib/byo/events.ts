/**
 * Label (event) files: a CSV with columns `start,end,label` (times in seconds on the
 * recording's time axis — its time column, or seconds from its first sample when it has
 * none), each row labelling the samples with start ≤ t < end. Samples outside every event
 * are unlabelled. Events must not overlap and must lie within the recording.
 *
 * @module
 */
import { checkFieldCount, parseCsvLines } from "../data/csv_lines.ts";
import { DataError, dataErrorAt, quoteValue } from "../data/data_error.ts";
import { formatFloat64, parseDecimal } from "../data/number_text.ts";

/** One labelled time range. */
export interface LabelEvent {
  /** Start time in seconds (inclusive). */
  start: number;
  /** End time in seconds (exclusive). */
  end: number;
  /** Index of the label in the label set. */
  label: number;
  /** The 1-based line of the events file. */
  line: number;
}

const READ = "Cannot read events";

/** The columns of an events file. */
export const EVENT_COLUMNS: readonly string[] = ["start", "end", "label"];

/**
 * Parses events CSV text; `labels` is the label set, `file` names the source in messages.
 * Throws a one-line {@linkcode DataError} naming the file, line and column on an empty file,
 * a missing column, no rows, a non-numeric time, start ≥ end, an unknown label, or two
 * overlapping events. Returns the events sorted by start.
 */
export function parseEvents(text: string, labels: readonly string[], file: string): LabelEvent[] {
  const { header, rows } = parseCsvLines(text, file, READ, EVENT_COLUMNS.join(","));
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (index.has(h)) throw dataErrorAt(READ, file, 1, h, "column appears twice in the header");
    index.set(h, i);
  });
  for (const c of EVENT_COLUMNS) {
    if (!index.has(c)) {
      throw dataErrorAt(
        READ,
        file,
        1,
        c,
        `missing column; expected columns ${EVENT_COLUMNS.join(",")}`,
      );
    }
  }
  if (rows.length === 0) {
    throw dataErrorAt(READ, file, 2, undefined, "expected at least one event row, found none");
  }
  const events: LabelEvent[] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    checkFieldCount(record, header, READ, file, line);
    const num = (c: string): number => {
      const v = parseDecimal(record[index.get(c)!]);
      if (v === null) {
        throw dataErrorAt(
          READ,
          file,
          line,
          c,
          `expected a finite number of seconds, got ${quoteValue(record[index.get(c)!])}`,
        );
      }
      return v;
    };
    const start = num("start"), end = num("end");
    if (!(end > start)) {
      throw dataErrorAt(
        READ,
        file,
        line,
        "end",
        `expected an end after start ${formatFloat64(start)}, got ${
          quoteValue(record[index.get("end")!])
        }`,
      );
    }
    const name = record[index.get("label")!];
    const label = labels.indexOf(name);
    if (label < 0) {
      throw dataErrorAt(
        READ,
        file,
        line,
        "label",
        `expected one of ${labels.join(", ")} (the label set), got ${quoteValue(name)}`,
      );
    }
    events.push({ start, end, label, line });
  }
  events.sort((a, b) => a.start - b.start);
  for (let k = 1; k < events.length; k++) {
    if (events[k].start < events[k - 1].end) {
      throw dataErrorAt(
        READ,
        file,
        events[k].line,
        "start",
        `expected a start at or after ${
          formatFloat64(events[k - 1].end)
        } (events must not overlap; line ${events[k - 1].line} ends there), got ${
          formatFloat64(events[k].start)
        }`,
      );
    }
  }
  return events;
}

/**
 * Per-sample labels (label index, or -1 outside every event) of samples at times `time`
 * (increasing), from events sorted by start. Throws a {@linkcode DataError} naming `file`,
 * the event's line and column when an event starts before the first sample or ends more than
 * one sample period after the last (`sampleRate` Hz) — a label file out of range.
 *
 * @param recording Names the recording in messages.
 */
export function eventLabels(
  events: readonly LabelEvent[],
  time: Float64Array,
  sampleRate: number,
  file: string,
  recording: string,
): Int8Array {
  const n = time.length;
  const first = time[0], last = time[n - 1];
  const slack = 0.5 / sampleRate;
  const range = `${formatFloat64(first)} … ${
    formatFloat64(Number((last + 1 / sampleRate).toPrecision(12)))
  } s`;
  for (const e of events) {
    if (e.start < first - slack) {
      throw dataErrorAt(
        READ,
        file,
        e.line,
        "start",
        `expected a time within recording ${recording} (${range}), got ${formatFloat64(e.start)}`,
      );
    }
    if (e.end > last + 1 / sampleRate + slack) {
      throw dataErrorAt(
        READ,
        file,
        e.line,
        "end",
        `expected a time within recording ${recording} (${range}), got ${formatFloat64(e.end)}`,
      );
    }
  }
  const out = new Int8Array(n).fill(-1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    while (k < events.length && events[k].end <= t) k++;
    if (k < events.length && events[k].start <= t) out[i] = events[k].label;
  }
  return out;
}

/** Reads and parses an events file ({@linkcode parseEvents}). */
export async function readEvents(path: string, labels: readonly string[]): Promise<LabelEvent[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    const why = e instanceof Deno.errors.NotFound
      ? "the file does not exist"
      : (e as Error).message;
    throw new DataError(`${READ} ${path}: ${why}`, { file: path });
  }
  return parseEvents(text, labels, path);
}

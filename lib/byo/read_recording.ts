/**
 * Reading one of your own recording files as its manifest entry describes it: the mapped
 * channel columns (other columns are ignored), the time column with its gaps, and the labels
 * from a label column or an events file.
 *
 * @module
 */
import { checkFieldCount, parseCsvLines } from "../data/csv_lines.ts";
import { DataError, dataErrorAt, quoteValue } from "../data/data_error.ts";
import { numberField } from "../data/number_text.ts";
import { eventLabels, readEvents } from "./events.ts";
import type { ByoEntry } from "./manifest.ts";
import { type TimeSegment, timeSegments } from "./time_segments.ts";

/** A recording read and checked, at its own sampling rate. */
export interface ByoRecording {
  /** Its manifest entry. */
  entry: ByoEntry;
  /** Sampling rate in Hz (declared, or derived from the time stamps). */
  sampleRate: number;
  /** Time of each sample in seconds (the time column, or index / rate). */
  time: Float64Array;
  /** One signal per mapped channel, in the entry's channel order. */
  signals: Float32Array[];
  /** Label index of each sample (-1: unlabelled), or null when the recording has no labels. */
  labels: Int8Array | null;
  /** Contiguous runs of samples between gaps. */
  segments: TimeSegment[];
}

const READ = "Cannot read recording";

/**
 * Parses the CSV text of the recording `entry` describes; `labels` is the label set and
 * `gapFactor` the gap threshold in sample periods. Throws a one-line {@linkcode DataError}
 * naming the file, line and column on the first problem: an empty file, a missing mapped
 * column, a wrong field count, a non-numeric or non-finite value, an unknown label, time
 * stamps out of order or contradicting the sampling rate.
 */
export function parseByoRecording(
  text: string,
  entry: ByoEntry,
  labels: readonly string[],
  gapFactor: number,
): ByoRecording {
  const file = entry.path;
  const wanted = [
    ...(entry.timeColumn ? [entry.timeColumn] : []),
    ...entry.channels.map((c) => c.column),
    ...(entry.labelColumn && !entry.labelColumnOptional ? [entry.labelColumn] : []),
  ];
  const { header, rows } = parseCsvLines(text, file, READ, wanted.join(","));
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (index.has(h)) throw dataErrorAt(READ, file, 1, h, "column appears twice in the header");
    index.set(h, i);
  });
  const has = `the header has ${header.join(",")}`;
  const need = (column: string, role: string) => {
    if (!index.has(column)) {
      throw dataErrorAt(
        READ,
        file,
        1,
        column,
        `missing column (${role}, manifest ${entry.origin}); ${has}`,
      );
    }
  };
  if (entry.timeColumn) need(entry.timeColumn, "time_column");
  for (const c of entry.channels) need(c.column, `channel ${c.name}`);
  const labelColumn = entry.labelColumn !== null &&
      (!entry.labelColumnOptional || index.has(entry.labelColumn))
    ? entry.labelColumn
    : null;
  if (labelColumn !== null) need(labelColumn, "label_column");
  if (rows.length === 0) {
    throw dataErrorAt(READ, file, 2, undefined, "expected data rows after the header, found none");
  }
  const n = rows.length;
  const time = new Float64Array(n);
  const signals = entry.channels.map(() => new Float32Array(n));
  const lab = labelColumn === null ? null : new Int8Array(n);
  const ti = entry.timeColumn ? index.get(entry.timeColumn)! : -1;
  const ci = entry.channels.map((c) => index.get(c.column)!);
  const li = labelColumn === null ? -1 : index.get(labelColumn)!;
  for (let r = 0; r < n; r++) {
    const { record, info } = rows[r];
    const line = info.lines;
    checkFieldCount(record, header, READ, file, line);
    if (ti >= 0) time[r] = numberField(record[ti], file, line, entry.timeColumn!);
    for (let c = 0; c < ci.length; c++) {
      const column = entry.channels[c].column;
      const v = Math.fround(numberField(record[ci[c]], file, line, column));
      if (!Number.isFinite(v)) {
        throw dataErrorAt(
          READ,
          file,
          line,
          column,
          `expected a number within float32 range, got ${quoteValue(record[ci[c]])}`,
        );
      }
      signals[c][r] = v;
    }
    if (lab !== null) {
      const name = record[li];
      if (name === "") lab[r] = -1;
      else {
        const k = labels.indexOf(name);
        if (k < 0) {
          throw dataErrorAt(
            READ,
            file,
            line,
            labelColumn!,
            `expected one of ${labels.join(", ")} (the label set) or an empty cell, got ${
              quoteValue(name)
            }`,
          );
        }
        lab[r] = k;
      }
    }
  }
  let sampleRate: number;
  let segments: TimeSegment[];
  if (ti < 0) {
    sampleRate = entry.sampleRate!;
    for (let r = 0; r < n; r++) time[r] = r / sampleRate;
    segments = [{ start: 0, end: n }];
  } else {
    const seg = timeSegments(time, entry.sampleRate, gapFactor);
    if (!seg.ok) {
      throw dataErrorAt(READ, file, rows[seg.index].info.lines, entry.timeColumn!, seg.problem);
    }
    sampleRate = seg.sampleRate;
    segments = seg.segments;
  }
  return { entry, sampleRate, time, signals, labels: lab, segments };
}

/**
 * Reads the recording of `entry` (see {@linkcode parseByoRecording}) and, when the entry
 * names an events file, its labels from there. Throws a one-line {@linkcode DataError}
 * naming the recording or events file on the first problem, including a missing file.
 */
export async function readByoRecording(
  entry: ByoEntry,
  labels: readonly string[],
  gapFactor: number,
): Promise<ByoRecording> {
  let text: string;
  try {
    text = await Deno.readTextFile(entry.path);
  } catch (e) {
    const why = e instanceof Deno.errors.NotFound
      ? `the file does not exist (listed in the manifest, ${entry.origin})`
      : (e as Error).message;
    throw new DataError(`${READ} ${entry.path}: ${why}`, { file: entry.path });
  }
  const rec = parseByoRecording(text, entry, labels, gapFactor);
  if (entry.eventsPath !== null) {
    const events = await readEvents(entry.eventsPath, labels);
    rec.labels = eventLabels(events, rec.time, rec.sampleRate, entry.eventsPath, entry.path);
  }
  return rec;
}

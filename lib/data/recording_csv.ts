/**
 * One recording as one CSV file.
 *
 * Header: `time[,mode],<channels…>[,<channel>_clean…]`, e.g.
 * `time,mode,eeg,ecg,gsr,eeg_clean,ecg_clean,gsr_clean`. The `mode` column (mode names,
 * see {@linkcode MODES}) is there only when the recording is labelled, the `_clean` columns
 * only when it carries ground truth. Time is written as the shortest float64 decimal,
 * signals as the shortest float32 decimal, so write → read is bit-identical.
 *
 * The reader accepts the columns in any order, and refuses anything it cannot read exactly:
 * wrong field counts, non-numbers, NaN/Inf, missing or unexpected columns, unknown mode
 * names, time stamps that disagree with the sampling rate, and empty files.
 *
 * @module
 */
import { dirname } from "node:path";
import { stringify } from "csv-stringify/sync";
import { modeIndex, MODES } from "../device/modes.ts";
import { checkFieldCount, parseCsvLines } from "./csv_lines.ts";
import { DataError, dataErrorAt, quoteValue } from "./data_error.ts";
import { formatFloat32, formatFloat64, numberField } from "./number_text.ts";
import type { Recording, RecordingMeta } from "./recording.ts";
import {
  firstTimeMismatch,
  TIME_TOLERANCE_SAMPLES,
  validateRecording,
  validateRecordingMeta,
} from "./validate_recording.ts";

const READ = "Cannot read recording";

/** Suffix of the ground-truth column of a channel: `eeg` → `eeg_clean`. */
export const CLEAN_SUFFIX = "_clean";

/** The header columns of a recording file, in the order the writer uses. */
export function recordingCsvColumns(
  meta: RecordingMeta,
  has: { modes: boolean; clean: boolean },
): string[] {
  return [
    "time",
    ...(has.modes ? ["mode"] : []),
    ...meta.channels,
    ...(has.clean ? meta.channels.map((c) => c + CLEAN_SUFFIX) : []),
  ];
}

/**
 * The CSV text of a recording. Validates it first and throws a {@linkcode DataError} naming
 * `file` and the field when it is malformed (NaN, unequal lengths, times off the rate, …).
 */
export function recordingToCsv(rec: Recording, file = "<text>"): string {
  validateRecording(rec, `Cannot write recording ${file}`);
  const n = rec.time.length;
  const columns = recordingCsvColumns(rec.meta, {
    modes: rec.modes !== null,
    clean: rec.clean !== null,
  });
  const arrays = rec.clean ? [...rec.signals, ...rec.clean] : rec.signals;
  const rows: string[][] = new Array(n + 1);
  rows[0] = columns;
  for (let i = 0; i < n; i++) {
    const row = [formatFloat64(rec.time[i])];
    if (rec.modes) row.push(MODES[rec.modes[i]]);
    for (const a of arrays) row.push(formatFloat32(a[i]));
    rows[i + 1] = row;
  }
  return stringify(rows);
}

/**
 * Parses the CSV text of one recording whose metadata (channels, sampling rate, …) is known,
 * e.g. from the manifest. `file` names the source in error messages.
 */
export function parseRecordingCsv(text: string, meta: RecordingMeta, file = "<text>"): Recording {
  validateRecordingMeta(meta, `${READ} ${file}`);
  const full = recordingCsvColumns(meta, { modes: true, clean: true }).join(",");
  const { header, rows } = parseCsvLines(text, file, READ, full);

  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name)) {
      throw dataErrorAt(READ, file, 1, name, `column appears twice in the header`);
    }
    index.set(name, i);
  });
  const hasMode = index.has("mode");
  const cleanNames = meta.channels.map((c) => c + CLEAN_SUFFIX);
  const cleanPresent = cleanNames.filter((c) => index.has(c));
  const hasClean = cleanPresent.length > 0;
  const expected = recordingCsvColumns(meta, { modes: hasMode, clean: hasClean });
  const expectedText = `expected columns ${expected.join(",")} (channels ${
    meta.channels.join(";")
  }; mode and the _clean columns are optional)`;
  for (const name of expected) {
    if (!index.has(name)) {
      throw dataErrorAt(READ, file, 1, name, `missing column; ${expectedText}`);
    }
  }
  for (const name of header) {
    if (!expected.includes(name)) {
      throw dataErrorAt(READ, file, 1, name, `unexpected column; ${expectedText}`);
    }
  }
  if (rows.length === 0) {
    throw dataErrorAt(READ, file, 2, undefined, `expected data rows after the header, found none`);
  }

  const n = rows.length;
  const time = new Float64Array(n);
  const modes = hasMode ? new Uint8Array(n) : null;
  const signals = meta.channels.map(() => new Float32Array(n));
  const clean = hasClean ? meta.channels.map(() => new Float32Array(n)) : null;
  const ti = index.get("time")!;
  const mi = hasMode ? index.get("mode")! : -1;
  const sig = meta.channels.map((c) => index.get(c)!);
  const cln = hasClean ? cleanNames.map((c) => index.get(c)!) : [];
  const modeList = MODES.join(", ");

  for (let r = 0; r < n; r++) {
    const { record, info } = rows[r];
    const line = info.lines;
    checkFieldCount(record, header, READ, file, line);
    time[r] = numberField(record[ti], file, line, "time");
    if (modes) {
      const m = modeIndex(record[mi]);
      if (m < 0) {
        throw dataErrorAt(
          READ,
          file,
          line,
          "mode",
          `expected one of ${modeList}, got ${quoteValue(record[mi])}`,
        );
      }
      modes[r] = m;
    }
    const float32At = (col: number): number => {
      const v = Math.fround(numberField(record[col], file, line, header[col]));
      if (!Number.isFinite(v)) {
        throw dataErrorAt(
          READ,
          file,
          line,
          header[col],
          `expected a number within float32 range, got ${quoteValue(record[col])}`,
        );
      }
      return v;
    };
    for (let c = 0; c < sig.length; c++) signals[c][r] = float32At(sig[c]);
    for (let c = 0; c < cln.length; c++) clean![c][r] = float32At(cln[c]);
  }

  const bad = firstTimeMismatch(time, meta.sampleRate);
  if (bad >= 0) {
    const want = time[0] + bad / meta.sampleRate;
    throw dataErrorAt(
      READ,
      file,
      rows[bad].info.lines,
      "time",
      `expected ${
        formatFloat64(want)
      } ± ${TIME_TOLERANCE_SAMPLES} sample (sample ${bad} at sample_rate ${meta.sampleRate} Hz), got ${
        quoteValue(rows[bad].record[ti])
      }`,
    );
  }
  return { meta: { ...meta, channels: [...meta.channels] }, time, modes, signals, clean };
}

/** Writes one recording as CSV to `path`, creating the parent folder if needed. */
export async function writeRecording(path: string, rec: Recording): Promise<void> {
  const text = recordingToCsv(rec, path);
  await Deno.mkdir(dirname(path), { recursive: true });
  await Deno.writeTextFile(path, text);
}

/** Reads one recording CSV file; `meta` (usually from the manifest) gives channels and rate. */
export async function readRecording(path: string, meta: RecordingMeta): Promise<Recording> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new DataError(`${READ} ${path}: the file does not exist`, { file: path });
    }
    throw new DataError(`${READ} ${path}: ${(e as Error).message}`, { file: path });
  }
  return parseRecordingCsv(text, meta, path);
}

/**
 * The manifest of your own recordings (CSV or JSON): one row per recording file, saying which
 * experiment, sensor, subject and session it is, how it was sampled, which columns hold which
 * channels, and where its labels are.
 *
 * CSV columns (JSON: an array of objects with the same keys, or `{"recordings": [...]}`;
 * `channels` may then also be an object `{"eeg": "Fp1"}` and `sample_rate` a number):
 *
 * | column         | required | meaning                                                           |
 * | -------------- | -------- | ----------------------------------------------------------------- |
 * | `file`         | yes      | recording CSV, relative to the manifest's folder (or absolute)    |
 * | `experiment`   | yes      | experiment id                                                     |
 * | `sensor`       | yes      | sensor id                                                         |
 * | `subject`      | yes      | subject id (the same id in two experiments is the same person)   |
 * | `session`      | yes      | session id                                                        |
 * | `sample_rate`  | one of   | Hz; with `time_column` too, the time stamps are checked against it |
 * | `time_column`  | the two  | column of time stamps in seconds (gaps allowed); derives the rate |
 * | `channels`     | yes      | `name=column;…`, e.g. `eeg=Fp1;ecg=ECG_II;gsr=EDA`               |
 * | `label_column` | no       | column of per-sample labels (empty cell: unlabelled sample)       |
 * | `events`       | no       | CSV `start,end,label` (seconds), relative to the manifest         |
 *
 * The data-set manifest written by `deno task data` (`file,experiment,sensor,driver,session,
 * sample_rate,channels,samples`) is read too: its `time` column is the time column, its `mode`
 * column (when the file has one) the label column.
 *
 * @module
 */
import { dirname, extname, isAbsolute, join } from "node:path";
import { checkFieldCount, parseCsvLines } from "../data/csv_lines.ts";
import { DataError, dataErrorAt, quoteValue } from "../data/data_error.ts";
import { parseManifest as parseDatasetManifest } from "../data/manifest.ts";
import { parseDecimal } from "../data/number_text.ts";
import { NAME_PATTERN } from "../data/validate_recording.ts";
import {
  CHANNEL_MAP_RULE,
  type ChannelMapping,
  channelMapProblem,
  parseChannelMap,
} from "./channel_map.ts";

/** One recording of the manifest. */
export interface ByoEntry {
  /** The file as written in the manifest. */
  file: string;
  /** The file's path (resolved against the manifest's folder). */
  path: string;
  experiment: string;
  sensor: string;
  subject: string;
  session: string;
  /** Declared sampling rate in Hz, or null to derive it from `timeColumn`. */
  sampleRate: number | null;
  /** Column of time stamps in seconds, or null (time = sample index / rate). */
  timeColumn: string | null;
  /** Common channel name → file column. */
  channels: ChannelMapping[];
  /** Column of per-sample labels, or null. */
  labelColumn: string | null;
  /** Whether a missing label column just means "unlabelled" (data-set manifests). */
  labelColumnOptional: boolean;
  /** Events file as written in the manifest, or null. */
  events: string | null;
  /** Its resolved path, or null. */
  eventsPath: string | null;
  /** Where the entry is: e.g. "manifest.csv line 3" or "manifest.json recordings[2]". */
  origin: string;
}

/** The manifest's columns (CSV) or keys (JSON). */
export const BYO_MANIFEST_FIELDS: readonly string[] = [
  "file",
  "experiment",
  "sensor",
  "subject",
  "session",
  "sample_rate",
  "time_column",
  "channels",
  "label_column",
  "events",
];

/** Fields every row must fill. */
const REQUIRED = ["file", "experiment", "sensor", "subject", "session", "channels"];

/** A parsed manifest: the entries of the rows that are fine, and one problem per bad row. */
export interface ByoManifest {
  /** The manifest's path. */
  path: string;
  /** Good rows, in order. */
  entries: ByoEntry[];
  /** One line per bad row (its first problem), and per duplicate. */
  problems: string[];
}

const READ = "Cannot read manifest";

/** The value of one field of one row, before checking. */
type RawValue = string | number | Record<string, unknown> | null | undefined | unknown;

/**
 * Checks one row's raw fields and builds its entry; `at(field)` gives the location prefix of
 * a message about that field. Throws a {@linkcode DataError} on the row's first problem.
 */
function entryOf(
  raw: Record<string, RawValue>,
  manifestPath: string,
  at: (field?: string) => string,
  origin: string,
): ByoEntry {
  const fail = (field: string, expected: string): never => {
    const v = raw[field];
    const got = v === undefined || v === null || v === ""
      ? "nothing"
      : typeof v === "string"
      ? quoteValue(v)
      : JSON.stringify(v);
    throw new DataError(`${at(field)}: expected ${expected}, got ${got}`, {
      file: manifestPath,
      column: field,
    });
  };
  const text = (field: string): string | null => {
    const v = raw[field];
    if (v === undefined || v === null || v === "") return null;
    if (typeof v !== "string") fail(field, "a string");
    return (v as string).trim() === "" ? null : (v as string).trim();
  };
  for (const f of REQUIRED) {
    if (f !== "channels" && text(f) === null) fail(f, "a value (the field is required)");
  }
  const ids: Record<string, string> = {};
  for (const f of ["experiment", "sensor", "subject", "session"]) {
    ids[f] = text(f)!;
    if (!NAME_PATTERN.test(ids[f])) fail(f, "an id of letters, digits, '_', '.', '-'");
  }
  let sampleRate: number | null = null;
  const rateRaw = raw.sample_rate;
  if (rateRaw !== undefined && rateRaw !== null && rateRaw !== "") {
    sampleRate = typeof rateRaw === "number"
      ? rateRaw
      : typeof rateRaw === "string"
      ? parseDecimal(rateRaw.trim())
      : null;
    if (sampleRate === null || !(sampleRate > 0) || !Number.isFinite(sampleRate)) {
      fail("sample_rate", "a positive number of Hz");
    }
  }
  const timeColumn = text("time_column");
  if (sampleRate === null && timeColumn === null) {
    fail("sample_rate", "a sampling rate in Hz, or a time_column to derive it from");
  }
  let channels: ChannelMapping[];
  const ch = raw.channels;
  if (ch === undefined || ch === null || ch === "") fail("channels", CHANNEL_MAP_RULE);
  if (typeof ch === "string") {
    const parsed = parseChannelMap(ch);
    if (typeof parsed === "string") fail("channels", parsed);
    channels = parsed as ChannelMapping[];
  } else if (ch !== null && typeof ch === "object" && !Array.isArray(ch)) {
    channels = Object.entries(ch as Record<string, unknown>).map(([name, column]) => {
      if (typeof column !== "string") fail("channels", "an object of channel name → column name");
      return { name, column: (column as string).trim() };
    });
    const problem = channelMapProblem(channels);
    if (problem !== null) fail("channels", problem);
  } else {
    channels = fail("channels", `${CHANNEL_MAP_RULE}, or an object {"eeg": "Fp1"}`);
  }
  const labelColumn = text("label_column");
  const events = text("events");
  if (labelColumn !== null && events !== null) {
    fail("events", "either label_column or events, not both");
  }
  const used = new Map<string, string>();
  for (const m of channels) used.set(m.column, `channel ${m.name}`);
  for (const [field, column] of [["time_column", timeColumn], ["label_column", labelColumn]]) {
    if (column !== null && used.has(column)) {
      fail(field!, `a column not also used as ${used.get(column)}`);
    }
    if (column !== null) used.set(column, field!);
  }
  const file = text("file")!;
  const base = dirname(manifestPath);
  const resolve = (p: string) => (isAbsolute(p) ? p : join(base, p));
  return {
    file,
    path: resolve(file),
    experiment: ids.experiment,
    sensor: ids.sensor,
    subject: ids.subject,
    session: ids.session,
    sampleRate,
    timeColumn,
    channels,
    labelColumn,
    labelColumnOptional: false,
    events,
    eventsPath: events === null ? null : resolve(events),
    origin,
  };
}

/** Appends a problem for each duplicate file or recording key; returns the unique entries. */
function dropDuplicates(entries: ByoEntry[], problems: string[], manifestPath: string): ByoEntry[] {
  const byFile = new Map<string, ByoEntry>(), byKey = new Map<string, ByoEntry>();
  const out: ByoEntry[] = [];
  for (const e of entries) {
    const key =
      `experiment ${e.experiment}, sensor ${e.sensor}, subject ${e.subject}, session ${e.session}`;
    const sameFile = byFile.get(e.path), sameKey = byKey.get(key);
    if (sameFile) {
      problems.push(
        `${READ} ${manifestPath}: ${e.origin}: file '${e.file}' is already listed (${sameFile.origin}); expected each recording once`,
      );
    } else if (sameKey) {
      problems.push(
        `${READ} ${manifestPath}: ${e.origin}: duplicate recording (${key}), already listed (${sameKey.origin})`,
      );
    } else {
      byFile.set(e.path, e);
      byKey.set(key, e);
      out.push(e);
    }
  }
  return out;
}

/** Parses manifest CSV text (see the module doc); `path` locates files and names messages. */
export function parseByoManifestCsv(text: string, path: string): ByoManifest {
  const { header, rows } = parseCsvLines(text, path, READ, BYO_MANIFEST_FIELDS.join(","));
  if (
    header.includes("driver") && header.includes("samples") && !header.includes("subject")
  ) return datasetManifest(text, path);
  const seen = new Set<string>();
  for (const name of header) {
    if (!BYO_MANIFEST_FIELDS.includes(name)) {
      throw dataErrorAt(
        READ,
        path,
        1,
        name,
        `unknown column; expected columns among ${BYO_MANIFEST_FIELDS.join(",")}`,
      );
    }
    if (seen.has(name)) {
      throw dataErrorAt(READ, path, 1, name, "column appears twice in the header");
    }
    seen.add(name);
  }
  for (const name of REQUIRED) {
    if (!seen.has(name)) {
      throw dataErrorAt(
        READ,
        path,
        1,
        name,
        `missing column; required: ${REQUIRED.join(",")} and sample_rate or time_column`,
      );
    }
  }
  if (!seen.has("sample_rate") && !seen.has("time_column")) {
    throw dataErrorAt(
      READ,
      path,
      1,
      "sample_rate",
      "missing column; need sample_rate or time_column",
    );
  }
  if (rows.length === 0) {
    throw dataErrorAt(READ, path, 2, undefined, "expected one row per recording, found none");
  }
  const problems: string[] = [];
  const entries: ByoEntry[] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    try {
      checkFieldCount(record, header, READ, path, line);
      const raw: Record<string, string> = {};
      header.forEach((h, i) => (raw[h] = record[i]));
      const at = (field?: string) =>
        `${READ} ${path}: line ${line}${field ? `, column ${field}` : ""}`;
      entries.push(entryOf(raw, path, at, `line ${line}`));
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(e.message);
    }
  }
  return { path, entries: dropDuplicates(entries, problems, path), problems };
}

/** Parses manifest JSON text (see the module doc); `path` locates files and names messages. */
export function parseByoManifestJson(text: string, path: string): ByoManifest {
  if (text.trim() === "") {
    throw new DataError(`${READ} ${path}: the file is empty; expected a JSON array of recordings`, {
      file: path,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${READ} ${path}: malformed JSON: ${(e as Error).message}`, { file: path });
  }
  let list: unknown = value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const extra = keys.find((k) => k !== "recordings");
    if (extra !== undefined) {
      throw new DataError(
        `${READ} ${path}: unknown field '${extra}'; expected an array of recordings or {"recordings": [...]}`,
        { file: path, column: extra },
      );
    }
    list = (value as Record<string, unknown>).recordings;
  }
  if (!Array.isArray(list) || list.length === 0) {
    throw new DataError(
      `${READ} ${path}: expected a non-empty array of recordings (or {"recordings": [...]})`,
      { file: path },
    );
  }
  const problems: string[] = [];
  const entries: ByoEntry[] = [];
  list.forEach((item, i) => {
    const origin = `recordings[${i}]`;
    const at = (field?: string) => `${READ} ${path}: ${origin}${field ? `, field ${field}` : ""}`;
    try {
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        throw new DataError(`${at()}: expected an object with fields ${REQUIRED.join(", ")}`, {
          file: path,
        });
      }
      for (const k of Object.keys(item)) {
        if (!BYO_MANIFEST_FIELDS.includes(k)) {
          throw new DataError(
            `${at(k)}: unknown field; expected fields among ${BYO_MANIFEST_FIELDS.join(", ")}`,
            { file: path, column: k },
          );
        }
      }
      entries.push(entryOf(item as Record<string, unknown>, path, at, origin));
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(e.message);
    }
  });
  return { path, entries: dropDuplicates(entries, problems, path), problems };
}

/** A data-set manifest of `deno task data` (lib/data format) as pipeline entries. */
function datasetManifest(text: string, path: string): ByoManifest {
  const rows = parseDatasetManifest(text, path);
  const base = dirname(path);
  const entries = rows.map((r): ByoEntry => ({
    file: r.file,
    path: join(base, r.file),
    experiment: r.meta.experiment,
    sensor: r.meta.sensor,
    subject: r.meta.driver,
    session: r.meta.session,
    sampleRate: r.meta.sampleRate,
    timeColumn: "time",
    channels: r.meta.channels.map((c) => ({ name: c, column: c })),
    labelColumn: "mode",
    labelColumnOptional: true,
    events: null,
    eventsPath: null,
    origin: `line ${r.line}`,
  }));
  return { path, entries, problems: [] };
}

/**
 * Reads a manifest file: `.json` as JSON, anything else as CSV. Throws a one-line
 * {@linkcode DataError} when the file is missing, empty or structurally malformed (no
 * header, unknown column, no rows); problems of single rows are returned in `problems`.
 */
export async function readByoManifest(path: string): Promise<ByoManifest> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    const why = e instanceof Deno.errors.NotFound
      ? "the file does not exist"
      : e instanceof Deno.errors.IsADirectory
      ? "it is a folder; expected a CSV or JSON file"
      : (e as Error).message;
    throw new DataError(`${READ} ${path}: ${why}`, { file: path });
  }
  return extname(path).toLowerCase() === ".json"
    ? parseByoManifestJson(text, path)
    : parseByoManifestCsv(text, path);
}

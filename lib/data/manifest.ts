/**
 * The manifest of a data set: `manifest.csv` in the data-set folder, one row per recording
 * file, with columns `file,experiment,sensor,driver,session,sample_rate,channels,samples`
 * (`file` relative to the folder, `channels` joined with `;`). Further columns are allowed
 * and kept, per entry, in `extra`.
 *
 * @module
 */
import { stringify } from "csv-stringify/sync";
import { checkFieldCount, parseCsvLines } from "./csv_lines.ts";
import { DataError, dataErrorAt, quoteValue } from "./data_error.ts";
import { formatFloat64, parseDecimal } from "./number_text.ts";
import type { RecordingMeta } from "./recording.ts";
import {
  CHANNEL_NAME_RULE,
  isChannelName,
  NAME_PATTERN,
  validateRecordingMeta,
} from "./validate_recording.ts";

/** The manifest's file name inside a data-set folder. */
export const MANIFEST_FILE = "manifest.csv";

/** The manifest's required columns, in the order the writer uses. */
export const MANIFEST_COLUMNS: readonly string[] = [
  "file",
  "experiment",
  "sensor",
  "driver",
  "session",
  "sample_rate",
  "channels",
  "samples",
];

/** One manifest row: which file holds which recording, and how long it is. */
export interface ManifestEntry {
  /** Path of the recording file relative to the data-set folder, with `/` separators. */
  file: string;
  /** The recording's metadata. */
  meta: RecordingMeta;
  /** Number of samples (data rows) in the file. */
  samples: number;
  /** Values of any further manifest columns, by column name. */
  extra: Record<string, string>;
  /** The 1-based manifest line the entry was read from (absent for entries made in memory). */
  line?: number;
}

const READ = "Cannot read manifest";

/**
 * Whether `file` is a safe relative path inside the data-set folder: `/`-separated parts of
 * letters, digits, `_`, `.`, `-`, none of them `.` or `..`.
 */
export function isDatasetRelativePath(file: string): boolean {
  const parts = file.split("/");
  return parts.every((p) => NAME_PATTERN.test(p) && p !== "." && p !== "..");
}

/** The key that identifies a recording within a data set: experiment, sensor, driver, session. */
export function recordingKey(meta: RecordingMeta): string {
  return `experiment ${meta.experiment}, sensor ${meta.sensor}, driver ${meta.driver}, session ${meta.session}`;
}

/** Parses manifest CSV text; `file` names the source in error messages. */
export function parseManifest(text: string, file = "<text>"): ManifestEntry[] {
  const { header, rows } = parseCsvLines(text, file, READ, MANIFEST_COLUMNS.join(","));
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name)) {
      throw dataErrorAt(READ, file, 1, name, `column appears twice in the header`);
    }
    index.set(name, i);
  });
  for (const name of MANIFEST_COLUMNS) {
    if (!index.has(name)) {
      throw dataErrorAt(
        READ,
        file,
        1,
        name,
        `missing column; expected columns ${MANIFEST_COLUMNS.join(",")}`,
      );
    }
  }
  if (rows.length === 0) {
    throw dataErrorAt(READ, file, 2, undefined, `expected one row per recording, found none`);
  }
  const extraNames = header.filter((h) => !MANIFEST_COLUMNS.includes(h));
  const byFile = new Map<string, number>();
  const byKey = new Map<string, number>();
  const entries: ManifestEntry[] = [];

  for (const { record, info } of rows) {
    const line = info.lines;
    checkFieldCount(record, header, READ, file, line);
    const field = (name: string): string => {
      const v = record[index.get(name)!];
      if (v === "") {
        throw dataErrorAt(READ, file, line, name, `expected a value, got an empty field`);
      }
      return v;
    };
    const fail = (name: string, expected: string): never => {
      throw dataErrorAt(
        READ,
        file,
        line,
        name,
        `expected ${expected}, got ${quoteValue(record[index.get(name)!])}`,
      );
    };
    const path = field("file");
    if (!isDatasetRelativePath(path)) {
      fail("file", "a path relative to the data-set folder ('/'-separated, no '..')");
    }
    const ids: Record<string, string> = {};
    for (const key of ["experiment", "sensor", "driver", "session"]) {
      ids[key] = field(key);
      if (!NAME_PATTERN.test(ids[key])) fail(key, "an id of letters, digits, '_', '.', '-'");
    }
    const rate = parseDecimal(field("sample_rate"));
    if (rate === null || !(rate > 0)) fail("sample_rate", "a positive number of Hz");
    const channels = field("channels").split(";");
    const seen = new Set<string>();
    for (const ch of channels) {
      if (!isChannelName(ch) || seen.has(ch)) {
        fail("channels", `distinct channel ${CHANNEL_NAME_RULE}, joined with ';'`);
      }
      seen.add(ch);
    }
    const samplesText = field("samples");
    if (!/^\d+$/.test(samplesText) || Number(samplesText) < 1) {
      fail("samples", "a positive whole number");
    }
    const meta: RecordingMeta = {
      experiment: ids.experiment,
      sensor: ids.sensor,
      driver: ids.driver,
      session: ids.session,
      sampleRate: rate!,
      channels,
    };
    const dupFile = byFile.get(path);
    if (dupFile !== undefined) {
      throw dataErrorAt(READ, file, line, "file", `'${path}' duplicates line ${dupFile}`);
    }
    const key = recordingKey(meta);
    const dupKey = byKey.get(key);
    if (dupKey !== undefined) {
      throw dataErrorAt(
        READ,
        file,
        line,
        undefined,
        `duplicate recording (${key}) already listed on line ${dupKey}`,
      );
    }
    byFile.set(path, line);
    byKey.set(key, line);
    const extra: Record<string, string> = {};
    for (const name of extraNames) extra[name] = record[index.get(name)!];
    entries.push({ file: path, meta, samples: Number(samplesText), extra, line });
  }
  return entries;
}

/**
 * The manifest CSV text of some entries: the standard columns, then every `extra` column
 * in order of first appearance (empty where an entry lacks it).
 */
export function formatManifest(entries: ManifestEntry[]): string {
  const extraNames: string[] = [];
  for (const e of entries) {
    for (const k of Object.keys(e.extra ?? {})) {
      if (MANIFEST_COLUMNS.includes(k)) {
        throw new DataError(`Cannot write manifest: extra column '${k}' is a standard column`);
      }
      if (!extraNames.includes(k)) extraNames.push(k);
    }
  }
  const rows: string[][] = [[...MANIFEST_COLUMNS, ...extraNames]];
  for (const e of entries) {
    validateRecordingMeta(e.meta, `Cannot write manifest: entry ${e.file}`);
    if (!isDatasetRelativePath(e.file)) {
      throw new DataError(
        `Cannot write manifest: file ${
          JSON.stringify(e.file)
        }: expected a path relative to the data-set folder`,
      );
    }
    if (!(Number.isInteger(e.samples) && e.samples >= 1)) {
      throw new DataError(
        `Cannot write manifest: entry ${e.file}: samples: expected a positive whole number, got ${e.samples}`,
      );
    }
    rows.push([
      e.file,
      e.meta.experiment,
      e.meta.sensor,
      e.meta.driver,
      e.meta.session,
      formatFloat64(e.meta.sampleRate),
      e.meta.channels.join(";"),
      String(e.samples),
      ...extraNames.map((k) => e.extra?.[k] ?? ""),
    ]);
  }
  return stringify(rows);
}

/** Reads and validates a manifest file. */
export async function readManifest(path: string): Promise<ManifestEntry[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new DataError(`${READ} ${path}: the file does not exist`, { file: path });
    }
    throw new DataError(`${READ} ${path}: ${(e as Error).message}`, { file: path });
  }
  return parseManifest(text, path);
}

/** Writes a manifest file. */
export async function writeManifest(path: string, entries: ManifestEntry[]): Promise<void> {
  await Deno.writeTextFile(path, formatManifest(entries));
}

/**
 * A data set on disk: a folder with one CSV file per recording (see `recording_csv.ts`) and
 * a `manifest.csv` listing them (see `manifest.ts`).
 *
 * @module
 */
import { join } from "node:path";
import { DataError } from "./data_error.ts";
import {
  isDatasetRelativePath,
  MANIFEST_FILE,
  type ManifestEntry,
  readManifest,
  recordingKey,
  writeManifest,
} from "./manifest.ts";
import type { Recording, RecordingMeta } from "./recording.ts";
import { readRecording, writeRecording } from "./recording_csv.ts";
import { validateRecording } from "./validate_recording.ts";

/** Optional extras for {@linkcode writeDataset}. */
export interface DatasetExtras {
  /**
   * The file path (relative to the folder, `/`-separated) of recording `index`; default
   * {@linkcode defaultRecordingFile}.
   */
  fileName?: (meta: RecordingMeta, index: number) => string;
  /** Further manifest columns for recording `index` (e.g. a generator seed). */
  columns?: (rec: Recording, index: number) => Record<string, string>;
  /** Further text files to write in the folder, by relative path (e.g. `README.md`). */
  files?: Record<string, string>;
}

/** The default file of a recording: `<experiment>/<driver>-<session>-<sensor>.csv`. */
export function defaultRecordingFile(meta: RecordingMeta): string {
  return `${meta.experiment}/${meta.driver}-${meta.session}-${meta.sensor}.csv`;
}

/**
 * Writes recordings as a data set in `dir` (created if needed): one CSV per recording, then
 * `manifest.csv`, then any extra files. Validates everything before writing anything;
 * throws a {@linkcode DataError} on malformed or duplicate recordings or clashing file names.
 * Returns the manifest entries written.
 */
export async function writeDataset(
  dir: string,
  recordings: Recording[],
  extra: DatasetExtras = {},
): Promise<ManifestEntry[]> {
  const where = `Cannot write data set ${dir}`;
  const known = new Set(["fileName", "columns", "files"]);
  for (const k of Object.keys(extra)) {
    if (!known.has(k)) {
      throw new DataError(`${where}: unknown extra '${k}'; expected ${[...known].join(", ")}`);
    }
  }
  if (recordings.length === 0) throw new DataError(`${where}: expected at least one recording`);
  const fileName = extra.fileName ?? defaultRecordingFile;
  const byFile = new Map<string, number>();
  const byKey = new Map<string, number>();
  const entries: ManifestEntry[] = [];
  recordings.forEach((rec, i) => {
    validateRecording(rec, `${where}: recording ${i}`);
    const file = fileName(rec.meta, i);
    if (!isDatasetRelativePath(file) || file === MANIFEST_FILE) {
      throw new DataError(
        `${where}: recording ${i}: file name ${
          JSON.stringify(file)
        }: expected a relative path ('/'-separated parts of letters, digits, '_', '.', '-') other than ${MANIFEST_FILE}`,
      );
    }
    const key = recordingKey(rec.meta);
    if (byKey.has(key)) {
      throw new DataError(
        `${where}: recording ${i} (${key}) duplicates recording ${byKey.get(key)}`,
      );
    }
    if (byFile.has(file)) {
      throw new DataError(
        `${where}: recording ${i}: file '${file}' is also the file of recording ${
          byFile.get(file)
        }`,
      );
    }
    byKey.set(key, i);
    byFile.set(file, i);
    entries.push({
      file,
      meta: { ...rec.meta, channels: [...rec.meta.channels] },
      samples: rec.time.length,
      extra: extra.columns ? extra.columns(rec, i) : {},
    });
  });
  for (const f of Object.keys(extra.files ?? {})) {
    if (!isDatasetRelativePath(f) || f === MANIFEST_FILE || byFile.has(f)) {
      throw new DataError(
        `${where}: extra file ${
          JSON.stringify(f)
        }: expected a relative path not used by the manifest or a recording`,
      );
    }
  }
  await Deno.mkdir(dir, { recursive: true });
  for (let i = 0; i < recordings.length; i++) {
    await writeRecording(join(dir, entries[i].file), recordings[i]);
  }
  await writeManifest(join(dir, MANIFEST_FILE), entries);
  for (const [f, text] of Object.entries(extra.files ?? {})) {
    await Deno.mkdir(join(dir, f, ".."), { recursive: true });
    await Deno.writeTextFile(join(dir, f), text);
  }
  return entries;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/**
 * Reads the data set in `dir`: its manifest, then every recording it lists, in manifest
 * order. Throws a {@linkcode DataError} naming file, line and field on the first problem:
 * a malformed manifest, a missing file, a malformed recording, or a sample count that
 * disagrees with the manifest.
 */
export async function readDataset(dir: string): Promise<Recording[]> {
  const manifestPath = join(dir, MANIFEST_FILE);
  const entries = await readManifest(manifestPath);
  for (const e of entries) {
    if (!(await isFile(join(dir, e.file)))) {
      throw new DataError(
        `Cannot read manifest ${manifestPath}: line ${e.line}, column file: expected an existing file, '${e.file}' does not exist in ${dir}`,
        { file: manifestPath, line: e.line, column: "file" },
      );
    }
  }
  const recordings: Recording[] = [];
  for (const e of entries) {
    const path = join(dir, e.file);
    const rec = await readRecording(path, e.meta);
    if (rec.time.length !== e.samples) {
      throw new DataError(
        `Cannot read recording ${path}: expected ${e.samples} samples (${MANIFEST_FILE} line ${e.line}, column samples), got ${rec.time.length} data rows`,
        { file: path, column: "samples" },
      );
    }
    recordings.push(rec);
  }
  return recordings;
}

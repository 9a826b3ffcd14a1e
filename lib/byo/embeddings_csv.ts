/**
 * The embeddings of every window as CSV: one row per window with its origin and label, then
 * the embedding `e0 … e{d-1}` (shortest float32 decimals, so reading back is exact), and —
 * when a classifier was applied — its predicted label.
 *
 * @module
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { DataError, dataErrorAt, quoteValue } from "../data/data_error.ts";
import { formatFloat32, formatFloat64, parseDecimal } from "../data/number_text.ts";
import type { WindowSet } from "../data/window_set.ts";

/** The columns before the embedding. */
export const EMBEDDING_ID_COLUMNS: readonly string[] = [
  "file",
  "experiment",
  "sensor",
  "subject",
  "session",
  "start_s",
  "label",
];

/** One row of an embeddings file, without the embedding. */
export interface EmbeddingRow {
  file: string;
  experiment: string;
  sensor: string;
  subject: string;
  session: string;
  /** Start of the window in seconds on its recording's time axis. */
  start: number;
  /** Label name, or null when the window is unlabelled. */
  label: string | null;
  /** Predicted label name, or null when no classifier was applied. */
  predicted: string | null;
}

/**
 * The CSV text of the embeddings `z` ([n, d] row-major) of `windows`: columns
 * {@linkcode EMBEDDING_ID_COLUMNS}, `e0…e{d-1}`, then `predicted` when `predicted` is given.
 * `files[r]` is the file of recording `r` (`meta.recording`), `labels` the label names.
 */
export function embeddingsCsv(
  windows: WindowSet,
  z: Float32Array,
  files: readonly string[],
  labels: readonly string[],
  predicted: Int32Array | null = null,
): string {
  const n = windows.n;
  if (n === 0 || z.length % n !== 0) {
    throw new Error(`embeddingsCsv: expected [${n}, d] embeddings, got ${z.length} values`);
  }
  if (predicted !== null && predicted.length !== n) {
    throw new Error(`embeddingsCsv: expected ${n} predictions, got ${predicted.length}`);
  }
  const d = z.length / n;
  const header = [
    ...EMBEDDING_ID_COLUMNS,
    ...Array.from({ length: d }, (_, k) => `e${k}`),
    ...(predicted ? ["predicted"] : []),
  ];
  const rows: string[][] = [header];
  for (let i = 0; i < n; i++) {
    const m = windows.meta[i];
    const file = files[m.recording];
    if (file === undefined) throw new Error(`embeddingsCsv: no file for recording ${m.recording}`);
    const row = [
      file,
      m.experiment,
      m.sensor,
      m.driver,
      m.session,
      formatFloat64(Number(m.start.toPrecision(12))),
      windows.labels[i] >= 0 ? labels[windows.labels[i]] : "",
    ];
    for (let k = 0; k < d; k++) row.push(formatFloat32(z[i * d + k]));
    if (predicted) row.push(labels[predicted[i]]);
    rows.push(row);
  }
  return stringify(rows);
}

/**
 * Parses an embeddings CSV ({@linkcode embeddingsCsv}); `file` names it in messages. Returns
 * the rows, the embeddings `z` ([n, d] row-major) and d. Throws a one-line
 * {@linkcode DataError} naming the line and column of the first malformed field.
 */
export function parseEmbeddingsCsv(
  text: string,
  file = "<text>",
): { rows: EmbeddingRow[]; z: Float32Array; d: number } {
  const READ = "Cannot read embeddings";
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new DataError(`${READ} ${file}: malformed CSV: ${(e as Error).message}`, { file });
  }
  if (records.length < 2) throw new DataError(`${READ} ${file}: expected a header and rows`);
  const header = records[0];
  EMBEDDING_ID_COLUMNS.forEach((c, i) => {
    if (header[i] !== c) {
      throw dataErrorAt(READ, file, 1, c, `expected column ${i + 1} to be '${c}'`);
    }
  });
  const hasPredicted = header[header.length - 1] === "predicted";
  const d = header.length - EMBEDDING_ID_COLUMNS.length - (hasPredicted ? 1 : 0);
  const z = new Float32Array((records.length - 1) * d);
  const rows = records.slice(1).map((r, i): EmbeddingRow => {
    const line = i + 2;
    if (r.length !== header.length) {
      throw dataErrorAt(READ, file, line, undefined, `expected ${header.length} fields`);
    }
    const num = (k: number): number => {
      const v = parseDecimal(r[k]);
      if (v === null) {
        throw dataErrorAt(
          READ,
          file,
          line,
          header[k],
          `expected a number, got ${quoteValue(r[k])}`,
        );
      }
      return v;
    };
    for (let k = 0; k < d; k++) z[i * d + k] = num(EMBEDDING_ID_COLUMNS.length + k);
    return {
      file: r[0],
      experiment: r[1],
      sensor: r[2],
      subject: r[3],
      session: r[4],
      start: num(5),
      label: r[6] === "" ? null : r[6],
      predicted: hasPredicted ? r[r.length - 1] : null,
    };
  });
  return { rows, z, d };
}

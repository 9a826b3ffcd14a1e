/**
 * CSV text → records with their 1-based line numbers, via `csv-parse` (the npm CSV parser
 * that stands in for the unreachable `jsr:@std/csv`). Shared by the recording and manifest
 * readers so that every error can name its line.
 *
 * @module
 */
import { parse } from "csv-parse/sync";
import { dataErrorAt } from "./data_error.ts";

/** One parsed CSV record and the line it ends on (1-based; the header is line 1). */
export interface CsvLine {
  /** The fields, trimmed of surrounding spaces. */
  record: string[];
  /** `lines`: the 1-based line number. */
  info: { lines: number };
}

/**
 * Parses CSV text into a header and data rows with line numbers. Blank lines are skipped;
 * rows may have any field count (callers check it to give their own message). Throws a
 * {@linkcode DataError} prefixed by `action` and `file` when the text is empty or malformed.
 *
 * @param expectedHeader The header the caller wants, quoted in the message for an empty file.
 */
export function parseCsvLines(
  text: string,
  file: string,
  action: string,
  expectedHeader: string,
): { header: string[]; rows: CsvLine[] } {
  if (text.trim() === "") {
    throw dataErrorAt(
      action,
      file,
      undefined,
      undefined,
      `the file is empty; expected a header line '${expectedHeader}'`,
    );
  }
  let records: CsvLine[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      trim: true,
    }) as unknown as CsvLine[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw dataErrorAt(action, file, line, undefined, `malformed CSV: ${(e as Error).message}`);
  }
  return { header: records[0].record, rows: records.slice(1) };
}

/**
 * Throws the standard one-line error unless a data row has exactly one field per header
 * column: "`where` FILE: line L: expected 3 fields (a,b,c), got 2".
 */
export function checkFieldCount(
  record: readonly string[],
  header: readonly string[],
  where: string,
  file: string,
  line: number,
): void {
  if (record.length !== header.length) {
    throw dataErrorAt(
      where,
      file,
      line,
      undefined,
      `expected ${header.length} fields (${header.join(",")}), got ${record.length}`,
    );
  }
}

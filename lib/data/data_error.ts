/**
 * The error every reader, writer and validator in `lib/data/` throws for bad input.
 *
 * Its message is one line that names the file (or object), the line and the field, what was
 * expected and what was found, e.g.
 * `Cannot read recording data/e2/s1.csv: line 14, column gsr: expected a number, got 'x'`.
 * Scripts catch it, print `message` alone and exit non-zero.
 *
 * @module
 */

/** Where in a file a problem was found; every part is optional. */
export interface DataErrorLocation {
  /** The file path as the caller gave it. */
  file?: string;
  /** 1-based line number in the file. */
  line?: number;
  /** Column (field) name. */
  column?: string;
}

/** Bad input data: a malformed file, a missing field, a value out of range. */
export class DataError extends Error {
  /** The file the problem is in, when there is one. */
  readonly file?: string;
  /** The 1-based line number, when known. */
  readonly line?: number;
  /** The column (field) name, when known. */
  readonly column?: string;

  /** Creates an error with a ready-made one-line message and optional location fields. */
  constructor(message: string, location: DataErrorLocation = {}) {
    super(message.replace(/\s*\n\s*/g, " "));
    this.name = "DataError";
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
  }
}

/** Quotes a found value for an error message, shortening very long ones. */
export function quoteValue(value: string): string {
  const v = value.length > 40 ? value.slice(0, 37) + "..." : value;
  return `'${v}'`;
}

/**
 * Builds a {@linkcode DataError} with the standard message
 * `<action> <file>: line <n>, column <c>: <problem>`; `line` and `column` are optional.
 *
 * @param action What was being done, e.g. "Cannot read recording".
 */
export function dataErrorAt(
  action: string,
  file: string,
  line: number | undefined,
  column: string | undefined,
  problem: string,
): DataError {
  const where = [
    line !== undefined ? `line ${line}` : "",
    column !== undefined ? `column ${column}` : "",
  ].filter((s) => s).join(", ");
  return new DataError(`${action} ${file}: ${where ? where + ": " : ""}${problem}`, {
    file,
    line,
    column,
  });
}

/**
 * Exact number ↔ text for CSV files: the shortest decimal that reads back to the very same
 * float32 (signals) or float64 (time), and a strict decimal parser that rejects everything
 * `Number()` would silently accept (empty strings, hex, whitespace, "Infinity").
 *
 * Reading a float32 is `Math.fround(Number(text))`; {@linkcode formatFloat32} checks its
 * output through exactly that path, so write → read is bit-identical by construction.
 *
 * @module
 */
import { dataErrorAt, quoteValue } from "./data_error.ts";

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function roundTrips32(x: number, digits: number): boolean {
  return Math.fround(Number(x.toPrecision(digits))) === x;
}

/**
 * The shortest decimal text (at most 9 significant digits) that reads back, through
 * `Math.fround(Number(text))`, to exactly the float32 `x`. Throws on NaN or ±Infinity.
 */
export function formatFloat32(x: number): string {
  if (!Number.isFinite(x)) {
    throw new RangeError(`formatFloat32: expected a finite number, got ${x}`);
  }
  const f = Math.fround(x);
  if (f !== x) throw new RangeError(`formatFloat32: ${x} is not a float32 value`);
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  // Noisy float32 data mostly needs 8 or 9 digits: test those first, then bisect below.
  if (!roundTrips32(f, 8)) return String(Number(f.toPrecision(9)));
  let lo = 1, hi = 8;
  if (!roundTrips32(f, 7)) lo = 8;
  else hi = 7;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (roundTrips32(f, mid)) hi = mid;
    else lo = mid + 1;
  }
  // Number → String drops trailing zeros and picks plain or exponent notation.
  return String(Number(f.toPrecision(lo)));
}

/** The shortest decimal text that reads back to exactly the float64 `x` (JavaScript's own). */
export function formatFloat64(x: number): string {
  if (!Number.isFinite(x)) {
    throw new RangeError(`formatFloat64: expected a finite number, got ${x}`);
  }
  return Object.is(x, -0) ? "-0" : String(x);
}

/** Whether the text is a plain decimal number (`12`, `-0.5`, `.25`, `1e-7`), whatever its size. */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text);
}

/**
 * Parses a plain decimal number (`12`, `-0.5`, `.25`, `1e-7`) and returns it as a float64,
 * or `null` when the text is anything else (empty, spaces, `NaN`, `Infinity`, `0x10`, `1,5`),
 * or when it overflows to ±Infinity.
 */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

/** Whether the text spells a non-finite number (NaN, Inf, Infinity, in any case and sign). */
export function isNonFiniteText(text: string): boolean {
  return /^[+-]?(nan|inf|infinity)$/i.test(text.trim());
}

/**
 * Parses one numeric CSV field or throws the standard one-line error
 * "`where` FILE: line L, column C: expected a number, got 'x'" (or "a finite number" for
 * NaN, ±Inf and decimals that overflow).
 */
export function numberField(
  text: string,
  file: string,
  line: number,
  column: string,
  where = "Cannot read recording",
): number {
  const v = parseDecimal(text);
  if (v !== null) return v;
  // A decimal that parseDecimal still refused overflowed to ±Infinity.
  const nonFinite = isNonFiniteText(text) || isDecimalText(text);
  throw dataErrorAt(
    where,
    file,
    line,
    column,
    `expected ${nonFinite ? "a finite number" : "a number"}, got ${quoteValue(text)}`,
  );
}

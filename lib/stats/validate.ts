/**
 * Input checks shared by the statistics and feature functions: every public function checks
 * its arrays and numbers up front and throws a one-line error naming itself and the field.
 *
 * @module
 */

/**
 * Throws unless `x` is a Float32Array of at least `minLength` finite samples. `where` names
 * the caller and field, e.g. "welchPsd: signal".
 */
export function checkSignal(x: unknown, where: string, minLength = 1): asserts x is Float32Array {
  if (!(x instanceof Float32Array)) {
    const got = x === null
      ? "null"
      : Array.isArray(x)
      ? "an Array"
      : typeof x === "object"
      ? (x as object).constructor?.name ?? "an object"
      : typeof x;
    throw new Error(`${where}: expected a Float32Array, got ${got}`);
  }
  if (x.length < minLength) {
    throw new Error(`${where}: expected at least ${minLength} samples, got ${x.length}`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new Error(`${where}: expected finite numbers, got ${x[i]} at sample ${i}`);
    }
  }
}

/** Throws unless `a` and `b` have the same length. */
export function checkSameLength(
  a: Float32Array,
  b: Float32Array,
  where: string,
): void {
  if (a.length !== b.length) {
    throw new Error(`${where}: expected equal lengths, got ${a.length} and ${b.length}`);
  }
}

/** Throws unless `v` is a finite number > 0. */
export function checkPositive(v: unknown, where: string): asserts v is number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw new Error(`${where}: expected a finite number > 0, got ${String(v)}`);
  }
}

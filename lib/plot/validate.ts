/**
 * Input checks shared by the plot builders: option objects with unknown keys, arrays of
 * mismatched length and non-finite numbers are rejected with a one-line error that names
 * the builder and the field.
 *
 * @module
 */

/**
 * Merges `options` over `defaults`, rejecting keys that `defaults` does not have.
 * Keys whose value is `undefined` keep the default.
 */
export function resolveOptions<D extends object>(
  where: string,
  options: object | undefined,
  defaults: D,
): D {
  if (options === undefined) return { ...defaults };
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new Error(`${where}: options must be an object, got ${describeValue(options)}`);
  }
  const allowed = Object.keys(defaults);
  const out = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    if (!allowed.includes(key)) {
      throw new Error(
        `${where}: unknown option '${key}'; expected one of ${allowed.join(", ")}`,
      );
    }
    if (value === undefined) continue;
    const fallback = (defaults as Record<string, unknown>)[key];
    if (fallback !== undefined && !sameKind(fallback, value)) {
      throw new Error(
        `${where}: option ${key} must be ${kindOf(fallback)}, got ${describeValue(value)}`,
      );
    }
    out[key] = value;
  }
  return out as D;
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (typeof v === "number") return "a number";
  return `a ${typeof v}`;
}

function sameKind(fallback: unknown, value: unknown): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value);
  if (typeof fallback === "number") return typeof value === "number" && !Number.isNaN(value);
  if (typeof fallback === "object" && fallback !== null) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }
  return typeof value === typeof fallback;
}

/** Throws unless `value` is a finite number ≥ `min` (and an integer when `integer`). */
export function checkNumber(
  where: string,
  name: string,
  value: unknown,
  { min = -Infinity, integer = false }: { min?: number; integer?: boolean } = {},
): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new Error(
      `${where}: ${name} must be a finite number${min > -Infinity ? ` ≥ ${min}` : ""}, got ${
        describeValue(value)
      }`,
    );
  }
  if (integer && !Number.isInteger(value)) {
    throw new Error(`${where}: ${name} must be an integer, got ${value}`);
  }
  return value;
}

/** Throws unless `values` is an array-like of finite numbers; returns it. */
export function checkFinite(
  where: string,
  name: string,
  values: unknown,
): ArrayLike<number> {
  if (
    values === null || typeof values !== "object" ||
    typeof (values as ArrayLike<number>).length !== "number"
  ) {
    throw new Error(`${where}: ${name} must be an array of numbers, got ${describeValue(values)}`);
  }
  const arr = values as ArrayLike<unknown>;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new Error(`${where}: ${name}[${i}] is ${describeValue(v)}; expected a finite number`);
    }
  }
  return arr as ArrayLike<number>;
}

/** Throws unless `a` and `b` have the same length. */
export function checkSameLength(
  where: string,
  nameA: string,
  a: ArrayLike<unknown>,
  nameB: string,
  b: ArrayLike<unknown>,
): void {
  if (a.length !== b.length) {
    throw new Error(
      `${where}: ${nameA} has ${a.length} elements but ${nameB} has ${b.length}; expected equal lengths`,
    );
  }
}

/** Throws unless `value` is a non-empty string. */
export function checkLabel(where: string, name: string, value: unknown): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new Error(`${where}: ${name} must be a non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws unless `values` is a non-empty array. */
export function checkNonEmpty<T>(where: string, name: string, values: unknown): readonly T[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new Error(`${where}: ${name} must be a non-empty array, got ${describeValue(values)}`);
  }
  return values as T[];
}

/** A short printable form of a value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `'${value.length > 40 ? value.slice(0, 40) + "…" : value}'`;
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value === "object" ? "an object" : String(value);
}

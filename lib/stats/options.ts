/**
 * Merging user options over typed defaults, rejecting unknown keys and wrongly typed values
 * with a one-line error that names the function and the option.
 *
 * @module
 */

/**
 * Returns `defaults` overridden by the keys of `given`. Throws when `given` has a key that
 * `defaults` lacks, or a value whose type differs from the default's (numbers must also be
 * finite). Defaults that are `null` or objects accept any value; callers check those.
 */
export function resolveOptions<T extends object>(
  defaults: T,
  given: Partial<T> | undefined,
  where: string,
): T {
  if (given === undefined) return { ...defaults };
  if (given === null || typeof given !== "object" || Array.isArray(given)) {
    throw new Error(`${where}: options must be an object, got ${describe(given)}`);
  }
  const out = { ...defaults } as Record<string, unknown>;
  const known = Object.keys(defaults);
  for (const [key, value] of Object.entries(given)) {
    if (!known.includes(key)) {
      throw new Error(
        `${where}: unknown option "${key}" (expected one of ${known.join(", ")})`,
      );
    }
    if (value === undefined) continue;
    const def = (defaults as Record<string, unknown>)[key];
    if (def !== null && typeof def !== "object" && typeof value !== typeof def) {
      throw new Error(
        `${where}: option "${key}" must be a ${typeof def}, got ${describe(value)}`,
      );
    }
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new Error(`${where}: option "${key}" must be a finite number, got ${value}`);
    }
    out[key] = value;
  }
  return out as T;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `"${v}"`;
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}

/**
 * Mean ± standard deviation of repeated measurements (e.g. a score over seeds).
 *
 * @module
 */

/** A mean with its sample standard deviation and the number of values. */
export interface MeanSdStat {
  mean: number;
  /** Sample standard deviation √(Σ(x−x̄)²/(n−1)); NaN when n = 1. */
  sd: number;
  n: number;
}

/**
 * Mean and sample standard deviation (n − 1 in the denominator) of `values`; sd is NaN for a
 * single value. Throws on an empty list or a non-finite value.
 */
export function meanSd(values: ArrayLike<number>): MeanSdStat {
  const n = values?.length;
  if (!(typeof n === "number" && n >= 1)) {
    throw new Error(`meanSd: expected at least one value, got ${n ?? String(values)}`);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) {
      throw new Error(`meanSd: value ${i} is ${values[i]}; expected a finite number`);
    }
    sum += values[i];
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN, n };
}

/** "0.812 ± 0.031" (or "0.812" when sd is NaN), with `digits` decimals. */
export function formatMeanSd(
  m: { mean: number; sd: number | null },
  digits = 3,
): string {
  const mean = m.mean.toFixed(digits);
  return m.sd === null || Number.isNaN(m.sd) ? mean : `${mean} ± ${m.sd.toFixed(digits)}`;
}

/**
 * Z-score normalisation: subtract the mean, divide by the (population) standard deviation.
 *
 * @module
 */

/**
 * Mean and population standard deviation (float64 accumulation) of `count` values of `x`
 * starting at `offset`, `stride` apart.
 */
export function meanStd(
  x: ArrayLike<number>,
  offset = 0,
  count = x.length,
  stride = 1,
): { mean: number; std: number } {
  if (count <= 0) throw new RangeError(`meanStd: expected count ≥ 1, got ${count}`);
  let s = 0;
  for (let i = 0, k = offset; i < count; i++, k += stride) s += x[k];
  const mean = s / count;
  let ss = 0;
  for (let i = 0, k = offset; i < count; i++, k += stride) {
    const d = x[k] - mean;
    ss += d * d;
  }
  return { mean, std: Math.sqrt(ss / count) };
}

/**
 * Z-scores, in place, `count` values of `x` from `offset`, `stride` apart:
 * x ← (x − mean) / std. A constant run (std 0) becomes all zeros.
 */
export function zscoreInPlace(x: Float32Array, offset = 0, count = x.length, stride = 1): void {
  const { mean, std } = meanStd(x, offset, count, stride);
  const inv = std > 0 ? 1 / std : 0;
  for (let i = 0, k = offset; i < count; i++, k += stride) x[k] = (x[k] - mean) * inv;
}

/** A z-scored copy of `x` (mean 0, standard deviation 1; all zeros when `x` is constant). */
export function zscore(x: Float32Array): Float32Array {
  const y = x.slice();
  zscoreInPlace(y);
  return y;
}

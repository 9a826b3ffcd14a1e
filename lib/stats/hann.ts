/**
 * The Hann window used by the Welch PSD estimator.
 *
 * @module
 */

/**
 * The periodic Hann window of length `n`: w[i] = 0.5 − 0.5·cos(2πi/n), i = 0…n−1 (the
 * "DFT-even" form spectral estimators use, as scipy's `get_window("hann", n)`).
 */
export function hannWindow(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`hannWindow: length must be an integer ≥ 1, got ${n}`);
  }
  const w = new Float64Array(n);
  if (n === 1) {
    w[0] = 1;
    return w;
  }
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  return w;
}

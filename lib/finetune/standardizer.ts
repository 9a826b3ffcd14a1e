/**
 * Standardising feature matrices (z-scores per column) with missing-value imputation, fitted on
 * training rows and applied unchanged to test rows.
 *
 * @module
 */

/** Per-column statistics of the training rows. */
export interface Standardizer {
  /** Number of columns. */
  dims: number;
  /** Mean of each column over its finite training values (0 when a column has none). */
  mean: Float64Array;
  /** Standard deviation of each column (population); 1 where it is 0 or undefined. */
  scale: Float64Array;
}

/** Throws unless `x` is a Float32Array of `rows` × d values with d ≥ 1; returns d. */
export function matrixDims(fn: string, name: string, x: Float32Array, rows: number): number {
  if (!(x instanceof Float32Array)) {
    throw new Error(`${fn}: ${name} must be a Float32Array [n, d] (row-major)`);
  }
  if (!(Number.isInteger(rows) && rows >= 1)) {
    throw new Error(`${fn}: ${name} needs at least one row, got ${rows}`);
  }
  if (x.length === 0 || x.length % rows !== 0) {
    throw new Error(
      `${fn}: ${name} has ${x.length} values, not a whole number of rows for ${rows} samples`,
    );
  }
  return x.length / rows;
}

function checkNoInfinity(fn: string, name: string, x: Float32Array, d: number): void {
  for (let i = 0; i < x.length; i++) {
    if (x[i] === Infinity || x[i] === -Infinity) {
      throw new Error(
        `${fn}: ${name}[${Math.floor(i / d)}][${i % d}] is ${
          x[i]
        }; expected a finite number or NaN (missing)`,
      );
    }
  }
}

/**
 * Fits the column means and standard deviations of `x` ([rows, d]), ignoring NaN (missing)
 * entries. A column with no finite value gets mean 0; a constant column gets scale 1 (it
 * becomes 0 after standardising). Throws on ±Infinity.
 */
export function fitStandardizer(x: Float32Array, rows: number): Standardizer {
  const fn = "fitStandardizer";
  const d = matrixDims(fn, "x", x, rows);
  checkNoInfinity(fn, "x", x, d);
  const mean = new Float64Array(d), count = new Float64Array(d), m2 = new Float64Array(d);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      if (Number.isNaN(v)) continue;
      count[j]++;
      const delta = v - mean[j]; // Welford's update
      mean[j] += delta / count[j];
      m2[j] += delta * (v - mean[j]);
    }
  }
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const sd = count[j] > 0 ? Math.sqrt(m2[j] / count[j]) : 0;
    scale[j] = sd > 0 ? sd : 1;
  }
  return { dims: d, mean, scale };
}

/**
 * (x − mean) / scale per column, with NaN (missing) entries imputed by the training mean,
 * i.e. set to 0 after standardising. Throws when the column count differs from the fit or on
 * ±Infinity.
 */
export function applyStandardizer(s: Standardizer, x: Float32Array, rows: number): Float32Array {
  const fn = "applyStandardizer";
  const d = matrixDims(fn, "x", x, rows);
  if (d !== s.dims) {
    throw new Error(`${fn}: x has ${d} columns, the standardizer was fitted on ${s.dims}`);
  }
  checkNoInfinity(fn, "x", x, d);
  const out = new Float32Array(x.length);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      out[i * d + j] = Number.isNaN(v) ? 0 : (v - s.mean[j]) / s.scale[j];
    }
  }
  return out;
}

/**
 * Downsampling for plotting: pick a subset of sample indices so that a long series draws
 * like the full one with far fewer points.
 *
 * - {@linkcode minMaxIndices}: per bucket, the minimum and the maximum (a min/max variant of
 *   M4, Jugel et al. 2014, "M4: A Visualization-Oriented Time Series Data Aggregation",
 *   PVLDB 7(10)). Every local extreme that defines the drawn envelope is kept exactly,
 *   including the global minimum and maximum, so spikes and artefacts never vanish.
 * - {@linkcode lttbIndices}: Largest-Triangle-Three-Buckets (Steinarsson 2013, "Downsampling
 *   Time Series for Visual Representation", MSc thesis, Univ. of Iceland): per bucket the
 *   point forming the largest triangle with its neighbours' picks; keeps the shape of smooth
 *   curves (loss curves) with fewer points.
 * - {@linkcode strideIndices}: every k-th index, for unordered points (scatter).
 *
 * Written here rather than taken from npm (`downsample`) because the builders need the
 * chosen *indices* (to carry per-sample categories along) over typed arrays, and a
 * min/max variant that keeps extremes exactly.
 *
 * @module
 */

function checkBudget(where: string, maxPoints: number, min: number): void {
  if (!Number.isInteger(maxPoints) || maxPoints < min) {
    throw new Error(`${where}: maxPoints must be an integer ≥ ${min}, got ${maxPoints}`);
  }
}

/** All indices 0…n−1. */
function allIndices(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Min/max decimation: indices (ascending) of the first and last sample plus the minimum and
 * maximum of each of ⌊(maxPoints − 2)/2⌋ equal-count buckets. Returns at most `maxPoints`
 * indices; returns every index when the series already fits. Ties pick the first occurrence.
 */
export function minMaxIndices(values: ArrayLike<number>, maxPoints: number): Uint32Array {
  checkBudget("minMaxIndices", maxPoints, 4);
  const n = values.length;
  if (n <= maxPoints) return allIndices(n);
  const buckets = Math.floor((maxPoints - 2) / 2);
  const picked: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const lo = Math.floor((b * n) / buckets);
    const hi = Math.floor(((b + 1) * n) / buckets);
    let iMin = lo, iMax = lo;
    for (let i = lo + 1; i < hi; i++) {
      if (values[i] < values[iMin]) iMin = i;
      if (values[i] > values[iMax]) iMax = i;
    }
    const first = Math.min(iMin, iMax), second = Math.max(iMin, iMax);
    if (first !== picked[picked.length - 1]) picked.push(first);
    if (second !== first) picked.push(second);
  }
  if (picked[picked.length - 1] !== n - 1) picked.push(n - 1);
  return Uint32Array.from(picked);
}

/**
 * Largest-Triangle-Three-Buckets: `maxPoints` indices (ascending) of points (x[i], y[i])
 * that keep the visual shape; the first and last points are always kept. `x` must be
 * sorted ascending. Returns every index when the series already fits.
 */
export function lttbIndices(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  maxPoints: number,
): Uint32Array {
  checkBudget("lttbIndices", maxPoints, 3);
  if (x.length !== y.length) {
    throw new Error(`lttbIndices: x has ${x.length} elements but y has ${y.length}`);
  }
  const n = y.length;
  if (n <= maxPoints) return allIndices(n);
  const out = new Uint32Array(maxPoints);
  const every = (n - 2) / (maxPoints - 2);
  let a = 0;
  out[0] = 0;
  for (let k = 0; k < maxPoints - 2; k++) {
    // Average of the next bucket (the third triangle vertex).
    const nextLo = Math.floor((k + 1) * every) + 1;
    const nextHi = Math.min(Math.floor((k + 2) * every) + 1, n);
    let avgX = 0, avgY = 0;
    for (let i = nextLo; i < nextHi; i++) {
      avgX += x[i];
      avgY += y[i];
    }
    const count = Math.max(1, nextHi - nextLo);
    avgX /= count;
    avgY /= count;
    // Point of this bucket with the largest triangle area.
    const lo = Math.floor(k * every) + 1;
    const hi = Math.floor((k + 1) * every) + 1;
    const ax = x[a], ay = y[a];
    let best = lo, bestArea = -1;
    for (let i = lo; i < hi; i++) {
      const area = Math.abs((ax - avgX) * (y[i] - ay) - (ax - x[i]) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    out[k + 1] = best;
    a = best;
  }
  out[maxPoints - 1] = n - 1;
  return out;
}

/** Every ⌈n / maxPoints⌉-th index starting at 0 (at most `maxPoints` indices). */
export function strideIndices(n: number, maxPoints: number): Uint32Array {
  checkBudget("strideIndices", maxPoints, 1);
  if (n <= maxPoints) return allIndices(n);
  const step = Math.ceil(n / maxPoints);
  const out = new Uint32Array(Math.ceil(n / step));
  for (let k = 0; k < out.length; k++) out[k] = k * step;
  return out;
}

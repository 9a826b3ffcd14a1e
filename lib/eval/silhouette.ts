/**
 * The silhouette of a labelled embedding (Rousseeuw, "Silhouettes: a graphical aid to the
 * interpretation and validation of cluster analysis", J. Comput. Appl. Math. 20, 1987).
 *
 * For point i of cluster A, with d a distance:
 *
 *   a(i) = mean of d(i, j) over the other points j of A,
 *   b(i) = min over clusters C ≠ A of the mean of d(i, j) over j in C,
 *   s(i) = (b(i) − a(i)) / max(a(i), b(i)),   and s(i) = 0 when A has only i.
 *
 * The silhouette is the mean of s(i) over all points: near 1 when the labels form tight,
 * separate clusters, near 0 when they overlap, negative when points sit closer to another
 * label's points. Of an embedding by mode: higher is better; by sensor: lower means the
 * embedding does not separate sensors.
 *
 * @module
 */
import { Rng } from "../random/rng.ts";
import { resolveOptions } from "../stats/options.ts";

/** Distances {@linkcode silhouette} supports. */
export type SilhouetteMetric = "euclidean" | "cosine";

/** Options of {@linkcode silhouette}. */
export interface SilhouetteOptions {
  /** "euclidean" ‖x − y‖, or "cosine" 1 − x·y / (‖x‖‖y‖). */
  metric: SilhouetteMetric;
  /** At most this many points are used (cost grows as n²): a seeded uniform subsample. */
  maxPoints: number;
  /** Seed of the subsample. */
  seed: number;
}

/** Defaults: euclidean, at most 2000 points, seed 0. */
export const DEFAULT_SILHOUETTE_OPTIONS: Readonly<SilhouetteOptions> = Object.freeze({
  metric: "euclidean",
  maxPoints: 2000,
  seed: 0,
});

/** What {@linkcode silhouette} returns. */
export interface SilhouetteResult {
  /** Mean silhouette s(i) over the points used. */
  score: number;
  /** Mean s(i) of each label's points (keys are the labels as strings). */
  byLabel: Record<string, number>;
  /** Number of points used (after subsampling). */
  points: number;
}

/**
 * The mean silhouette of `embeddings` (row-major [n, d], d = length / n) grouped by
 * `labels` (n class indices ≥ 0 or strings), with the per-label means. Needs at least two
 * distinct labels among the points used. Throws on shape mismatches, non-finite values,
 * negative numeric labels (unlabelled windows: select labelled ones first), zero vectors with
 * the cosine metric, or bad options.
 */
export function silhouette(
  embeddings: Float32Array,
  labels: ArrayLike<number | string>,
  options?: Partial<SilhouetteOptions>,
): SilhouetteResult {
  const fn = "silhouette";
  const o = resolveOptions(DEFAULT_SILHOUETTE_OPTIONS, options, fn);
  if (o.metric !== "euclidean" && o.metric !== "cosine") {
    throw new Error(`${fn}: option metric must be "euclidean" or "cosine", got "${o.metric}"`);
  }
  if (!(Number.isInteger(o.maxPoints) && o.maxPoints >= 2)) {
    throw new Error(`${fn}: option maxPoints must be an integer ≥ 2, got ${o.maxPoints}`);
  }
  if (!(embeddings instanceof Float32Array)) {
    throw new Error(`${fn}: embeddings must be a Float32Array [n, d]`);
  }
  const n = labels?.length;
  if (!(typeof n === "number" && n >= 2)) {
    throw new Error(`${fn}: expected labels for at least 2 points, got ${n ?? String(labels)}`);
  }
  if (embeddings.length === 0 || embeddings.length % n !== 0) {
    throw new Error(
      `${fn}: embeddings has ${embeddings.length} values, not a multiple of the ${n} labels`,
    );
  }
  const d = embeddings.length / n;
  for (let i = 0; i < embeddings.length; i++) {
    if (!Number.isFinite(embeddings[i])) {
      throw new Error(
        `${fn}: embeddings[${Math.floor(i / d)}][${i % d}] is ${
          embeddings[i]
        }; expected a finite number`,
      );
    }
  }
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (typeof v === "number" ? !(Number.isInteger(v) && v >= 0) : typeof v !== "string") {
      throw new Error(
        `${fn}: labels[${i}] is ${JSON.stringify(v)}; expected a class index ≥ 0 or a string`,
      );
    }
    keys.push(String(v));
  }

  let points = Array.from({ length: n }, (_, i) => i);
  if (n > o.maxPoints) {
    points = new Rng(o.seed).shuffle(points).slice(0, o.maxPoints).sort((a, b) => a - b);
  }
  const m = points.length;
  const names = [...new Set(points.map((i) => keys[i]))].sort();
  if (names.length < 2) {
    throw new Error(
      `${fn}: all ${m} points have the label '${names[0]}'; expected at least 2 labels`,
    );
  }
  const cluster = Int32Array.from(points, (i) => names.indexOf(keys[i]));
  const size = new Float64Array(names.length);
  for (const c of cluster) size[c]++;

  // Rows of the points used, unit-normalised for the cosine metric.
  const rows = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    const src = points[r] * d;
    let norm = 0;
    for (let j = 0; j < d; j++) {
      rows[r * d + j] = embeddings[src + j];
      norm += embeddings[src + j] ** 2;
    }
    if (o.metric === "cosine") {
      if (norm === 0) {
        throw new Error(
          `${fn}: point ${points[r]} is the zero vector; the cosine metric needs ≠ 0`,
        );
      }
      const inv = 1 / Math.sqrt(norm);
      for (let j = 0; j < d; j++) rows[r * d + j] *= inv;
    }
  }
  const K = names.length;
  const sums = new Float64Array(m * K); // sums[r, c] = Σ distances from point r to cluster c
  for (let r = 0; r < m; r++) {
    for (let q = r + 1; q < m; q++) {
      let dist = 0;
      if (o.metric === "cosine") {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += rows[r * d + j] * rows[q * d + j];
        dist = 1 - dot;
      } else {
        for (let j = 0; j < d; j++) dist += (rows[r * d + j] - rows[q * d + j]) ** 2;
        dist = Math.sqrt(dist);
      }
      sums[r * K + cluster[q]] += dist;
      sums[q * K + cluster[r]] += dist;
    }
  }
  const byLabelSum = new Float64Array(K);
  let total = 0;
  for (let r = 0; r < m; r++) {
    const own = cluster[r];
    let s = 0;
    if (size[own] > 1) {
      const a = sums[r * K + own] / (size[own] - 1);
      let b = Infinity;
      for (let c = 0; c < K; c++) if (c !== own) b = Math.min(b, sums[r * K + c] / size[c]);
      const denominator = Math.max(a, b);
      s = denominator === 0 ? 0 : (b - a) / denominator;
    }
    byLabelSum[own] += s;
    total += s;
  }
  const byLabel: Record<string, number> = {};
  names.forEach((name, c) => byLabel[name] = byLabelSum[c] / size[c]);
  return { score: total / m, byLabel, points: m };
}

/**
 * 2-D projections of embeddings or features for plots: PCA (npm `ml-pca`) and UMAP
 * (npm `umap-js`, McInnes, Healy, Melville 2018), both deterministic (UMAP is given our
 * seeded generator).
 *
 * @module
 */
import { PCA } from "ml-pca";
import { UMAP } from "umap-js";
import { Rng } from "../random/rng.ts";

function rows(x: Float32Array, n: number, d: number): number[][] {
  if (x.length !== n * d) {
    throw new Error(`projection: expected ${n}×${d} = ${n * d} values, got ${x.length}`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new Error(`projection: value at row ${Math.floor(i / d)}, column ${i % d} is ${x[i]}`);
    }
  }
  return Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, (i + 1) * d)));
}

/**
 * Principal components of `x` ([n, d] row-major), columns standardised first (constant
 * columns are dropped); returns `[n, k]` scores and the explained variance ratio of each
 * component.
 */
export function pca(
  x: Float32Array,
  n: number,
  d: number,
  k = 2,
): { scores: Float32Array; explained: number[] } {
  const all = rows(x, n, d);
  const keep: number[] = [];
  for (let j = 0; j < d; j++) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, all[i][j]);
      hi = Math.max(hi, all[i][j]);
    }
    if (hi > lo) keep.push(j);
  }
  if (keep.length < k) {
    throw new Error(`pca: only ${keep.length} of ${d} columns vary; need at least ${k}`);
  }
  const data = all.map((r) => keep.map((j) => r[j]));
  const model = new PCA(data, { scale: true });
  const scores = model.predict(data, { nComponents: k }).to2DArray();
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = scores[i][j];
  return { scores: out, explained: model.getExplainedVariance().slice(0, k) };
}

/** Options of {@linkcode umap2d}. */
export interface UmapOptions {
  nNeighbors: number;
  minDist: number;
  /** Reduce to this many principal components first (speed; null: no). */
  pcaFirst: number | null;
  seed: number;
}

/** Defaults of {@linkcode umap2d}. */
export const UMAP_DEFAULTS: Readonly<UmapOptions> = {
  nNeighbors: 15,
  minDist: 0.1,
  pcaFirst: 20,
  seed: 1,
};

/** UMAP of `x` ([n, d] row-major) to 2-D, seeded: `[n, 2]`. */
export function umap2d(
  x: Float32Array,
  n: number,
  d: number,
  options: Partial<UmapOptions> = {},
): Float32Array {
  for (const key of Object.keys(options)) {
    if (!(key in UMAP_DEFAULTS)) {
      throw new Error(
        `umap2d: unknown option '${key}'; expected ${Object.keys(UMAP_DEFAULTS).join(", ")}`,
      );
    }
  }
  const o = { ...UMAP_DEFAULTS, ...options };
  let data = x, dim = d;
  if (o.pcaFirst !== null && d > o.pcaFirst) {
    data = pca(x, n, d, o.pcaFirst).scores;
    dim = o.pcaFirst;
  }
  const rng = new Rng(o.seed);
  const model = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(o.nNeighbors, n - 1),
    minDist: o.minDist,
    random: () => rng.uniform(),
  });
  const emb = model.fit(rows(data, n, dim));
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = emb[i][0];
    out[2 * i + 1] = emb[i][1];
  }
  return out;
}

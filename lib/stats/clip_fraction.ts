/**
 * Clipping: the fraction of samples stuck at the ADC's rails, from the signal alone.
 *
 * @module
 */
import { resolveOptions } from "./options.ts";
import { checkSignal } from "./validate.ts";

/** Options of {@linkcode clipFraction}. */
export interface ClipOptions {
  /** Known rails [low, high]; null estimates them from the data (see the function doc). */
  rails: readonly [number, number] | null;
  /** Samples within this distance of a rail count as on it. */
  tolerance: number;
}

/** Defaults: rails unknown, exact equality. */
export const DEFAULT_CLIP_OPTIONS: Readonly<ClipOptions> = Object.freeze({
  rails: null,
  tolerance: 0,
});

/**
 * Fraction of samples at the rails. With known `rails`, the samples ≤ low + tol or
 * ≥ high − tol. Without, each extreme (observed min and max) counts only if it shows
 * pile-up, the signature of clipping: at least 2 samples sit on it and more than on the next
 * distinct level inward (a natural tail thins out toward its extreme; a clipped one piles up
 * on it). A smooth, coarsely quantised signal can fake a small pile-up at its peaks.
 */
export function clipFraction(x: Float32Array, options?: Partial<ClipOptions>): number {
  checkSignal(x, "clipFraction: signal", 1);
  const o = resolveOptions(DEFAULT_CLIP_OPTIONS, options, "clipFraction");
  if (!(o.tolerance >= 0)) {
    throw new Error(`clipFraction: option "tolerance" must be ≥ 0, got ${o.tolerance}`);
  }
  const n = x.length;
  if (o.rails !== null) {
    const r = o.rails;
    if (!Array.isArray(r) || r.length !== 2 || !(r[0] < r[1])) {
      throw new Error(`clipFraction: option "rails" must be [low, high] with low < high`);
    }
    let c = 0;
    for (let i = 0; i < n; i++) if (x[i] <= r[0] + o.tolerance || x[i] >= r[1] - o.tolerance) c++;
    return c / n;
  }
  const s = Float32Array.from(x).sort();
  const tol = o.tolerance;
  // Run of samples within tol of s[from], walking in direction dir; returns [count, next index].
  const run = (from: number, dir: 1 | -1): [number, number] => {
    let i = from;
    while (i >= 0 && i < n && Math.abs(s[i] - s[from]) <= tol) i += dir;
    return [Math.abs(i - from), i];
  };
  const [lowCount, lowNext] = run(0, 1);
  const [highCount, highNext] = run(n - 1, -1);
  if (lowNext >= n) return 0; // constant signal: no rails to speak of
  const lowInner = run(lowNext, 1)[0];
  const highInner = highNext >= 0 ? run(highNext, -1)[0] : 0;
  let clipped = 0;
  if (lowCount >= 2 && lowCount > lowInner) clipped += lowCount;
  if (highCount >= 2 && highCount > highInner) clipped += highCount;
  return clipped / n;
}

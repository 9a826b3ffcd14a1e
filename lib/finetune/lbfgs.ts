/**
 * Limited-memory BFGS minimisation of a smooth function (Nocedal & Wright, "Numerical
 * Optimization", 2nd ed. 2006, Algorithm 7.4 two-loop recursion, with a backtracking Armijo
 * line search), in plain JavaScript: it fits the logistic regressions of the probes and
 * baselines in tens of iterations where gradient descent takes hundreds.
 *
 * @module
 */
import { resolveOptions } from "../stats/options.ts";

/** Options of {@linkcode minimizeLbfgs}. */
export interface LbfgsOptions {
  /** Most iterations (each one line search). */
  maxIterations: number;
  /** Converged when the largest gradient component is at most this. */
  gradientTolerance: number;
  /** Converged when an iteration lowers f by less than this, relative to max(1, |f|). */
  functionTolerance: number;
  /** Number of (step, gradient change) pairs kept, m. */
  history: number;
}

/** Defaults: 500 iterations, ‖∇f‖∞ ≤ 1e-6, relative decrease ≥ 1e-12, m = 10. */
export const LBFGS_DEFAULTS: Readonly<LbfgsOptions> = Object.freeze({
  maxIterations: 500,
  gradientTolerance: 1e-6,
  functionTolerance: 1e-12,
  history: 10,
});

/** What {@linkcode minimizeLbfgs} returns. */
export interface LbfgsResult {
  /** The minimiser found. */
  x: Float64Array;
  /** f at `x`. */
  value: number;
  /** Iterations run. */
  iterations: number;
  /** Function evaluations. */
  evaluations: number;
  /** Whether a tolerance was met (false: stopped at maxIterations or a failed line search). */
  converged: boolean;
}

/** Objective: returns f(x) and writes ∇f(x) into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/**
 * Minimises `f` from `x0` (not modified) by L-BFGS. Deterministic: the same f and x0 give the
 * same iterates. Throws when f or its gradient is not finite at x0, or on bad options.
 */
export function minimizeLbfgs(
  f: Objective,
  x0: Float64Array,
  options?: Partial<LbfgsOptions>,
): LbfgsResult {
  const fn = "minimizeLbfgs";
  const o = resolveOptions(LBFGS_DEFAULTS, options, fn);
  if (!(Number.isInteger(o.maxIterations) && o.maxIterations >= 0)) {
    throw new Error(`${fn}: option maxIterations must be an integer ≥ 0, got ${o.maxIterations}`);
  }
  if (!(Number.isInteger(o.history) && o.history >= 1)) {
    throw new Error(`${fn}: option history must be an integer ≥ 1, got ${o.history}`);
  }
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let value = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(value) || !g.every(Number.isFinite)) {
    throw new Error(`${fn}: f or its gradient is not finite at the starting point (f = ${value})`);
  }
  const S: Float64Array[] = [], Y: Float64Array[] = [], rho: number[] = [];
  const direction = new Float64Array(n);
  const alpha = new Float64Array(o.history);
  let iterations = 0;
  let converged = maxAbs(g) <= o.gradientTolerance;
  while (!converged && iterations < o.maxIterations) {
    // Two-loop recursion: direction = −H·g.
    direction.set(g);
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(S[k], direction);
      for (let i = 0; i < n; i++) direction[i] -= alpha[k] * Y[k][i];
    }
    const gamma = S.length
      ? dot(S[S.length - 1], Y[Y.length - 1]) / dot(Y[Y.length - 1], Y[Y.length - 1])
      : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let i = 0; i < n; i++) direction[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k] * dot(Y[k], direction);
      for (let i = 0; i < n; i++) direction[i] += S[k][i] * (alpha[k] - beta);
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i];
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (round-off): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i];
      slope = -dot(g, g);
    }
    // Backtracking line search with the Armijo condition f(x + t·d) ≤ f(x) + c₁·t·∇fᵀd.
    let t = 1;
    const xNew = new Float64Array(n), gNew = new Float64Array(n);
    let valueNew = Infinity;
    for (let tries = 0; tries < 50; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * direction[i];
      valueNew = f(xNew, gNew);
      evaluations++;
      if (Number.isFinite(valueNew) && valueNew <= value + 1e-4 * t * slope) break;
      t *= 0.5;
      valueNew = Infinity;
    }
    iterations++;
    if (!Number.isFinite(valueNew)) break; // no decrease found: x is as good as it gets
    const s = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (S.length === o.history) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const decrease = value - valueNew;
    x = xNew;
    g = gNew;
    value = valueNew;
    converged = maxAbs(g) <= o.gradientTolerance ||
      decrease <= o.functionTolerance * Math.max(1, Math.abs(value));
  }
  return { x, value, iterations, evaluations, converged };
}

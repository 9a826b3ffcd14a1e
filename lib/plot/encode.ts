/**
 * Small helpers the builders share to turn arrays into compact inline Vega-Lite data and
 * consistent colour scales.
 *
 * @module
 */
import { PLOT_DEFAULTS, PLOT_PALETTE } from "./defaults.ts";

/** Rounds `x` to `digits` significant digits (keeps inline JSON short). */
export function roundSignificant(x: number, digits: number = PLOT_DEFAULTS.digits): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/**
 * Rounds `x` to a fixed grid of `range / 10^digits`, so that neighbouring samples of a long
 * time axis (e.g. t = 3600.004 s) stay distinct where significant-digit rounding would merge them.
 */
export function roundToGrid(
  x: number,
  range: number,
  digits: number = PLOT_DEFAULTS.digits,
): number {
  if (!(range > 0)) return roundSignificant(x, digits);
  const step = Math.pow(10, Math.floor(Math.log10(range)) - digits);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(x / step) * step).toFixed(Math.min(decimals, 20)));
}

/**
 * The category order for a colour/shape scale: `order` when given (extended by any unseen
 * categories in first-seen order), else the categories in first-seen order.
 */
export function categoryDomain(
  seen: Iterable<string>,
  order?: readonly string[],
): string[] {
  const out: string[] = order ? [...order] : [];
  const have = new Set(out);
  for (const c of seen) {
    if (!have.has(c)) {
      have.add(c);
      out.push(c);
    }
  }
  return out;
}

/** A Vega-Lite ordinal colour scale mapping `domain[i]` to `PLOT_PALETTE[i mod 10]`. */
export function paletteScale(domain: readonly string[]): { domain: string[]; range: string[] } {
  return {
    domain: [...domain],
    range: domain.map((_, i) => PLOT_PALETTE[i % PLOT_PALETTE.length]),
  };
}

/** Minimum and maximum of an array-like (NaN-free input assumed). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

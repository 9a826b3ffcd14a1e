/**
 * The presenter's settings in one place: where the notebooks are, where the decks go, how
 * they are executed, what counts as a short code cell and the time budget per notebook.
 *
 * @module
 */
import { resolveOptions } from "../plot/validate.ts";

/** Settings of `deno task slides` and `deno task present-check`. */
export interface PresentConfig {
  /** Folder of the numbered notebooks `NN_*.ipynb`. */
  notebooksDir: string;
  /** Folder for the decks, the index page and the reveal.js/MathJax copies. */
  outDir: string;
  /** Notebook name prefixes to include, e.g. ["01", "03"]; empty for all. */
  only: string[];
  /**
   * Folder of already executed notebooks (e.g. `out/notebooks` from `deno task notebooks`)
   * to build the decks from instead of executing; empty to execute now.
   */
  executedDir: string;
  /** Execute with `CS_REUSE_CHECKPOINT=1`, so notebook 04 loads a cached checkpoint if any. */
  reuseCheckpoint: boolean;
  /** Per-cell timeout in seconds when executing. */
  cellTimeout: number;
  /** Jupyter kernel name. */
  kernel: string;
  /** reveal.js theme (one of reveal.js's `dist/theme/*.css`). */
  theme: string;
  /** reveal.js slide transition. */
  transition: string;
  /** Longest code cell, in lines, that may be shown on a slide. */
  maxCodeLines: number;
  /** Time budget per notebook in seconds for a presenter's run. */
  budgetSeconds: number;
}

/** Defaults of {@linkcode PresentConfig}. */
export const DEFAULT_PRESENT_CONFIG: Readonly<PresentConfig> = Object.freeze({
  notebooksDir: "notebooks",
  outDir: "out/slides",
  only: [],
  executedDir: "",
  reuseCheckpoint: true,
  cellTimeout: 300,
  kernel: "deno",
  theme: "white",
  transition: "slide",
  maxCodeLines: 15,
  budgetSeconds: 90,
});

/** reveal.js themes that load no web fonts (the others import Google Fonts: not offline). */
export const OFFLINE_THEMES: readonly string[] = [
  "white",
  "black",
  "white-contrast",
  "black-contrast",
  "serif",
  "dracula",
];

/** Merges `options` over the defaults; throws on unknown keys, wrong types and bad values. */
export function resolvePresentConfig(options: Partial<PresentConfig> = {}): PresentConfig {
  const c = resolveOptions("present config", options, {
    ...DEFAULT_PRESENT_CONFIG,
    only: [...DEFAULT_PRESENT_CONFIG.only],
  });
  for (const key of ["cellTimeout", "budgetSeconds", "maxCodeLines"] as const) {
    if (!(c[key] > 0)) {
      throw new Error(`present config: ${key} must be a positive number, got ${c[key]}`);
    }
  }
  if (!OFFLINE_THEMES.includes(c.theme)) {
    throw new Error(
      `present config: theme must be one of ${
        OFFLINE_THEMES.join(", ")
      } (the others load web fonts), got '${c.theme}'`,
    );
  }
  if (c.only.some((p) => typeof p !== "string" || p === "")) {
    throw new Error(`present config: only must list non-empty name prefixes, got ${c.only}`);
  }
  return c;
}

/**
 * The environment the notebooks are executed with: `CS_REUSE_CHECKPOINT=1` when
 * `reuseCheckpoint`, so notebook 04 loads its cached checkpoint if there is one (and trains
 * and saves one if not).
 */
export function presentEnv(config: Pick<PresentConfig, "reuseCheckpoint">): Record<string, string> {
  return config.reuseCheckpoint ? { CS_REUSE_CHECKPOINT: "1" } : {};
}

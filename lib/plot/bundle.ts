/**
 * The Jupyter MIME bundle of a plot: the Vega-Lite spec (interactive in JupyterLab and
 * VS Code), its SVG rendering (shown by nbconvert HTML, GitHub and any front end without a
 * Vega renderer) and a one-line text description.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { VEGA_LITE_SCHEMA } from "./defaults.ts";

/** MIME type of a Vega-Lite v5 spec in a Jupyter bundle. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** The MIME bundle {@linkcode plotBundle} builds. */
export interface PlotBundle {
  /** The spec itself. */
  [VEGA_LITE_MIME]: TopLevelSpec;
  /** The same figure rendered headlessly. */
  "image/svg+xml": string;
  /** A one-line description. */
  "text/plain": string;
  /** Index signature so the bundle is a plain `Record` of MIME types. */
  [mime: string]: unknown;
}

/** Counts inline data rows anywhere in a spec. */
function countRows(node: unknown): number {
  if (node === null || typeof node !== "object") return 0;
  if (Array.isArray(node)) return node.reduce((n, x) => n + countRows(x), 0);
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (
      key === "data" && value && typeof value === "object" &&
      Array.isArray((value as { values?: unknown }).values)
    ) {
      n += (value as { values: unknown[] }).values.length;
    } else n += countRows(value);
  }
  return n;
}

/** A one-line description of a spec: its title (if any) and the number of inline data rows. */
export function describePlot(spec: TopLevelSpec): string {
  const t = (spec as { title?: unknown }).title;
  const title = typeof t === "string"
    ? t
    : t && typeof t === "object" && typeof (t as { text?: unknown }).text === "string"
    ? (t as { text: string }).text
    : "untitled";
  return `Vega-Lite plot "${title}" (${countRows(spec)} data rows)`;
}

/**
 * Builds the MIME bundle for a spec and its rendered SVG. Throws if the spec is not a
 * Vega-Lite v5 spec or the SVG is not an `<svg>` document.
 */
export function plotBundle(spec: TopLevelSpec, svg: string): PlotBundle {
  if ((spec as { $schema?: unknown }).$schema !== VEGA_LITE_SCHEMA) {
    throw new Error(
      `plotBundle: spec.$schema must be "${VEGA_LITE_SCHEMA}", got ${
        JSON.stringify((spec as { $schema?: unknown }).$schema)
      }`,
    );
  }
  if (typeof svg !== "string" || !svg.trimStart().startsWith("<svg")) {
    throw new Error("plotBundle: svg must be an SVG document starting with <svg");
  }
  return {
    [VEGA_LITE_MIME]: spec,
    "image/svg+xml": svg,
    "text/plain": describePlot(spec),
  };
}

/**
 * The copy of an executed notebook that becomes a deck: each plot keeps its SVG rendering
 * and drops its Vega-Lite spec (which nbconvert's HTML would otherwise need a CDN script
 * for), and the notebook gets the title of its first heading.
 *
 * @module
 */
import type { NotebookJson } from "../notebook/inspect.ts";
import { notebookCellSource } from "./notebook_file.ts";

/** MIME types that need a JavaScript renderer from the web; the deck drops them. */
export const DECK_DROPPED_MIME: RegExp = /^application\/vnd\.vega(lite)?\.v\d+\+json$/;

/** The MIME type of the rendering a deck shows for a plot. */
export const DECK_PLOT_MIME = "image/svg+xml";

/** The text of the first `# heading` in the notebook's markdown cells, or null. */
export function notebookTitle(nb: NotebookJson): string | null {
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    const m = notebookCellSource(cell).match(/^#\s+(.+?)\s*#*\s*$/m);
    if (m) return m[1];
  }
  return null;
}

/**
 * Returns a deck-ready copy of an executed notebook (the input is not changed): Vega and
 * Vega-Lite specs are removed from every output, so the deck shows the SVG beside them, and
 * `metadata.title` is set from the first heading unless the notebook has one. Throws,
 * naming `where` and the cell, when an output would be left with nothing to show (a plot
 * without an SVG rendering).
 */
export function deckNotebook(nb: NotebookJson, where = "notebook"): NotebookJson {
  const deck = structuredClone(nb);
  deck.cells.forEach((cell, i) => {
    for (const out of cell.outputs ?? []) {
      if (!out.data) continue;
      const dropped = Object.keys(out.data).filter((m) => DECK_DROPPED_MIME.test(m));
      if (dropped.length === 0) continue;
      for (const m of dropped) delete out.data[m];
      if (!(DECK_PLOT_MIME in out.data)) {
        throw new Error(
          `Cannot make a deck of ${where}: cell ${i + 1} shows ${
            dropped.join(", ")
          } without an ${DECK_PLOT_MIME} rendering (show plots with showPlot)`,
        );
      }
    }
  });
  const metadata = { ...(deck.metadata ?? {}) };
  if (typeof metadata.title !== "string") {
    const title = notebookTitle(deck);
    if (title !== null) metadata.title = title;
  }
  deck.metadata = metadata;
  return deck;
}

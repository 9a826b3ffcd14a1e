/**
 * Executed-notebook fixtures for the present tests: small nbformat 4 notebooks whose outputs
 * are made by the library itself (a real Vega-Lite bundle with its SVG, an HTML table, a
 * pretraining line), so the decks can be built without running a kernel.
 *
 * @module
 */
import { barPlot, formatTable, plotBundle, renderSvg } from "@contrastive-sensors/lib";
import type { NotebookJson } from "../../lib/notebook/inspect.ts";

type Cell = NotebookJson["cells"][number];

/** A markdown cell with a slide type. */
export function md(source: string, slideType: string): Cell {
  return { cell_type: "markdown", metadata: { slideshow: { slide_type: slideType } }, source };
}

/** A code cell with a slide type and outputs. */
export function code(source: string, slideType: string, outputs: Cell["outputs"] = []): Cell {
  return {
    cell_type: "code",
    metadata: { slideshow: { slide_type: slideType } },
    source,
    outputs,
    execution_count: 1,
  } as Cell;
}

/** A notebook from cells, with the Deno kernel's metadata. */
export function notebook(cells: Cell[]): NotebookJson {
  return {
    cells,
    metadata: {
      kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
      language_info: { name: "typescript", file_extension: ".ts" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  } as NotebookJson;
}

/** The display_data output of a bar plot, exactly as showPlot sends it. */
export async function plotOutput(): Promise<NonNullable<Cell["outputs"]>[number]> {
  const spec = barPlot(
    [
      { category: "A-reference", value: 15 },
      { category: "B-dry", value: 9 },
      { category: "C-wearable", value: -2 },
      { category: "D-clinical", value: 12 },
    ],
    { title: "EEG SNR per sensor", yLabel: "SNR (dB)" },
  );
  const bundle = plotBundle(spec, await renderSvg(spec));
  return { output_type: "display_data", data: { ...bundle }, metadata: {} } as NonNullable<
    Cell["outputs"]
  >[number];
}

/** A stream output printing `text`. */
export function streamOutput(text: string): NonNullable<Cell["outputs"]>[number] {
  return { output_type: "stream", name: "stdout", text } as NonNullable<Cell["outputs"]>[number];
}

/** The slide source of the long setup cell in {@linkcode deckFixture} (20 lines, skipped). */
export const LONG_SETUP = Array.from({ length: 20 }, (_, i) => `const v${i} = ${i};`).join("\n");

/**
 * An executed notebook as a deck: title slide with notes, a skipped long setup cell, a slide
 * with a table and an equation, a subslide with a plot, a fragment printing a pretraining
 * line, and notes.
 */
export async function deckFixture(title: string): Promise<NotebookJson> {
  const table = formatTable([{ sensor: "A-reference", "SNR (dB)": 15 }, {
    sensor: "C-wearable",
    "SNR (dB)": -2,
  }]);
  return notebook([
    md(`# ${title}\n\nA fixture deck.`, "slide"),
    md("Say what this deck shows.", "notes"),
    code(LONG_SETUP, "skip"),
    md(
      "## The loss\n\n| loss | equation |\n|---|---|\n| NT-Xent | $-\\log \\frac{\\exp(s_{ij}/\\tau)}{\\sum_k \\exp(s_{ik}/\\tau)}$ |",
      "slide",
    ),
    code('await showTable(rows, { caption: "SNR" });', "-", [
      {
        output_type: "display_data",
        data: {
          "text/html": table.html,
          "text/markdown": table.markdown,
          "text/plain": table.text,
        },
        metadata: {},
      } as NonNullable<Cell["outputs"]>[number],
    ]),
    code("await showPlot(snrFigure(rows));", "subslide", [await plotOutput()]),
    code("console.log(run.description);", "fragment", [
      streamOutput("Trained now: nt-xent, 2 epochs × 3 steps on 64 windows in 1.0 s on cpu.\n"),
    ]),
    md("Point at C-wearable.", "notes"),
  ]);
}

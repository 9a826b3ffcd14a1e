/**
 * Showing plots and tables: in the Deno Jupyter kernel as one rich MIME bundle, in scripts
 * as files on disk (or a one-line note on stdout).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { plotBundle } from "./bundle.ts";
import { type DisplaySink, kernelDisplaySink, settleDisplay } from "./jupyter.ts";
import { checkFigurePath, renderSvg, saveFigure } from "./render.ts";
import { formatTable, type TableOptions } from "./table.ts";
import { resolveOptions } from "./validate.ts";

/** Options of {@linkcode showPlot}. */
export interface ShowPlotOptions {
  /** Also write the SVG here (must end in ".svg"); outside a kernel this is the only output. */
  path?: string;
  /** With `path`, also write the spec as `<name>.vl.json` (default false). */
  json?: boolean;
  /** Display id of the output, so a later `showPlot(…, { displayId, update: true })` replaces it. */
  displayId?: string;
  /** Replace the output shown earlier under `displayId` instead of adding one (default false). */
  update?: boolean;
  /** Where to send the bundle (default: the Deno kernel when running in one, else nowhere). */
  sink?: DisplaySink | null;
  /** Where the outside-a-kernel note goes when there is no `path` (default console.log). */
  log?: (line: string) => void;
}

const DEFAULTS = {
  path: undefined as string | undefined,
  json: false,
  displayId: undefined as string | undefined,
  update: false,
  sink: undefined as DisplaySink | null | undefined,
  log: undefined as ((line: string) => void) | undefined,
};

/**
 * Shows a Vega-Lite spec. In the Deno Jupyter kernel: displays one MIME bundle with the
 * spec (`application/vnd.vegalite.v5+json`), its headless SVG rendering and a text line,
 * then waits briefly so the output is not lost when the cell ends. With `path`: also
 * writes the SVG (and with `json` the spec). Outside a kernel without `path`: logs one
 * line saying the plot was not shown. Resolves to nothing, so a cell ending in
 * `await showPlot(spec)` shows only the plot.
 */
export async function showPlot(spec: TopLevelSpec, options?: ShowPlotOptions): Promise<void> {
  const o = resolveOptions("showPlot", options, DEFAULTS);
  if (o.update && !o.displayId) {
    throw new Error("showPlot: update: true needs the displayId of the output to replace");
  }
  if (o.path !== undefined) checkFigurePath("showPlot", o.path);
  const sink = o.sink === undefined ? kernelDisplaySink() : o.sink;
  const svg = await renderSvg(spec);
  const paths = o.path === undefined ? [] : await saveFigure(spec, svg, o.path, o.json);
  const bundle = plotBundle(spec, svg);
  if (sink) {
    await sink(bundle, { displayId: o.displayId, update: o.update });
    await settleDisplay();
  } else if (paths.length === 0) {
    (o.log ?? console.log)(`${bundle["text/plain"]} — not shown outside Jupyter (pass path)`);
  }
}

/** Options of {@linkcode showTable}. */
export interface ShowTableOptions extends TableOptions {
  /** Where to send the bundle (default: the Deno kernel when running in one). */
  sink?: DisplaySink | null;
  /** Where the plain-text table goes outside a kernel (default console.log). */
  log?: (line: string) => void;
}

/**
 * Shows a small table: in the kernel as HTML + Markdown + plain text; outside a kernel,
 * prints the aligned plain-text table.
 */
export async function showTable(
  rows: Record<string, unknown>[],
  options: ShowTableOptions = {},
): Promise<void> {
  const { sink: sinkOption, log, ...tableOptions } = options;
  const table = formatTable(rows, tableOptions);
  const sink = sinkOption === undefined ? kernelDisplaySink() : sinkOption;
  if (sink) {
    await sink({
      "text/html": table.html,
      "text/markdown": table.markdown,
      "text/plain": table.text,
    });
    await settleDisplay();
  } else {
    (log ?? console.log)(table.text);
  }
}

/** Options of {@linkcode showMarkdown}. */
export interface ShowMarkdownOptions {
  /** Where to send the bundle (default: the Deno kernel when running in one). */
  sink?: DisplaySink | null;
  /** Where the text goes outside a kernel (default console.log). */
  log?: (line: string) => void;
}

/**
 * Shows markdown text: in the kernel as a `text/markdown` output (rendered by JupyterLab,
 * VS Code and nbconvert), outside a kernel printed as it is.
 */
export async function showMarkdown(
  markdown: string,
  options: ShowMarkdownOptions = {},
): Promise<void> {
  const sink = options.sink === undefined ? kernelDisplaySink() : options.sink;
  if (sink) {
    await sink({ "text/markdown": markdown, "text/plain": markdown });
    await settleDisplay();
  } else {
    (options.log ?? console.log)(markdown);
  }
}

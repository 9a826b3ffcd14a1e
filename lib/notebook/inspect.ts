/**
 * Reads an executed Jupyter notebook (nbformat 4 JSON) and reports what a reviewer checks:
 * error outputs, plots shown, and how long each cell took.
 *
 * @module
 */

/** The minimal nbformat 4 shapes this module reads. */
export interface NotebookJson {
  cells: {
    cell_type: string;
    source: string | string[];
    metadata?: { execution?: Record<string, string>; [k: string]: unknown };
    outputs?: {
      output_type: string;
      data?: Record<string, unknown>;
      ename?: string;
      evalue?: string;
    }[];
  }[];
  metadata?: Record<string, unknown>;
}

/** What one executed notebook showed. */
export interface NotebookReport {
  /** Error outputs as "cell N: ename: evalue". */
  errors: string[];
  /** Number of outputs carrying a Vega-Lite spec. */
  vegaLitePlots: number;
  /** Number of outputs carrying an SVG image. */
  svgImages: number;
  /** Seconds per code cell (from nbclient's recorded timing), in cell order. */
  cellSeconds: number[];
  /** Index (0-based, over all cells) and seconds of the slowest code cell. */
  slowestCell: { index: number; seconds: number; firstLine: string } | null;
}

const VEGALITE = /^application\/vnd\.vegalite\.v\d+\+json$/;

/** Inspects an executed notebook's JSON. */
export function inspectNotebook(nb: NotebookJson): NotebookReport {
  const errors: string[] = [];
  let vegaLitePlots = 0;
  let svgImages = 0;
  const cellSeconds: number[] = [];
  let slowestCell: NotebookReport["slowestCell"] = null;
  nb.cells.forEach((cell, index) => {
    for (const out of cell.outputs ?? []) {
      if (out.output_type === "error") {
        errors.push(`cell ${index + 1}: ${out.ename}: ${out.evalue}`);
      }
      const mimes = Object.keys(out.data ?? {});
      if (mimes.some((m) => VEGALITE.test(m))) vegaLitePlots++;
      if (mimes.includes("image/svg+xml")) svgImages++;
    }
    if (cell.cell_type !== "code") return;
    const ex = cell.metadata?.execution ?? {};
    const start = Date.parse(ex["iopub.execute_input"] ?? ex["shell.execute_request"] ?? "");
    const end = Date.parse(ex["shell.execute_reply"] ?? "");
    const seconds = Number.isFinite(start) && Number.isFinite(end) ? (end - start) / 1000 : NaN;
    cellSeconds.push(seconds);
    if (Number.isFinite(seconds) && (slowestCell === null || seconds > slowestCell.seconds)) {
      const src = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      slowestCell = { index, seconds, firstLine: src.split("\n")[0].slice(0, 80) };
    }
  });
  return { errors, vegaLitePlots, svgImages, cellSeconds, slowestCell };
}

/** A markdown table of executed notebooks: wall time, slowest cell, plots, against a budget. */
export function notebookTable(
  rows: readonly (NotebookReport & { notebook: string; wallSeconds: number })[],
  budgetSeconds: number,
): string {
  const lines = [
    `| notebook | wall time (s) | budget (s) | within | slowest cell (s) | slowest cell starts with | plots | errors |`,
    `|---|---:|---:|:-:|---:|---|---:|---:|`,
  ];
  for (const r of rows) {
    const s = r.slowestCell;
    lines.push(
      `| ${r.notebook.split("/").pop()} | ${r.wallSeconds.toFixed(1)} | ${budgetSeconds} | ${
        r.wallSeconds <= budgetSeconds ? "yes" : "NO"
      } | ${s ? s.seconds.toFixed(1) : "–"} | ${
        s ? "`" + s.firstLine.replaceAll("|", "\\|").replaceAll("`", "'") + "`" : "–"
      } | ${r.vegaLitePlots} | ${r.errors.length} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The presenter's table: each notebook's wall time and slowest cell against the time
 * budget, and what its pretraining cell did.
 *
 * @module
 */
import type { NotebookJson } from "../notebook/inspect.ts";
import { notebookCellSource } from "./notebook_file.ts";

/** One notebook of a presenter's run. */
export interface PresentRow {
  /** Notebook file name. */
  notebook: string;
  /** Wall time of the whole run (kernel start to last cell), seconds. */
  wallSeconds: number;
  /** The slowest code cell: 0-based index over all cells, seconds, first line. */
  slowestCell: { index: number; seconds: number; firstLine: string } | null;
  /** Error outputs, "cell N: ename: evalue". */
  errors: string[];
  /** What a pretraining cell reported, or null when the notebook has none. */
  pretraining: string | null;
}

/** The opening words of the two lines `pretrainOrLoad` prints (lib/learn/cached_pretrain.ts). */
export const PRETRAINING_LINES: readonly string[] = [
  "Trained now:",
  "Loaded the cached checkpoint",
];

/**
 * The line an executed notebook printed about its pretraining (trained now, or loaded a
 * cached checkpoint), or null when it printed none.
 */
export function pretrainingLine(nb: NotebookJson): string | null {
  for (const cell of nb.cells) {
    for (const out of (cell.outputs ?? []) as { text?: string | string[] }[]) {
      if (out.text === undefined) continue;
      const text = notebookCellSource({ source: out.text });
      for (const line of text.split("\n")) {
        if (PRETRAINING_LINES.some((p) => line.startsWith(p))) return line.trim();
      }
    }
  }
  return null;
}

function cellText(s: string): string {
  return "`" + s.replaceAll("|", "\\|").replaceAll("`", "'") + "`";
}

/** The markdown table of a presenter's run against `budgetSeconds`. */
export function presentCheckTable(rows: readonly PresentRow[], budgetSeconds: number): string {
  const lines = [
    "| notebook | wall time (s) | budget (s) | within | slowest cell (s) | slowest cell starts with | errors | pretraining |",
    "|---|---:|---:|:-:|---:|---|---:|---|",
  ];
  for (const r of rows) {
    const s = r.slowestCell;
    lines.push(
      `| ${r.notebook} | ${r.wallSeconds.toFixed(1)} | ${budgetSeconds} | ${
        r.wallSeconds <= budgetSeconds ? "yes" : "**NO**"
      } | ${s ? s.seconds.toFixed(1) : "–"} | ${
        s ? `cell ${s.index + 1}: ${cellText(s.firstLine)}` : "–"
      } | ${r.errors.length} | ${
        r.pretraining === null
          ? "–"
          : r.pretraining.startsWith("Trained now")
          ? "trained now"
          : "loaded checkpoint"
      } |`,
    );
  }
  return lines.join("\n");
}

/** One line saying whether every notebook ran within budget and without errors. */
export function presentCheckSummary(rows: readonly PresentRow[], budgetSeconds: number): string {
  const over = rows.filter((r) => r.wallSeconds > budgetSeconds);
  const failed = rows.filter((r) => r.errors.length > 0);
  const total = rows.reduce((s, r) => s + r.wallSeconds, 0);
  const parts: string[] = [];
  if (over.length === 0) {
    parts.push(`All ${rows.length} notebooks ran within the ${budgetSeconds} s budget`);
  } else {
    parts.push(
      `OVER BUDGET: ${
        over.map((r) => `${r.notebook} (${r.wallSeconds.toFixed(1)} s > ${budgetSeconds} s)`).join(
          ", ",
        )
      }`,
    );
  }
  if (failed.length > 0) {
    parts.push(
      `ERRORS in ${failed.map((r) => `${r.notebook} (${r.errors[0]})`).join(", ")}`,
    );
  }
  return `${parts.join("; ")}; ${total.toFixed(1)} s in all.`;
}

/**
 * Small tables as Markdown, HTML and aligned plain text, for results such as accuracy per
 * method, in notebooks and in scripts.
 *
 * @module
 */
import { describeValue, resolveOptions } from "./validate.ts";

/** A table rendered three ways. */
export interface FormattedTable {
  /** GitHub-flavoured Markdown table (with the caption as a bold line above). */
  markdown: string;
  /** An HTML `<table>` (with `<caption>`). */
  html: string;
  /** Space-aligned plain text for terminals. */
  text: string;
}

/** Options of {@linkcode formatTable}. */
export interface TableOptions {
  /** Columns in order (default: keys of the rows in first-seen order). */
  columns?: string[];
  /** Significant digits of non-integer numbers (default 4). */
  digits?: number;
  /** Caption shown above the table. */
  caption?: string;
}

const DEFAULTS = {
  columns: undefined as string[] | undefined,
  digits: 4,
  caption: undefined as string | undefined,
};

/** Formats one cell: integers as is, other numbers to `digits` significant digits. */
function cell(v: unknown, digits: number): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
    const abs = Math.abs(v);
    if (abs >= 1e6 || abs < 1e-4) return v.toExponential(digits - 1);
    return String(Number(v.toPrecision(digits)));
  }
  if (typeof v === "string" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * Formats rows (objects keyed by column) as Markdown, HTML and plain text. Numbers are
 * right-aligned; missing cells are blank.
 */
export function formatTable(
  rows: Record<string, unknown>[],
  options?: TableOptions,
): FormattedTable {
  const where = "formatTable";
  const o = resolveOptions(where, options, DEFAULTS);
  if (!Array.isArray(rows)) {
    throw new Error(`${where}: rows must be an array of objects, got ${describeValue(rows)}`);
  }
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object" || Array.isArray(r)) {
      throw new Error(`${where}: rows[${i}] must be an object, got ${describeValue(r)}`);
    }
  });
  if (!Number.isInteger(o.digits) || o.digits < 1) {
    throw new Error(`${where}: digits must be an integer ≥ 1, got ${o.digits}`);
  }
  const columns = o.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (columns.length === 0) throw new Error(`${where}: no columns; pass rows with keys or columns`);
  const cells = rows.map((r) => columns.map((c) => cell(r[c], o.digits)));
  const numeric = columns.map((c) =>
    rows.length > 0 && rows.every((r) => r[c] === undefined || typeof r[c] === "number")
  );
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)));
  const pad = (s: string, j: number) => numeric[j] ? s.padStart(widths[j]) : s.padEnd(widths[j]);
  const mdEscape = (s: string) => s.replaceAll("|", "\\|");
  const md = [
    `| ${columns.map((c, j) => pad(mdEscape(c), j)).join(" | ")} |`,
    `| ${
      columns.map((_, j) =>
        numeric[j]
          ? "-".repeat(Math.max(2, widths[j] - 1)) + ":"
          : "-".repeat(Math.max(3, widths[j]))
      ).join(" | ")
    } |`,
    ...cells.map((row) => `| ${row.map((s, j) => pad(mdEscape(s), j)).join(" | ")} |`),
  ].join("\n");
  const align = (j: number) => (numeric[j] ? ' style="text-align:right"' : "");
  const html = [
    "<table>",
    ...(o.caption ? [`<caption>${escapeHtml(o.caption)}</caption>`] : []),
    `<thead><tr>${
      columns.map((c, j) => `<th${align(j)}>${escapeHtml(c)}</th>`).join("")
    }</tr></thead>`,
    "<tbody>",
    ...cells.map((row) =>
      `<tr>${row.map((s, j) => `<td${align(j)}>${escapeHtml(s)}</td>`).join("")}</tr>`
    ),
    "</tbody>",
    "</table>",
  ].join("\n");
  const text = [
    columns.map((c, j) => pad(c, j)).join("  "),
    columns.map((_, j) => "-".repeat(widths[j])).join("  "),
    ...cells.map((row) => row.map((s, j) => pad(s, j)).join("  ")),
  ].join("\n");
  return {
    markdown: o.caption ? `**${o.caption}**\n\n${md}` : md,
    html,
    text: o.caption ? `${o.caption}\n${text}` : text,
  };
}

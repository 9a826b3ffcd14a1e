/**
 * A run's report: markdown sections and figures, written as `report.md` (figures linked as
 * `figures/NAME.svg`) and a self-contained `report.html` (figures inlined, no network
 * needed to open it). Markdown is rendered with the npm library `marked`.
 *
 * @module
 */
import { marked } from "marked";
import type { TopLevelSpec } from "vega-lite";
import { renderSvg } from "../plot/render.ts";

/** One block of a report: markdown text or a figure. */
export type ReportBlock =
  | { kind: "markdown"; text: string }
  | { kind: "figure"; name: string; caption: string; svg: string };

/** A report being assembled: a title and blocks in order. */
export interface Report {
  title: string;
  blocks: ReportBlock[];
}

/** Starts an empty report. */
export function newReport(title: string): Report {
  return { title, blocks: [] };
}

/** Appends markdown text. */
export function addMarkdown(report: Report, text: string): void {
  report.blocks.push({ kind: "markdown", text });
}

/** Renders a Vega-Lite spec to SVG and appends it as a figure named `name` (file-safe). */
export async function addFigure(
  report: Report,
  name: string,
  caption: string,
  spec: TopLevelSpec,
): Promise<void> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new Error(`addFigure: name '${name}' must use only letters, digits, '_' and '-'`);
  }
  if (report.blocks.some((b) => b.kind === "figure" && b.name === name)) {
    throw new Error(`addFigure: a figure named '${name}' is already in the report`);
  }
  report.blocks.push({ kind: "figure", name, caption, svg: await renderSvg(spec) });
}

/** The report as markdown, figures linked as `figures/NAME.svg`. */
export function reportMarkdown(report: Report): string {
  const parts = [`# ${report.title}`];
  for (const b of report.blocks) {
    parts.push(
      b.kind === "markdown"
        ? b.text.trim()
        : `![${b.caption}](figures/${b.name}.svg)\n\n*${b.caption}*`,
    );
  }
  return parts.join("\n\n") + "\n";
}

function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The report as one self-contained HTML page with the SVG figures inlined. */
export function reportHtml(report: Report): string {
  const body = report.blocks.map((b) =>
    b.kind === "markdown"
      ? (marked.parse(b.text, { async: false }) as string)
      : `<figure id="fig-${b.name}">${b.svg}<figcaption>${
        escapeHtml(b.caption)
      }</figcaption></figure>`
  ).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:0.9em}th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:right}
th:first-child,td:first-child{text-align:left}figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}
figcaption{color:#555;font-style:italic}code{background:#f4f4f4;padding:0 0.2em}pre{background:#f4f4f4;padding:0.8em;overflow-x:auto}
</style></head><body>
<h1>${escapeHtml(report.title)}</h1>
${body}
</body></html>
`;
}

/** Writes `report.md`, `report.html` and `figures/*.svg` into `dir`. Returns the paths. */
export async function writeReport(dir: string, report: Report): Promise<string[]> {
  await Deno.mkdir(`${dir}/figures`, { recursive: true });
  const paths: string[] = [];
  for (const b of report.blocks) {
    if (b.kind !== "figure") continue;
    const p = `${dir}/figures/${b.name}.svg`;
    await Deno.writeTextFile(p, b.svg);
    paths.push(p);
  }
  await Deno.writeTextFile(`${dir}/report.md`, reportMarkdown(report));
  await Deno.writeTextFile(`${dir}/report.html`, reportHtml(report));
  return [`${dir}/report.md`, `${dir}/report.html`, ...paths];
}

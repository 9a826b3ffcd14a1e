/**
 * Test helpers for rendered SVG: find vega's data-mark groups and count what they draw.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { assert } from "../_assert.ts";
import { compilePlot, renderSvg } from "../../lib/plot/render.ts";

/** One data-mark group of a vega SVG: its mark type and the SVG elements it drew. */
export interface MarkGroup {
  type: string;
  items: string[];
}

/** The data-mark groups (`<g class="mark-TYPE role-mark …">`) of a vega SVG, in order. */
export function dataMarks(svg: string): MarkGroup[] {
  const out: MarkGroup[] = [];
  const group = /<g class="mark-(\w+) role-mark[^"]*"[^>]*>(.*?)<\/g>/gs;
  for (const m of svg.matchAll(group)) {
    const items = m[2].match(/<(path|text|line|rect)\b[^>]*?(\/>|>.*?<\/\1>)/gs) ?? [];
    out.push({ type: m[1], items });
  }
  return out;
}

/** Number of items drawn by all data marks of `type` ("rect", "symbol", "text", …). */
export function countMarkItems(svg: string, type: string): number {
  return dataMarks(svg).filter((g) => g.type === type).reduce((n, g) => n + g.items.length, 0);
}

/** For each drawn line, the number of vertices (M/L commands) of its path. */
export function linePointCounts(svg: string): number[] {
  return dataMarks(svg)
    .filter((g) => g.type === "line")
    .flatMap((g) => g.items)
    .map((item) => {
      const d = item.match(/\sd="([^"]*)"/)?.[1] ?? "";
      return (d.match(/[ML]/g) ?? []).length;
    });
}

/** Compiles `spec` (asserting vega-lite raised no warning) and renders it to SVG. */
export async function renderClean(spec: TopLevelSpec): Promise<string> {
  const { warnings } = compilePlot(spec);
  assert.deepEqual(warnings, [], "vega-lite compile warnings");
  const svg = await renderSvg(spec);
  assert.ok(svg.startsWith("<svg"), "rendered output is an SVG document");
  return svg;
}

/** The inline data rows of a (non-composite) spec or of one of its layers. */
export function rowsOf(spec: unknown): Record<string, unknown>[] {
  return ((spec as { data: { values: Record<string, unknown>[] } }).data.values);
}

/**
 * Reports of runs (markdown + self-contained HTML + SVG figures).
 *
 * @module
 */
export * from "./report.ts";
export * from "./findings.ts";

/**
 * Checks that a notebook reads as a deck: every cell says where it goes (slide, subslide,
 * fragment, continue, skip, notes), the deck opens with a slide, code shown on a slide is
 * short, and there are speaker notes.
 *
 * @module
 */
import type { NotebookJson } from "../notebook/inspect.ts";
import { notebookCellSource } from "./notebook_file.ts";

/** The `metadata.slideshow.slide_type` values Jupyter, RISE and nbconvert understand. */
export const SLIDE_TYPES = ["slide", "subslide", "fragment", "-", "skip", "notes"] as const;

/** One of {@linkcode SLIDE_TYPES}. */
export type SlideType = typeof SLIDE_TYPES[number];

/** How a notebook's cells fall into slides. */
export interface SlideOutline {
  /** Top-level slides (`slide`). */
  slides: number;
  /** Vertical slides below them (`subslide`). */
  subslides: number;
  /** Cells revealed step by step (`fragment`). */
  fragments: number;
  /** Speaker-note cells (`notes`). */
  notes: number;
  /** Cells left out of the deck (`skip`). */
  skipped: number;
  /** Code cells shown on slides. */
  codeShown: number;
}

/** A cell's slide type, or null when it has none. */
export function slideType(cell: NotebookJson["cells"][number]): string | null {
  const show = (cell.metadata as { slideshow?: { slide_type?: unknown } } | undefined)?.slideshow;
  return typeof show?.slide_type === "string" ? show.slide_type : null;
}

function isSlideType(t: string | null): t is SlideType {
  return t !== null && (SLIDE_TYPES as readonly string[]).includes(t);
}

/** Counts slides, subslides, fragments, notes, skipped cells and code cells shown. */
export function slideOutline(nb: NotebookJson): SlideOutline {
  const o: SlideOutline = {
    slides: 0,
    subslides: 0,
    fragments: 0,
    notes: 0,
    skipped: 0,
    codeShown: 0,
  };
  for (const cell of nb.cells) {
    const t = slideType(cell) ?? "-";
    if (t === "slide") o.slides++;
    else if (t === "subslide") o.subslides++;
    else if (t === "fragment") o.fragments++;
    else if (t === "notes") o.notes++;
    else if (t === "skip") o.skipped++;
    if (cell.cell_type === "code" && t !== "notes" && t !== "skip") o.codeShown++;
  }
  return o;
}

/**
 * Lists what keeps a notebook from reading as a deck, one line per problem naming the cell
 * (1-based, as Jupyter counts); an empty list when there is none.
 */
export function lintSlides(nb: NotebookJson, options: { maxCodeLines: number }): string[] {
  const issues: string[] = [];
  let first = true;
  nb.cells.forEach((cell, i) => {
    const t = slideType(cell);
    const at = `cell ${i + 1}`;
    if (t === null) {
      issues.push(`${at}: no metadata.slideshow.slide_type (one of ${SLIDE_TYPES.join(", ")})`);
      return;
    }
    if (!isSlideType(t)) {
      issues.push(`${at}: unknown slide_type '${t}' (one of ${SLIDE_TYPES.join(", ")})`);
      return;
    }
    if (t === "skip") return;
    if (t === "notes") {
      if (cell.cell_type !== "markdown") issues.push(`${at}: speaker notes must be markdown`);
      return;
    }
    if (first && t !== "slide") {
      issues.push(`${at}: the deck must open with a 'slide' cell, got '${t}'`);
    }
    first = false;
    if (cell.cell_type === "code") {
      const src = notebookCellSource(cell).replace(/\s+$/, "");
      const lines = src === "" ? 0 : src.split("\n").length;
      if (lines > options.maxCodeLines) {
        issues.push(
          `${at}: code on a slide has ${lines} lines (at most ${options.maxCodeLines}; ` +
            `mark it 'skip' or split it): ${src.split("\n")[0].slice(0, 60)}`,
        );
      }
    }
  });
  if (first) issues.push("no cell is shown: every cell is 'skip' or 'notes'");
  if (!nb.cells.some((c) => slideType(c) === "notes")) {
    issues.push("no speaker notes: no cell has slide_type 'notes'");
  }
  return issues;
}

import { assert } from "../_assert.ts";
import { lintSlides, slideOutline } from "../../lib/present/slide_lint.ts";
import { listNotebooks, readNotebook } from "../../lib/present/notebook_file.ts";
import { DEFAULT_PRESENT_CONFIG } from "../../lib/present/present_config.ts";
import { code, deckFixture, md, notebook } from "./_fixtures.ts";

const opts = { maxCodeLines: 15 };

Deno.test("lintSlides() finds nothing wrong in a well-formed deck", async () => {
  assert.deepEqual(lintSlides(await deckFixture("Fine"), opts), []);
});

Deno.test("lintSlides() reports each problem with its cell number", () => {
  const long = Array.from({ length: 16 }, (_, i) => `line${i}`).join("\n");
  const nb = notebook([
    code("const a = 1;", "fragment"),
    md("no metadata", "slide"),
    md("odd", "sideways"),
    code(long, "-"),
    code(long, "skip"),
    code("1", "notes"),
  ]);
  delete (nb.cells[1].metadata as Record<string, unknown>).slideshow;
  assert.deepEqual(lintSlides(nb, opts), [
    "cell 1: the deck must open with a 'slide' cell, got 'fragment'",
    "cell 2: no metadata.slideshow.slide_type (one of slide, subslide, fragment, -, skip, notes)",
    "cell 3: unknown slide_type 'sideways' (one of slide, subslide, fragment, -, skip, notes)",
    "cell 4: code on a slide has 16 lines (at most 15; mark it 'skip' or split it): line0",
    "cell 6: speaker notes must be markdown",
  ]);
});

Deno.test("lintSlides() counts exactly maxCodeLines lines as short, ignoring trailing blank lines", () => {
  const fifteen = Array.from({ length: 15 }, (_, i) => `x${i}`).join("\n") + "\n\n";
  const nb = notebook([md("# T", "slide"), code(fifteen, "-"), md("n", "notes")]);
  assert.deepEqual(lintSlides(nb, opts), []);
  assert.equal(lintSlides(nb, { maxCodeLines: 14 }).length, 1);
});

Deno.test("lintSlides() asks for speaker notes and for something shown", () => {
  assert.deepEqual(lintSlides(notebook([md("# T", "slide")]), opts), [
    "no speaker notes: no cell has slide_type 'notes'",
  ]);
  assert.deepEqual(lintSlides(notebook([md("n", "notes")]), opts), [
    "no cell is shown: every cell is 'skip' or 'notes'",
  ]);
});

Deno.test("slideOutline() counts slides, subslides, fragments, notes, skips and code shown", async () => {
  assert.deepEqual(slideOutline(await deckFixture("Outline")), {
    slides: 2,
    subslides: 1,
    fragments: 1,
    notes: 2,
    skipped: 1,
    codeShown: 3,
  });
});

Deno.test("every notebook in notebooks/ reads as a deck (slide metadata, notes, short code)", async () => {
  const names = listNotebooks("notebooks");
  assert.ok(names.length >= 4, `expected notebooks 01–04, got ${names}`);
  const problems: string[] = [];
  for (const name of names) {
    const nb = await readNotebook(`notebooks/${name}`);
    for (const issue of lintSlides(nb, DEFAULT_PRESENT_CONFIG)) problems.push(`${name}: ${issue}`);
    const o = slideOutline(nb);
    if (o.slides < 2) problems.push(`${name}: only ${o.slides} slide(s)`);
  }
  assert.deepEqual(problems, []);
});

import { assert, assertThrowsWith } from "../_assert.ts";
import { DECK_DROPPED_MIME, deckNotebook, notebookTitle } from "../../lib/present/deck_notebook.ts";
import { code, deckFixture, md, notebook, plotOutput } from "./_fixtures.ts";

Deno.test("deckNotebook() drops the Vega-Lite spec and keeps the SVG and text", async () => {
  const nb = await deckFixture("Deck");
  const before = JSON.stringify(nb);
  const deck = deckNotebook(nb);
  assert.equal(JSON.stringify(nb), before, "the input is not changed");
  const plot = deck.cells[5].outputs![0].data!;
  assert.deepEqual(Object.keys(plot).sort(), ["image/svg+xml", "text/plain"]);
  assert.equal(plot["image/svg+xml"], nb.cells[5].outputs![0].data!["image/svg+xml"]);
  assert.ok(Object.keys(nb.cells[5].outputs![0].data!).some((m) => DECK_DROPPED_MIME.test(m)));
  // everything else is untouched
  assert.deepEqual(deck.cells[4], nb.cells[4]);
  assert.deepEqual(deck.cells[6], nb.cells[6]);
  assert.equal(deck.cells.length, nb.cells.length);
});

Deno.test("deckNotebook() sets the title from the first heading unless one is set", async () => {
  assert.equal(deckNotebook(await deckFixture("02 · Signals")).metadata!.title, "02 · Signals");
  const titled = notebook([md("# Heading", "slide")]);
  titled.metadata!.title = "Mine";
  assert.equal(deckNotebook(titled).metadata!.title, "Mine");
  assert.equal(deckNotebook(notebook([md("no heading", "slide")])).metadata!.title, undefined);
});

Deno.test("deckNotebook() throws when a plot has no SVG to show", async () => {
  const out = await plotOutput();
  delete out.data!["image/svg+xml"];
  assertThrowsWith(
    () => deckNotebook(notebook([md("# T", "slide"), code("x", "-", [out])]), "nb.ipynb"),
    "Cannot make a deck of nb.ipynb: cell 2 shows application/vnd.vegalite.v5+json",
    "without an image/svg+xml rendering",
  );
});

Deno.test("notebookTitle() finds the first level-1 heading, not ## headings", () => {
  assert.equal(
    notebookTitle(notebook([md("## Sub\n", "slide"), md("text\n# Main title #\n", "slide")])),
    "Main title",
  );
  assert.equal(notebookTitle(notebook([md("## Sub", "slide")])), null);
});

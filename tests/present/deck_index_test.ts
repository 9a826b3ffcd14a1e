import { assert, assertThrowsWith } from "../_assert.ts";
import { type DeckEntry, deckIndexHtml } from "../../lib/present/deck_index.ts";
import { htmlReferences } from "../../lib/present/html_references.ts";
import { parse } from "parse5";

const decks: DeckEntry[] = [
  {
    notebook: "01_problem_description.ipynb",
    deck: "01_problem_description.slides.html",
    title: "01 · The problem",
    slides: 6,
    notes: 3,
    executed: "executed now in 7.1 s",
    pretraining: null,
  },
  {
    notebook: "04_contrastive_pretraining.ipynb",
    deck: "04_contrastive_pretraining.slides.html",
    title: "04 · <Contrastive> & pretraining",
    slides: 7,
    notes: 2,
    executed: "outputs from out/notebooks/04_contrastive_pretraining.ipynb",
    pretraining:
      "Loaded the cached checkpoint ../out/checkpoints/notebook-04 (…) — not trained now.",
  },
];

interface N {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: N[];
  value?: string;
}

function links(html: string): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  const text = (n: N): string => n.value ?? (n.childNodes ?? []).map(text).join("");
  const walk = (n: N) => {
    if (n.nodeName === "a") {
      out.push({ href: n.attrs!.find((a) => a.name === "href")!.value, text: text(n) });
    }
    (n.childNodes ?? []).forEach(walk);
  };
  walk(parse(html) as unknown as N);
  return out;
}

Deno.test("deckIndexHtml() links every deck in order, with its title", () => {
  const html = deckIndexHtml(decks, "built offline");
  assert.deepEqual(links(html), [
    { href: "01_problem_description.slides.html", text: "01 · The problem" },
    { href: "04_contrastive_pretraining.slides.html", text: "04 · <Contrastive> & pretraining" },
  ]);
  assert.ok(html.includes("<td>outputs from out/notebooks/04_contrastive_pretraining.ipynb<br>"));
  assert.ok(html.includes("Loaded the cached checkpoint"));
  assert.ok(html.includes("<p>built offline</p>"));
});

Deno.test("deckIndexHtml() escapes text and loads nothing", () => {
  const html = deckIndexHtml(decks, "a <b> note");
  assert.ok(html.includes("04 · &lt;Contrastive&gt; &amp; pretraining"));
  assert.ok(html.includes("a &lt;b&gt; note"));
  assert.ok(!html.includes("<Contrastive>"));
  assert.deepEqual(htmlReferences(html), []);
  assert.ok(!/<script/i.test(html));
});

Deno.test("deckIndexHtml() refuses an empty list", () => {
  assertThrowsWith(() => deckIndexHtml([], "x"), "deckIndexHtml: no decks to list");
});

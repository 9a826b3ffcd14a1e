import { assert } from "../_assert.ts";
import { htmlReferences, isExternalUrl } from "../../lib/present/html_references.ts";
import { DECK_ASSET_URLS } from "../../lib/present/deck_assets.ts";
import { buildFixtureDecks, haveJupyter } from "./_build.ts";
import { LONG_SETUP } from "./_fixtures.ts";

const jupyter = await haveJupyter();
if (!jupyter) console.warn("build_slides_test: skipped — 'jupyter nbconvert' is not installed");

Deno.test({
  name: "buildSlides() builds one offline deck per notebook and an index listing every deck",
  ignore: !jupyter,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "cs-slides-test-" });
    try {
      const report = await buildFixtureDecks(dir);
      assert.deepEqual(report.decks.map((d) => d.deck), [
        "01_fixture_one.slides.html",
        "02_fixture_two.slides.html",
      ]);
      assert.deepEqual(report.warnings, []);
      assert.equal(report.decks[0].title, "01 · Fixture one");
      assert.equal(report.decks[0].slides, 3);
      assert.equal(report.decks[0].notes, 2);
      assert.equal(report.decks[0].pretraining?.startsWith("Trained now: nt-xent"), true);

      // the index page links every deck, and nothing else
      const index = await Deno.readTextFile(report.index);
      for (const d of report.decks) assert.ok(index.includes(`<a href="${d.deck}">${d.title}</a>`));
      assert.equal(index.match(/<a href=/g)?.length, report.decks.length);

      for (const d of report.decks) {
        const html = await Deno.readTextFile(d.path);
        // only local resources in tags, and each exists
        const refs = htmlReferences(html);
        assert.deepEqual(refs.filter((r) => isExternalUrl(r.url)), [], d.deck);
        for (const r of refs.filter((r) => !r.url.startsWith("data:"))) {
          await Deno.stat(`${dir}/slides/${decodeURI(r.url.replace(/[?#].*$/, ""))}`);
        }
        assert.ok(refs.some((r) => r.url === DECK_ASSET_URLS.requireJs));
        assert.ok(refs.some((r) => r.url === DECK_ASSET_URLS.mathjax));
        assert.doesNotMatch(html, /unpkg\.com|cdnjs|jsdelivr|googleapis/, "nothing from a CDN");
        // the plot is the inline SVG with its data marks; the Vega-Lite spec is gone
        assert.match(html, /<svg[^>]*class="marks"/);
        assert.match(html, /class="mark-rect role-mark/);
        assert.ok(!html.includes("vnd.vegalite"));
        assert.ok(!html.includes('"$schema"'));
        // notes, math, fragments; the skipped cell is not in the deck
        assert.match(html, /<aside class="notes">[\s\S]*Say what this deck shows/);
        assert.ok(html.includes("\\exp(s_{ij}/\\tau)"));
        assert.match(html, /<div class="fragment">/);
        assert.ok(!html.includes(LONG_SETUP.split("\n")[19]));
      }
      // reveal.js is loaded by RequireJS from the local copy
      await Deno.stat(`${dir}/slides/${DECK_ASSET_URLS.reveal}/dist/reveal.js`);
      await Deno.stat(`${dir}/slides/${DECK_ASSET_URLS.reveal}/plugin/notes/notes.js`);
      await Deno.stat(`${dir}/slides/${DECK_ASSET_URLS.reveal}/dist/theme/white.css`);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

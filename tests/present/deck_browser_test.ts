import { assert } from "../_assert.ts";
import {
  checkDecksInBrowser,
  CHROMIUM_PATH,
  chromiumAvailable,
  type DeckCheck,
} from "../../lib/present/deck_browser.ts";
import { buildSlides } from "../../lib/present/build_slides.ts";
import { buildFixtureDecks, haveJupyter } from "./_build.ts";

const SCREENSHOTS = "out/slides-screenshots";
const chromium = await chromiumAvailable(CHROMIUM_PATH);
const jupyter = await haveJupyter();
const skip = !chromium
  ? `${CHROMIUM_PATH} is absent (apt-get install -y chromium; CI installs it)`
  : !jupyter
  ? "'jupyter nbconvert' is not installed"
  : "";
if (skip) console.warn(`deck_browser_test: SKIPPED — ${skip}`);

/** Asserts a deck opened cleanly and its first plot slide shows an SVG with data marks. */
function assertDeckShowsPlot(c: DeckCheck) {
  assert.deepEqual(c.problems, [], c.deck);
  assert.equal(c.ready, true, `${c.deck}: reveal.js started`);
  assert.ok(c.slides >= 2, `${c.deck}: ${c.slides} slides`);
  assert.ok(c.plotSlide !== null, `${c.deck}: a slide with a plot`);
  assert.equal(c.plotSlide!.visible, true, `${c.deck}: the plot is visible on its slide`);
  assert.ok(c.plotSlide!.dataMarks >= 4, `${c.deck}: ${c.plotSlide!.dataMarks} data marks`);
}

Deno.test({
  name: `decks open in headless Chromium offline with no console error and a plot with data${
    skip ? ` (skipped: ${skip})` : ""
  }`,
  ignore: skip !== "",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "cs-browser-test-" });
    try {
      const report = await buildFixtureDecks(dir);
      const checks = await checkDecksInBrowser(report.decks.map((d) => d.path), {
        screenshotDir: SCREENSHOTS,
      });
      assert.equal(checks.length, 2);
      for (const c of checks) {
        assertDeckShowsPlot(c);
        // the fixture's plot is the subslide under slide 2; its bar chart has 4 bars
        assert.deepEqual([c.plotSlide!.h, c.plotSlide!.v], [1, 1]);
        assert.equal(c.plotSlide!.dataMarks, 4);
        assert.equal(c.slides, 2);
        assert.equal(c.equations, 1, "MathJax typeset the NT-Xent equation offline");
        const shot = await Deno.stat(c.plotSlide!.screenshot!);
        assert.ok(
          shot.size > 5_000,
          `screenshot ${c.plotSlide!.screenshot} has ${shot.size} bytes`,
        );
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: `checkDecksInBrowser() reports console errors and network requests${
    skip ? ` (skipped: ${skip})` : ""
  }`,
  ignore: skip !== "",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "cs-browser-test-" });
    try {
      await Deno.writeTextFile(
        `${dir}/bad.html`,
        `<!DOCTYPE html><html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Lato">
<script src="missing.js"></script></head><body><script>console.error("boom"); undefinedFn();</script></body></html>`,
      );
      const [c] = await checkDecksInBrowser([`${dir}/bad.html`], {
        screenshotDir: "",
        timeoutMs: 2_000,
      });
      assert.equal(c.ready, false);
      assert.deepEqual(c.blockedRequests, ["https://fonts.googleapis.com/css?family=Lato"]);
      assert.equal(c.failedRequests.length, 1);
      assert.match(c.failedRequests[0], /missing\.js: net::ERR_FILE_NOT_FOUND/);
      assert.ok(c.consoleErrors.some((e) => e.startsWith("boom")), c.consoleErrors.join("; "));
      assert.ok(c.pageErrors.some((e) => e.includes("undefinedFn")), c.pageErrors.join("; "));
      assert.ok(c.problems.some((p) => p.startsWith("reveal.js did not start")));
      assert.equal(c.plotSlide, null);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: `notebook 01 executed in the Deno kernel opens as a deck with its plot${
    skip ? ` (skipped: ${skip})` : ""
  }`,
  ignore: skip !== "",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "cs-browser-test-" });
    try {
      const report = await buildSlides({ only: ["01"], outDir: dir });
      assert.equal(report.decks.length, 1);
      assert.deepEqual(report.warnings, []);
      assert.match(report.decks[0].executed, /^executed now in \d+\.\d s$/);
      const [c] = await checkDecksInBrowser([report.decks[0].path], { screenshotDir: SCREENSHOTS });
      assertDeckShowsPlot(c);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

/**
 * The slide builder and the browser check, loaded on first use: they pull reveal.js,
 * MathJax, jQuery, RequireJS and puppeteer-core from npm, which a notebook importing the
 * library does not need. The wrappers keep the exact signatures of the real functions.
 *
 * @module
 */
import type { SlidesReport } from "./build_slides.ts";
import type { DeckCheck } from "./deck_browser.ts";

type BuildSlides = typeof import("./build_slides.ts").buildSlides;
type CheckDecks = typeof import("./deck_browser.ts").checkDecksInBrowser;

/** Executes the notebooks and builds the offline reveal.js decks (see `build_slides.ts`). */
export async function buildSlides(...args: Parameters<BuildSlides>): Promise<SlidesReport> {
  const m = await import("./build_slides.ts");
  return m.buildSlides(...args);
}

/** Opens each deck in headless Chromium and checks it (see `deck_browser.ts`). */
export async function checkDecksInBrowser(...args: Parameters<CheckDecks>): Promise<DeckCheck[]> {
  const m = await import("./deck_browser.ts");
  return m.checkDecksInBrowser(...args);
}

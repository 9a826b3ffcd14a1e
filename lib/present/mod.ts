/**
 * Presenting the notebooks live: slide metadata checks, deck-ready copies of executed
 * notebooks, the index page, offline checks of what a page loads, and the presenter's
 * timing table.
 *
 * Building the decks (`build_slides.ts`, `deck_assets.ts`, `nbconvert_slides.ts`), checking
 * what a page loads (`html_references.ts`) and checking decks in a headless browser
 * (`deck_browser.ts`) are imported directly by scripts/slides.ts and the tests and are
 * deliberately not re-exported here: they pull reveal.js, MathJax, parse5 and puppeteer-core
 * from npm, which the notebooks do not need.
 *
 * @module
 */
export * from "./present_config.ts";
export * from "./notebook_file.ts";
export * from "./deck_notebook.ts";
export * from "./slide_lint.ts";
export * from "./deck_index.ts";
export * from "./present_table.ts";
export * from "./present_check.ts";
export { buildSlides, checkDecksInBrowser } from "./lazy.ts";
export type { SlidesReport } from "./build_slides.ts";
export type { DeckBrowserOptions, DeckCheck } from "./deck_browser.ts";

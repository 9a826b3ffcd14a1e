/**
 * Opening the decks as a person would: headless Chromium (Debian's `chromium`) driven by
 * puppeteer-core over a pipe, with every request that is not a local file blocked. For each
 * deck: did reveal.js start, which console errors, failed or blocked requests and uncaught
 * exceptions occurred, and does the first slide with a plot show an SVG with data marks
 * (with a screenshot of it).
 *
 * Not re-exported from lib/present/mod.ts (it pulls puppeteer-core from npm).
 *
 * @module
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { resolveOptions } from "../plot/validate.ts";

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Chromium flags: headless, no sandbox (CI runs as root), nothing that phones home. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
  "--disable-default-apps",
  "--proxy-server=http://127.0.0.1:9",
  "--host-resolver-rules=MAP * ~NOTFOUND",
];

/** Options of {@linkcode checkDecksInBrowser}. */
export interface DeckBrowserOptions {
  /** The Chromium executable. */
  executablePath: string;
  /** Folder for the screenshots ("" for none). */
  screenshotDir: string;
  /** How long a deck may take to start, ms. */
  timeoutMs: number;
  /** Viewport width and height, px. */
  width: number;
  height: number;
}

/** Defaults of {@linkcode DeckBrowserOptions}. */
export const DEFAULT_DECK_BROWSER_OPTIONS: Readonly<DeckBrowserOptions> = Object.freeze({
  executablePath: CHROMIUM_PATH,
  screenshotDir: "out/slides-screenshots",
  timeoutMs: 30_000,
  width: 1280,
  height: 800,
});

/** The first slide that shows a plot, as the browser rendered it. */
export interface PlotSlide {
  /** reveal.js indices: horizontal slide, vertical subslide. */
  h: number;
  v: number;
  /** Data marks (path, rect, line, … inside Vega's `role-mark` groups) in the plot's SVG. */
  dataMarks: number;
  /** Whether the SVG is on the current slide, visible and of non-zero size. */
  visible: boolean;
  /** Screenshot path, when taken. */
  screenshot: string | null;
}

/** What opening one deck showed. */
export interface DeckCheck {
  deck: string;
  /** reveal.js finished initialising (`.reveal.ready`). */
  ready: boolean;
  /** Number of top-level slides. */
  slides: number;
  /** Equations MathJax typeset (CommonHTML output elements). */
  equations: number;
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Requests that left file:// (blocked). */
  blockedRequests: string[];
  plotSlide: PlotSlide | null;
  /** Everything that is wrong, one line each; empty when the deck is fine. */
  problems: string[];
}

/** True when the Chromium executable exists. */
export async function chromiumAvailable(path = CHROMIUM_PATH): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

const LOCAL = /^(file|data|blob|about):/;

/**
 * Browser-side script (a string, so it needs no DOM types here): shows the first slide with a
 * plot and all its fragments through reveal.js's API, waits for the transition, and
 * measures the plot's SVG. Resolves to null when no slide has a plot.
 */
const SHOW_FIRST_PLOT = `new Promise((done, fail) => {
  const svg = document.querySelector(".reveal .slides .jp-RenderedSVG svg");
  const section = svg && svg.closest("section");
  if (!svg || !section) return done(null);
  const script = document.querySelector("script[data-requiremodule$='dist/reveal.js']");
  if (!script || typeof require !== "function") {
    return fail(new Error("reveal.js was not loaded through RequireJS"));
  }
  require([script.getAttribute("data-requiremodule")], (Reveal) => {
    const { h, v = 0 } = Reveal.getIndices(section);
    Reveal.slide(h, v, section.querySelectorAll(".fragment").length - 1);
    setTimeout(() => {
      svg.scrollIntoView({ block: "center" });
    }, 1000);
    setTimeout(() => {
      const box = svg.getBoundingClientRect();
      const marks = svg.querySelectorAll(["path", "rect", "line", "circle"]
        .map((t) => "g[class~='role-mark'] > " + t).join(", ")).length;
      done({
        h,
        v,
        dataMarks: marks,
        visible: section.classList.contains("present") &&
          svg.closest(".fragment:not(.visible)") === null && box.width > 0 && box.height > 0 &&
          box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
      });
    }, 1500);
  }, fail);
})`;

/** Browser-side script: resolves once MathJax (if loaded) has typeset the page, or after 10 s. */
const MATHJAX_SETTLED = `new Promise((done) => {
  const hub = window.MathJax && window.MathJax.Hub;
  if (!hub) return done(false);
  hub.Queue(() => done(true));
  setTimeout(() => done(false), 10000);
})`;

/** Shows the first slide with a plot (all its fragments) and measures its SVG. */
function showFirstPlot(page: Page): Promise<Omit<PlotSlide, "screenshot"> | null> {
  return page.evaluate(SHOW_FIRST_PLOT) as Promise<Omit<PlotSlide, "screenshot"> | null>;
}

async function checkDeck(
  browser: Browser,
  deck: string,
  o: DeckBrowserOptions,
): Promise<DeckCheck> {
  const page = await browser.newPage();
  const check: DeckCheck = {
    deck,
    ready: false,
    slides: 0,
    equations: 0,
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    blockedRequests: [],
    plotSlide: null,
    problems: [],
  };
  try {
    await page.setViewport({ width: o.width, height: o.height });
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      if (LOCAL.test(req.url())) {
        req.continue();
      } else {
        check.blockedRequests.push(req.url());
        req.abort("internetdisconnected");
      }
    });
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "assert") {
        const where = m.location()?.url;
        check.consoleErrors.push(`${m.text()}${where ? ` (${where})` : ""}`);
      }
    });
    page.on("pageerror", (e) => check.pageErrors.push(String((e as Error).message ?? e)));
    page.on("requestfailed", (req) => {
      if (LOCAL.test(req.url())) {
        check.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? "failed"}`);
      }
    });
    await page.goto(pathToFileURL(resolve(deck)).href, { waitUntil: "load", timeout: o.timeoutMs });
    try {
      await page.waitForSelector(".reveal.ready", { timeout: o.timeoutMs });
      check.ready = true;
    } catch {
      check.problems.push(`reveal.js did not start within ${o.timeoutMs} ms`);
    }
    if (check.ready) await page.evaluate(MATHJAX_SETTLED);
    check.slides = await page.evaluate(
      `document.querySelectorAll(".reveal .slides > section").length`,
    ) as number;
    check.equations = await page.evaluate(
      `document.querySelectorAll(".reveal .slides .MathJax_CHTML").length`,
    ) as number;
    const stem = basename(deck).replace(/\.html$/, "");
    if (o.screenshotDir) {
      await Deno.mkdir(o.screenshotDir, { recursive: true });
      await page.screenshot({ path: join(o.screenshotDir, `${stem}-title.png`) });
    }
    if (check.ready) {
      const plot = await showFirstPlot(page);
      if (plot) {
        let screenshot: string | null = null;
        if (o.screenshotDir) {
          screenshot = join(o.screenshotDir, `${stem}-first-plot.png`);
          await page.screenshot({ path: screenshot });
        }
        check.plotSlide = { ...plot, screenshot };
      }
    }
  } catch (e) {
    check.problems.push(`cannot open: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    await page.close();
  }
  for (const e of check.consoleErrors) check.problems.push(`console error: ${e}`);
  for (const e of check.pageErrors) check.problems.push(`uncaught exception: ${e}`);
  for (const r of check.failedRequests) check.problems.push(`failed request: ${r}`);
  for (const r of check.blockedRequests) check.problems.push(`network request: ${r}`);
  if (check.ready && check.slides === 0) check.problems.push("the deck has no slides");
  return check;
}

/**
 * Opens each deck in headless Chromium with the network blocked and reports what it showed
 * (see {@linkcode DeckCheck}); screenshots of the title and the first plot slide go to
 * `screenshotDir`. Whether a deck must have a plot is the caller's call (`plotSlide` null).
 */
export async function checkDecksInBrowser(
  decks: readonly string[],
  options?: Partial<DeckBrowserOptions>,
): Promise<DeckCheck[]> {
  const o = resolveOptions("checkDecksInBrowser", options, { ...DEFAULT_DECK_BROWSER_OPTIONS });
  if (!(await chromiumAvailable(o.executablePath))) {
    throw new Error(
      `Cannot check the decks in a browser: ${o.executablePath} is missing (apt-get install -y chromium)`,
    );
  }
  const userDataDir = await Deno.makeTempDir({ prefix: "cs-chromium-" });
  const browser = await puppeteer.launch({
    executablePath: o.executablePath,
    headless: true,
    pipe: true,
    userDataDir,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const out: DeckCheck[] = [];
    for (const deck of decks) out.push(await checkDeck(browser, deck, o));
    return out;
  } finally {
    await browser.close();
    await Deno.remove(userDataDir, { recursive: true }).catch(() => {});
  }
}

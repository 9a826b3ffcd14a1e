/**
 * `deno task slides`: executes the numbered notebooks through Jupyter and the Deno kernel
 * and builds one reveal.js deck per notebook plus an index page into out/slides/ (or
 * --out DIR), with reveal.js and MathJax copied from npm so the decks open offline.
 *
 * @module
 */
import {
  buildSlides,
  checkDecksInBrowser,
  DEFAULT_PRESENT_CONFIG,
  parseFlags,
  runMain,
} from "@contrastive-sensors/lib";

const SPEC = {
  out: {
    type: "string",
    default: DEFAULT_PRESENT_CONFIG.outDir,
    arg: "DIR",
    help: "Folder for the decks",
  },
  only: { type: "string", arg: "LIST", help: "Comma-separated notebook name prefixes, e.g. 01,03" },
  executed: {
    type: "string",
    arg: "DIR",
    help: "Build from executed copies in DIR (e.g. out/notebooks) instead of executing",
  },
  fresh: {
    type: "boolean",
    help: "Pretrain in notebook 04 even when a cached checkpoint exists (default: reuse it)",
  },
  theme: {
    type: "string",
    arg: "NAME",
    default: DEFAULT_PRESENT_CONFIG.theme,
    help: "reveal.js theme (offline ones)",
  },
  "cell-timeout": {
    type: "number",
    default: DEFAULT_PRESENT_CONFIG.cellTimeout,
    help: "Per-cell timeout in seconds",
  },
  browser: {
    type: "boolean",
    help: "Then open every deck in headless Chromium (/usr/bin/chromium), network blocked; " +
      "fail on console errors or a deck whose first plot shows no data",
  },
} as const;

await runMain(async () => {
  const flags = parseFlags(
    Deno.args,
    "deno task slides",
    "Executes notebooks/NN_*.ipynb and builds reveal.js decks and an index page that open offline.",
    SPEC,
  );
  if (!flags) return;
  const report = await buildSlides({
    outDir: flags.out!,
    only: flags.only?.split(",").map((s) => s.trim()).filter(Boolean) ?? [],
    executedDir: flags.executed ?? "",
    reuseCheckpoint: !flags.fresh,
    theme: flags.theme!,
    cellTimeout: flags["cell-timeout"],
  }, console.log);
  for (const w of report.warnings) console.log(`warning: ${w}`);
  console.log(
    `\n${report.decks.length} decks and ${report.index} built in ${report.seconds.toFixed(1)} s ` +
      `(${report.assetFiles} reveal.js/MathJax files copied beside them).`,
  );
  if (!flags.browser) return;
  const t0 = performance.now();
  const checks = await checkDecksInBrowser(report.decks.map((d) => d.path));
  const problems: string[] = [];
  for (const c of checks) {
    const p = c.plotSlide;
    console.log(
      `  ${c.deck}: ${c.slides} top-level slides, ${
        p ? `first plot on slide ${p.h + 1}.${p.v + 1} with ${p.dataMarks} data marks` : "no plot"
      }, ${c.equations} equations typeset, ${c.problems.length} problem(s)`,
    );
    problems.push(...c.problems.map((m) => `${c.deck}: ${m}`));
    if (p && (!p.visible || p.dataMarks === 0)) {
      problems.push(`${c.deck}: the first plot slide shows no visible data marks`);
    }
  }
  console.log(
    `Browser check of ${checks.length} decks took ${
      ((performance.now() - t0) / 1000).toFixed(1)
    } s; screenshots in out/slides-screenshots/.`,
  );
  if (problems.length > 0) {
    throw new Error(`${problems.length} deck problem(s):\n  ${problems.join("\n  ")}`);
  }
});

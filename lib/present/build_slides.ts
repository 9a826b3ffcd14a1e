/**
 * `deno task slides` as a function: executes the numbered notebooks through Jupyter and the
 * Deno kernel (or takes executed copies), builds one reveal.js deck per notebook and an
 * index page, copies reveal.js and MathJax beside them and checks that every page loads
 * only local files.
 *
 * Not re-exported from lib/present/mod.ts (it pulls the deck assets from npm).
 *
 * @module
 */
import { join } from "node:path";
import { checkJupyter, executeNotebook } from "../notebook/execute.ts";
import { inspectNotebook } from "../notebook/inspect.ts";
import { copyDeckAssets, DECK_PACKAGES } from "./deck_assets.ts";
import { type DeckEntry, deckIndexHtml } from "./deck_index.ts";
import { deckNotebook, notebookTitle } from "./deck_notebook.ts";
import { checkLocalReferences } from "./html_references.ts";
import { convertToSlides } from "./nbconvert_slides.ts";
import { listNotebooks, readNotebook, writeNotebook } from "./notebook_file.ts";
import { type PresentConfig, presentEnv, resolvePresentConfig } from "./present_config.ts";
import { pretrainingLine } from "./present_table.ts";
import { lintSlides, slideOutline } from "./slide_lint.ts";

/** What {@linkcode buildSlides} built. */
export interface SlidesReport {
  /** The decks, in notebook order. */
  decks: (DeckEntry & { path: string })[];
  /** Path of the index page. */
  index: string;
  /** Number of asset files copied (reveal.js, MathJax, jQuery, RequireJS). */
  assetFiles: number;
  /** Slide-metadata problems, "notebook: cell N: …" (the decks are built anyway). */
  warnings: string[];
  /** Wall time of the whole build, seconds. */
  seconds: number;
}

/** Builds the decks and the index page into `config.outDir`; see the module doc. */
export async function buildSlides(
  options: Partial<PresentConfig> = {},
  log: (line: string) => void = () => {},
): Promise<SlidesReport> {
  const t0 = performance.now();
  const config = resolvePresentConfig(options);
  const names = listNotebooks(config.notebooksDir, config.only);
  if (config.executedDir === "") await checkJupyter(config.kernel);
  await Deno.mkdir(config.outDir, { recursive: true });
  const assets = await copyDeckAssets(config.outDir);
  const work = await Deno.makeTempDir({ prefix: "cs-decks-" });
  const decks: SlidesReport["decks"] = [];
  const warnings: string[] = [];
  try {
    for (const name of names) {
      let executedPath: string;
      let executed: string;
      if (config.executedDir !== "") {
        executedPath = join(config.executedDir, name);
        executed = `outputs from ${executedPath}`;
      } else {
        log(`▶ executing ${name} …`);
        const r = await executeNotebook(join(config.notebooksDir, name), {
          outDir: join(config.outDir, "executed"),
          cellTimeout: config.cellTimeout,
          kernel: config.kernel,
          env: presentEnv(config),
        });
        if (r.errors.length > 0 || r.exitCode !== 0) {
          throw new Error(
            `Cannot build the deck of ${name}: executing it failed (${
              r.errors.join("; ") || `nbconvert exited ${r.exitCode}`
            })\n${r.log}`,
          );
        }
        executedPath = r.output;
        executed = `executed now in ${r.wallSeconds.toFixed(1)} s`;
      }
      const nb = await readNotebook(executedPath);
      const failed = inspectNotebook(nb).errors;
      if (failed.length > 0) {
        throw new Error(
          `Cannot build the deck of ${name}: ${executedPath} shows errors (${failed.join("; ")})`,
        );
      }
      for (const issue of lintSlides(nb, config)) warnings.push(`${name}: ${issue}`);
      const work_nb = join(work, name);
      await writeNotebook(work_nb, deckNotebook(nb, executedPath));
      const path = await convertToSlides(work_nb, config.outDir, config);
      await checkLocalReferences(path);
      const outline = slideOutline(nb);
      const entry = {
        notebook: name,
        deck: path.split("/").pop()!,
        path,
        title: notebookTitle(nb) ?? name,
        slides: outline.slides + outline.subslides,
        notes: outline.notes,
        executed,
        pretraining: pretrainingLine(nb),
      };
      decks.push(entry);
      log(`  ${path}: ${entry.slides} slides, ${entry.notes} notes; ${executed}`);
      if (entry.pretraining) log(`  ${entry.pretraining}`);
    }
  } finally {
    await Deno.remove(work, { recursive: true });
  }
  const index = join(config.outDir, "index.html");
  const versions = Object.entries(DECK_PACKAGES).map(([p, v]) => `${p} ${v}`).join(", ");
  await Deno.writeTextFile(
    index,
    deckIndexHtml(
      decks,
      `Built ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC from the notebooks; ` +
        `opens offline (${versions} are copied beside the decks).`,
    ),
  );
  await checkLocalReferences(index);
  return {
    decks,
    index,
    assetFiles: assets.length,
    warnings,
    seconds: (performance.now() - t0) / 1000,
  };
}

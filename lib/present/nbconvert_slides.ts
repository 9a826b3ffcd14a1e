/**
 * Turns a (deck-ready, executed) notebook into a reveal.js deck with
 * `jupyter nbconvert --to slides` and the project's template (plots as inline SVG, no input
 * prompts), pointing every script and stylesheet at the local copies of `copyDeckAssets`
 * (deck_assets.ts) instead of a CDN.
 *
 * @module
 */
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DECK_ASSET_URLS } from "./deck_assets.ts";

/**
 * The folder of the project's nbconvert template `cs_slides`: nbconvert's reveal template
 * with plots shown as their SVG (see its index.html.j2).
 */
export const SLIDES_TEMPLATE_DIR: string = fileURLToPath(
  new URL("./nbconvert_template", import.meta.url),
);

/** Options of {@linkcode convertToSlides}. */
export interface SlidesConvertOptions {
  /** reveal.js theme. */
  theme: string;
  /** reveal.js transition. */
  transition: string;
}

/** The nbconvert arguments that build a deck of `notebook` into `outDir`. */
export function slidesArgs(
  notebook: string,
  outDir: string,
  options: SlidesConvertOptions,
): string[] {
  return [
    "nbconvert",
    "--to",
    "slides",
    `--TemplateExporter.extra_template_basedirs=${SLIDES_TEMPLATE_DIR}`,
    "--template",
    "cs_slides",
    "--SlidesExporter.exclude_input_prompt=True",
    "--SlidesExporter.exclude_output_prompt=True",
    `--SlidesExporter.reveal_url_prefix=${DECK_ASSET_URLS.reveal}`,
    `--SlidesExporter.reveal_theme=${options.theme}`,
    `--SlidesExporter.reveal_transition=${options.transition}`,
    "--SlidesExporter.reveal_scroll=True",
    `--SlidesExporter.require_js_url=${DECK_ASSET_URLS.requireJs}`,
    `--SlidesExporter.jquery_url=${DECK_ASSET_URLS.jquery}`,
    `--SlidesExporter.mathjax_url=${DECK_ASSET_URLS.mathjax}`,
    "--output-dir",
    outDir,
    notebook,
  ];
}

/**
 * Builds the deck `<outDir>/<name>.slides.html` of `notebook` (not executing it); returns
 * its path. Throws with nbconvert's message when it fails.
 */
export async function convertToSlides(
  notebook: string,
  outDir: string,
  options: SlidesConvertOptions,
): Promise<string> {
  let res: Deno.CommandOutput;
  try {
    res = await new Deno.Command("jupyter", {
      args: slidesArgs(notebook, outDir, options),
      env: { PYDEVD_DISABLE_FILE_VALIDATION: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (e) {
    throw new Error(
      `Cannot build the deck of ${notebook}: cannot run 'jupyter' (${(e as Error).message})`,
    );
  }
  if (res.code !== 0) {
    const tail = new TextDecoder().decode(res.stderr).trim().split("\n").slice(-6).join("\n");
    throw new Error(
      `Cannot build the deck of ${notebook}: jupyter nbconvert exited ${res.code}\n${tail}`,
    );
  }
  const deck = join(outDir, basename(notebook).replace(/\.ipynb$/, "") + ".slides.html");
  try {
    await Deno.stat(deck);
  } catch {
    throw new Error(`Cannot build the deck of ${notebook}: nbconvert wrote no ${deck}`);
  }
  return deck;
}

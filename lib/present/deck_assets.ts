/**
 * The files a deck loads — reveal.js, jQuery and RequireJS (the nbconvert reveal template
 * loads reveal.js through RequireJS) and MathJax 2 (for the equations) — copied from their
 * npm packages into the deck folder, so the decks open offline from file:// with no CDN.
 *
 * This module is not re-exported from lib/present/mod.ts: importing it pulls these packages
 * from npm, which notebooks do not need.
 *
 * @module
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
// Importing each package's package.json makes Deno fetch the package and gives its version.
import revealPackage from "reveal.js/package.json" with { type: "json" };
import mathjaxPackage from "mathjax/package.json" with { type: "json" };
import jqueryPackage from "jquery/package.json" with { type: "json" };
import requirejsPackage from "requirejs/package.json" with { type: "json" };

/** The npm packages a deck loads, with the versions pinned in deno.json. */
export const DECK_PACKAGES: Readonly<Record<string, string>> = {
  "reveal.js": revealPackage.version,
  mathjax: mathjaxPackage.version,
  jquery: jqueryPackage.version,
  requirejs: requirejsPackage.version,
};

/** The URLs (relative to a deck) that nbconvert writes into each deck. */
export const DECK_ASSET_URLS = {
  /** `SlidesExporter.reveal_url_prefix`. */
  reveal: "reveal.js",
  /** `HTMLExporter.require_js_url`. */
  requireJs: "vendor/require.js",
  /** `HTMLExporter.jquery_url`. */
  jquery: "vendor/jquery.min.js",
  /** `HTMLExporter.mathjax_url` (MathJax 2, as nbconvert's template expects). */
  mathjax: "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
} as const;

/** One copy from a package into the deck folder. */
interface AssetCopy {
  pkg: keyof typeof DECK_PACKAGES;
  /** Path inside the package (a file or a folder). */
  from: string;
  /** Path inside the deck folder. */
  to: string;
  /** For a folder: also copy sub-folders (default true). */
  recursive?: boolean;
}

/** What is copied: what the decks load, and the licences. */
const ASSETS: readonly AssetCopy[] = [
  { pkg: "reveal.js", from: "dist/reveal.js", to: "reveal.js/dist/reveal.js" },
  { pkg: "reveal.js", from: "dist/reveal.css", to: "reveal.js/dist/reveal.css" },
  { pkg: "reveal.js", from: "dist/theme", to: "reveal.js/dist/theme" },
  { pkg: "reveal.js", from: "plugin/notes", to: "reveal.js/plugin/notes" },
  { pkg: "reveal.js", from: "LICENSE", to: "reveal.js/LICENSE" },
  { pkg: "jquery", from: "dist/jquery.min.js", to: "vendor/jquery.min.js" },
  { pkg: "jquery", from: "LICENSE.txt", to: "vendor/jquery.LICENSE.txt" },
  { pkg: "requirejs", from: "require.js", to: "vendor/require.js" },
  { pkg: "mathjax", from: "MathJax.js", to: "mathjax/MathJax.js" },
  { pkg: "mathjax", from: "LICENSE", to: "mathjax/LICENSE" },
  {
    pkg: "mathjax",
    from: "config/TeX-AMS_CHTML-full.js",
    to: "mathjax/config/TeX-AMS_CHTML-full.js",
  },
  { pkg: "mathjax", from: "config/Safe.js", to: "mathjax/config/Safe.js" },
  { pkg: "mathjax", from: "extensions", to: "mathjax/extensions", recursive: false },
  { pkg: "mathjax", from: "extensions/TeX", to: "mathjax/extensions/TeX" },
  { pkg: "mathjax", from: "jax/input/TeX", to: "mathjax/jax/input/TeX" },
  { pkg: "mathjax", from: "jax/output/CommonHTML", to: "mathjax/jax/output/CommonHTML" },
  { pkg: "mathjax", from: "jax/element", to: "mathjax/jax/element" },
  { pkg: "mathjax", from: "fonts/HTML-CSS/TeX/woff", to: "mathjax/fonts/HTML-CSS/TeX/woff" },
  { pkg: "mathjax", from: "localization/en", to: "mathjax/localization/en" },
];

/** The folder of an npm package in Deno's cache. */
export function packageDir(pkg: keyof typeof DECK_PACKAGES): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch (e) {
    throw new Error(
      `Cannot find the npm package ${pkg}@${DECK_PACKAGES[pkg]} for the decks: ${
        (e as Error).message.split("\n")[0]
      }`,
    );
  }
}

async function copyTree(from: string, to: string, recursive: boolean, out: string[]) {
  const info = await Deno.stat(from);
  if (info.isFile) {
    await Deno.mkdir(dirname(to), { recursive: true });
    await Deno.copyFile(from, to);
    out.push(to);
    return;
  }
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    if (e.isDirectory && !recursive) continue;
    await copyTree(join(from, e.name), join(to, e.name), true, out);
  }
}

/** Copies the deck assets into `outDir`; returns the files written. */
export async function copyDeckAssets(outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const a of ASSETS) {
    const from = join(packageDir(a.pkg), a.from);
    try {
      await copyTree(from, join(outDir, a.to), a.recursive ?? true, written);
    } catch (e) {
      throw new Error(
        `Cannot copy ${a.pkg}/${a.from} into ${outDir}: ${(e as Error).message.split("\n")[0]}`,
      );
    }
  }
  return written;
}

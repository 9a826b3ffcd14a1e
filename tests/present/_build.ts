/**
 * Builds fixture decks for the present tests: two executed fixture notebooks in a temp
 * folder, turned into decks by the real `buildSlides` (nbconvert, no kernel).
 *
 * @module
 */
import { buildSlides, type SlidesReport } from "../../lib/present/build_slides.ts";
import { writeNotebook } from "../../lib/present/notebook_file.ts";
import { deckFixture } from "./_fixtures.ts";

/** True when `jupyter nbconvert` can run here. */
export async function haveJupyter(): Promise<boolean> {
  try {
    const r = await new Deno.Command("jupyter", {
      args: ["nbconvert", "--version"],
      stdout: "null",
      stderr: "null",
    }).output();
    return r.success;
  } catch {
    return false;
  }
}

/** Builds decks of two fixture notebooks into `<dir>/slides`; returns the report. */
export async function buildFixtureDecks(dir: string): Promise<SlidesReport> {
  const nbDir = `${dir}/notebooks`;
  await Deno.mkdir(nbDir, { recursive: true });
  await writeNotebook(`${nbDir}/01_fixture_one.ipynb`, await deckFixture("01 · Fixture one"));
  await writeNotebook(`${nbDir}/02_fixture_two.ipynb`, await deckFixture("02 · Fixture two"));
  return await buildSlides({
    notebooksDir: nbDir,
    executedDir: nbDir,
    outDir: `${dir}/slides`,
  });
}

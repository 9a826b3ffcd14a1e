/**
 * Reading and writing notebook files (nbformat 4 JSON) for the decks, with a clear error
 * naming the file when one is not a notebook.
 *
 * @module
 */
import type { NotebookJson } from "../notebook/inspect.ts";

/**
 * Checks that `value` has the nbformat 4 shape the decks need (a `cells` array whose cells
 * have a `cell_type` and a `source`) and returns it typed; throws naming `where` otherwise.
 */
export function checkNotebookJson(value: unknown, where: string): NotebookJson {
  const bad = (what: string) => new Error(`Cannot read notebook ${where}: ${what}`);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw bad("expected a JSON object");
  }
  const cells = (value as { cells?: unknown }).cells;
  if (!Array.isArray(cells)) throw bad("expected a 'cells' array");
  cells.forEach((cell, i) => {
    if (cell === null || typeof cell !== "object") throw bad(`cell ${i + 1} is not an object`);
    const c = cell as { cell_type?: unknown; source?: unknown };
    if (typeof c.cell_type !== "string") throw bad(`cell ${i + 1} has no cell_type`);
    if (typeof c.source !== "string" && !Array.isArray(c.source)) {
      throw bad(`cell ${i + 1} has no source (expected a string or an array of lines)`);
    }
  });
  return value as NotebookJson;
}

/** Reads and checks a notebook file. */
export async function readNotebook(path: string): Promise<NotebookJson> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new Error(`Cannot read notebook ${path}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`Cannot read notebook ${path}: not JSON (${(e as Error).message})`);
  }
  return checkNotebookJson(value, path);
}

/** Writes a notebook as nbformat JSON (one-space indent, as Jupyter does). */
export async function writeNotebook(path: string, nb: NotebookJson): Promise<void> {
  await Deno.writeTextFile(path, JSON.stringify(nb, null, 1) + "\n");
}

/** A cell's source as one string (nbformat allows a string or an array of lines). */
export function notebookCellSource(cell: { source: string | string[] }): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/**
 * The numbered notebooks `NN_*.ipynb` in `dir`, sorted, optionally only those whose name
 * starts with one of `prefixes`; throws when none match.
 */
export function listNotebooks(dir: string, prefixes: readonly string[] = []): string[] {
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(dir)];
  } catch (e) {
    throw new Error(`Cannot list notebooks in ${dir}: ${(e as Error).message}`);
  }
  const names = entries
    .filter((e) => e.isFile && /^\d\d_.*\.ipynb$/.test(e.name))
    .map((e) => e.name)
    .filter((n) => prefixes.length === 0 || prefixes.some((p) => n.startsWith(p)))
    .sort();
  if (names.length === 0) {
    throw new Error(
      `No notebooks NN_*.ipynb in ${dir}${
        prefixes.length ? ` starting with ${prefixes.join(" or ")}` : ""
      }`,
    );
  }
  return names;
}

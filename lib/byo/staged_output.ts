/**
 * Output without partial results: everything is written to a temporary folder (or file)
 * beside the destination and renamed into place only when the whole run succeeded; on
 * failure the temporary output is removed. Creating the temporary output first also proves,
 * before any work, that the destination is writable.
 *
 * @module
 */
import { basename, dirname, resolve } from "node:path";

/** An output being written: `temp` now, `final` after {@linkcode StagedOutput.commit}. */
export interface StagedOutput {
  /** Where the output goes in the end. */
  final: string;
  /** Where to write it meanwhile. */
  temp: string;
  /** Moves `temp` to `final` (replacing an earlier output there). */
  commit(): Promise<void>;
  /** Removes `temp` (after a failure); never throws. */
  discard(): Promise<void>;
}

async function statOrNull(path: string): Promise<Deno.FileInfo | null> {
  try {
    return await Deno.stat(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

function reason(e: unknown): string {
  return (e as Error).message.replace(/\s*\n\s*/g, " ");
}

async function ensureParent(final: string, what: string): Promise<string> {
  const parent = dirname(resolve(final));
  try {
    await Deno.mkdir(parent, { recursive: true });
  } catch (e) {
    throw new Error(
      `Cannot write ${what} ${final}: cannot create its folder ${parent}: ${reason(e)}`,
    );
  }
  return parent;
}

/**
 * Stages an output folder `out`. An existing `out` is replaced on commit only when it is an
 * earlier output of the same kind (it holds `marker`) or empty; otherwise, or when `out` is a
 * file or its folder cannot be created or written, this throws a one-line error before any
 * work is done.
 */
export async function stageOutputDir(out: string, marker: string): Promise<StagedOutput> {
  const what = "output folder";
  const existing = await statOrNull(out).catch((e) => {
    throw new Error(`Cannot write ${what} ${out}: ${reason(e)}`);
  });
  if (existing && !existing.isDirectory) {
    throw new Error(`Cannot write ${what} ${out}: it exists and is a file; expected a folder path`);
  }
  if (existing) {
    let empty = true;
    for await (const _ of Deno.readDir(out)) {
      empty = false;
      break;
    }
    if (!empty && !(await statOrNull(`${out}/${marker}`))) {
      throw new Error(
        `Cannot write ${what} ${out}: it exists, is not empty and holds no ${marker} (not an earlier output); choose another --out or remove it`,
      );
    }
  }
  const parent = await ensureParent(out, what);
  let temp: string;
  try {
    temp = await Deno.makeTempDir({ dir: parent, prefix: `.${basename(resolve(out))}.partial-` });
  } catch (e) {
    throw new Error(
      `Cannot write ${what} ${out}: cannot create a folder in ${parent}: ${reason(e)}`,
    );
  }
  return {
    final: out,
    temp,
    async commit() {
      const old = `${temp}.old`;
      const had = await statOrNull(out);
      if (had) await Deno.rename(out, old);
      await Deno.rename(temp, out);
      if (had) await Deno.remove(old, { recursive: true });
    },
    async discard() {
      await Deno.remove(temp, { recursive: true }).catch(() => {});
    },
  };
}

/**
 * Stages an output file `out` (replaced on commit if it exists). Throws a one-line error
 * before any work when `out` is a folder or its folder cannot be created or written.
 */
export async function stageOutputFile(out: string): Promise<StagedOutput> {
  const what = "output file";
  const existing = await statOrNull(out).catch((e) => {
    throw new Error(`Cannot write ${what} ${out}: ${reason(e)}`);
  });
  if (existing?.isDirectory) {
    throw new Error(`Cannot write ${what} ${out}: it is a folder; expected a file path`);
  }
  const parent = await ensureParent(out, what);
  let temp: string;
  try {
    temp = await Deno.makeTempFile({ dir: parent, prefix: `.${basename(resolve(out))}.partial-` });
  } catch (e) {
    throw new Error(`Cannot write ${what} ${out}: cannot create a file in ${parent}: ${reason(e)}`);
  }
  return {
    final: out,
    temp,
    async commit() {
      await Deno.rename(temp, out);
    },
    async discard() {
      await Deno.remove(temp).catch(() => {});
    },
  };
}

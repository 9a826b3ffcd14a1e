/**
 * Provenance of a run: the resolved config, seed, versions and git commit, written beside
 * every run's artefacts.
 *
 * @module
 */
import { tf } from "./backend/tf.ts";

/** What produced an artefact. */
export interface Provenance {
  seed: number;
  config: unknown;
  versions: Record<string, string>;
  gitCommit: string | null;
  /** Whether the working tree had uncommitted changes. */
  gitDirty: boolean | null;
}

/** The git commit of the working tree at `cwd`, or null outside git. */
export function gitCommit(cwd = "."): { commit: string | null; dirty: boolean | null } {
  try {
    const head = new Deno.Command("git", { args: ["rev-parse", "HEAD"], cwd, stderr: "null" })
      .outputSync();
    if (!head.success) return { commit: null, dirty: null };
    const status = new Deno.Command("git", {
      args: ["status", "--porcelain", "--untracked-files=no"],
      cwd,
      stderr: "null",
    }).outputSync();
    const dec = new TextDecoder();
    return {
      commit: dec.decode(head.stdout).trim(),
      dirty: status.success ? dec.decode(status.stdout).trim().length > 0 : null,
    };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** Versions of the runtime and the numeric libraries. */
export function versions(): Record<string, string> {
  return {
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    typescript: Deno.version.typescript,
    tfjs: tf.version.tfjs,
  };
}

/** Builds the provenance record of a run. */
export function provenance(seed: number, config: unknown): Provenance {
  const g = gitCommit();
  return { seed, config, versions: versions(), gitCommit: g.commit, gitDirty: g.dirty };
}

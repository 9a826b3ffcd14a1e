/**
 * The one place that decides how progress is shown: in the Deno Jupyter kernel, on a
 * terminal, as plain lines (pipes, CI logs), or not at all.
 *
 * The environment variable `CS_PROGRESS` (one of "jupyter", "tty", "lines", "silent")
 * overrides the detection, e.g. `CS_PROGRESS=silent deno task repro`.
 *
 * @module
 */
import { inJupyterKernel } from "../plot/jupyter.ts";

/** How progress is shown. */
export type ProgressMode = "jupyter" | "tty" | "lines" | "silent";

/** All progress modes. */
export const PROGRESS_MODES: readonly ProgressMode[] = ["jupyter", "tty", "lines", "silent"];

/** Name of the environment variable that overrides {@linkcode detectProgressMode}. */
export const PROGRESS_ENV_VAR = "CS_PROGRESS";

/** Reads an environment variable, or undefined without --allow-env. */
function readEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
}

/**
 * The progress mode for this process: `CS_PROGRESS` when set, else "jupyter" inside the
 * kernel, "tty" when stderr is a terminal, otherwise "lines".
 */
export function detectProgressMode(): ProgressMode {
  const forced = readEnv(PROGRESS_ENV_VAR);
  if (forced !== undefined && forced !== "") {
    if (!(PROGRESS_MODES as readonly string[]).includes(forced)) {
      throw new Error(
        `${PROGRESS_ENV_VAR}=${forced} is not a progress mode; expected one of ${
          PROGRESS_MODES.join(", ")
        }`,
      );
    }
    return forced as ProgressMode;
  }
  if (inJupyterKernel()) return "jupyter";
  try {
    if (Deno.stderr.isTerminal()) return "tty";
  } catch {
    // Not a terminal-capable stream.
  }
  return "lines";
}

/**
 * The one place that detects the Deno Jupyter kernel and talks to it.
 *
 * Deno's kernel exposes `Deno.jupyter.display(bundle, { raw, display_id, update })`:
 * `raw: true` sends the object as the MIME bundle itself; a `display_id` makes the output
 * updatable, and `update: true` sends `update_display_data` for that id instead of a new
 * output. Outside `deno jupyter`, reading `Deno.jupyter` throws.
 *
 * The kernel queues iopub messages asynchronously, so a display sent just before a cell
 * finishes can reach the front end after the cell's "idle" status; headless executors
 * (nbconvert/nbclient) then drop it. Callers await {@linkcode settleDisplay} (a few
 * milliseconds) after their last display of a cell.
 *
 * @module
 */

/** Sends a MIME bundle to the front end, optionally as (an update of) an identified display. */
export type DisplaySink = (
  bundle: Record<string, unknown>,
  options?: { displayId?: string; update?: boolean },
) => Promise<void>;

interface DenoJupyter {
  display(
    obj: unknown,
    options: { raw: boolean; display_id?: string; update?: boolean },
  ): Promise<void>;
}

/** Milliseconds to wait after a display so it reaches the front end before the cell ends. */
export const KERNEL_SETTLE_MS = 25;

/** The kernel's `Deno.jupyter` namespace, or null outside `deno jupyter`. */
function denoJupyter(): DenoJupyter | null {
  try {
    const j = (Deno as unknown as { jupyter?: DenoJupyter }).jupyter;
    return j && typeof j.display === "function" ? j : null;
  } catch {
    return null;
  }
}

/** True when running inside the Deno Jupyter kernel. */
export function inJupyterKernel(): boolean {
  return denoJupyter() !== null;
}

/** A {@linkcode DisplaySink} that sends to the Deno kernel, or null outside a kernel. */
export function kernelDisplaySink(): DisplaySink | null {
  const j = denoJupyter();
  if (j === null) return null;
  return (bundle, options = {}) =>
    j.display(bundle, {
      raw: true,
      ...(options.displayId ? { display_id: options.displayId } : {}),
      ...(options.update ? { update: true } : {}),
    });
}

/** Resolves after {@linkcode KERNEL_SETTLE_MS}, letting queued kernel messages go out. */
export function settleDisplay(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, KERNEL_SETTLE_MS));
}

let displayCounter = 0;

/** A display id unique within this process and across kernel restarts (time-stamped). */
export function newDisplayId(prefix: string): string {
  displayCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${displayCounter}`;
}

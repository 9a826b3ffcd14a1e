/**
 * Executes notebooks headless through Jupyter and the real Deno kernel
 * (`jupyter nbconvert --to notebook --execute`), leaving the source notebook untouched.
 *
 * @module
 */
import { inspectNotebook, type NotebookJson, type NotebookReport } from "./inspect.ts";

/** Options of {@linkcode executeNotebook}. */
export interface ExecuteOptions {
  /** Folder for the executed copy. */
  outDir: string;
  /** Per-cell timeout in seconds. */
  cellTimeout: number;
  /** Jupyter kernel name. */
  kernel: string;
  /** Extra environment variables for the kernel. */
  env?: Record<string, string>;
}

/** Defaults for {@linkcode ExecuteOptions}. */
export const DEFAULT_EXECUTE_OPTIONS: Readonly<ExecuteOptions> = {
  outDir: "out/notebooks",
  cellTimeout: 300,
  kernel: "deno",
};

/** Result of executing one notebook. */
export interface ExecutedNotebook extends NotebookReport {
  notebook: string;
  output: string;
  wallSeconds: number;
  /** nbconvert's exit status; non-zero when a cell raised. */
  exitCode: number;
  /** Tail of nbconvert's stderr when it failed. */
  log: string;
}

/** Throws a clear error unless `jupyter` and the Deno kernel are installed. */
export async function checkJupyter(kernel = "deno"): Promise<void> {
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command("jupyter", { args: ["kernelspec", "list", "--json"] }).output();
  } catch {
    throw new Error(
      "Cannot run notebooks: 'jupyter' is not installed (apt-get install -y jupyter-nbconvert jupyter-client python3-ipykernel)",
    );
  }
  const specs = JSON.parse(new TextDecoder().decode(out.stdout) || "{}").kernelspecs ?? {};
  if (!(kernel in specs)) {
    throw new Error(
      `Cannot run notebooks: Jupyter has no '${kernel}' kernel (run 'deno jupyter --install')`,
    );
  }
}

/** Executes one notebook into `options.outDir` and inspects the executed copy. */
export async function executeNotebook(
  notebook: string,
  options: Partial<ExecuteOptions> = {},
): Promise<ExecutedNotebook> {
  const opt = { ...DEFAULT_EXECUTE_OPTIONS, ...options };
  await Deno.mkdir(opt.outDir, { recursive: true });
  const name = notebook.split("/").pop()!;
  const t0 = performance.now();
  const cmd = new Deno.Command("jupyter", {
    args: [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      `--ExecutePreprocessor.kernel_name=${opt.kernel}`,
      `--ExecutePreprocessor.timeout=${opt.cellTimeout}`,
      "--ExecutePreprocessor.record_timing=True",
      "--allow-errors",
      "--output-dir",
      opt.outDir,
      notebook,
    ],
    env: { PYDEVD_DISABLE_FILE_VALIDATION: "1", ...(opt.env ?? {}) },
    stdout: "piped",
    stderr: "piped",
  });
  const res = await cmd.output();
  const wallSeconds = (performance.now() - t0) / 1000;
  const output = `${opt.outDir}/${name}`;
  const log = new TextDecoder().decode(res.stderr).split("\n").slice(-15).join("\n");
  let report: NotebookReport;
  try {
    report = inspectNotebook(JSON.parse(await Deno.readTextFile(output)) as NotebookJson);
  } catch (e) {
    throw new Error(
      `Executing ${notebook} produced no readable notebook at ${output}: ${
        (e as Error).message
      }\n${log}`,
    );
  }
  return { notebook, output, wallSeconds, exitCode: res.code, log, ...report };
}

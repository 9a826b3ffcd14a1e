/**
 * A presenter's run: every numbered notebook executed as a presenter runs it — a fresh
 * kernel, top to bottom — with the wall time of the notebook and of its slowest cell.
 *
 * @module
 */
import { join } from "node:path";
import { checkJupyter, executeNotebook } from "../notebook/execute.ts";
import { listNotebooks, readNotebook } from "./notebook_file.ts";
import { type PresentConfig, presentEnv, resolvePresentConfig } from "./present_config.ts";
import { type PresentRow, pretrainingLine } from "./present_table.ts";

/**
 * Executes the notebooks of `config` one after another, each in a fresh kernel, writing the
 * executed copies to `<outDir>/executed`; `config.reuseCheckpoint` runs them with
 * `CS_REUSE_CHECKPOINT=1`. Returns one row per notebook (errors are reported, not thrown).
 */
export async function runPresentCheck(
  options: Partial<PresentConfig> = {},
  log: (line: string) => void = () => {},
): Promise<PresentRow[]> {
  const config = resolvePresentConfig(options);
  const names = listNotebooks(config.notebooksDir, config.only);
  await checkJupyter(config.kernel);
  const rows: PresentRow[] = [];
  for (const name of names) {
    log(`▶ ${name} …`);
    const r = await executeNotebook(join(config.notebooksDir, name), {
      outDir: join(config.outDir, "executed"),
      cellTimeout: config.cellTimeout,
      kernel: config.kernel,
      env: presentEnv(config),
    });
    const errors = r.errors.length > 0 || r.exitCode === 0
      ? r.errors
      : [`nbconvert exited ${r.exitCode}: ${r.log.split("\n").at(-1)}`];
    const row: PresentRow = {
      notebook: name,
      wallSeconds: r.wallSeconds,
      slowestCell: r.slowestCell,
      errors,
      pretraining: pretrainingLine(await readNotebook(r.output)),
    };
    rows.push(row);
    log(
      `  ${row.wallSeconds.toFixed(1)} s${
        row.wallSeconds > config.budgetSeconds ? ` — OVER the ${config.budgetSeconds} s budget` : ""
      }${row.errors.length ? `, ${row.errors.length} error(s)` : ""}`,
    );
  }
  return rows;
}

/**
 * Repro's last stage: executed copies of all notebooks, when Jupyter and the Deno kernel are
 * installed (skipped with a printed reason otherwise).
 *
 * @module
 */
import { resolve } from "node:path";
import { checkJupyter, executeNotebook } from "../notebook/execute.ts";
import { notebookTable } from "../notebook/inspect.ts";
import { addMarkdown } from "../report/report.ts";
import type { ReproStage } from "./stages.ts";

/** The notebooks stage. */
export const notebooksStage: ReproStage = {
  name: "notebooks",
  estimate: [60, 40],
  async run(ctx) {
    if (!ctx.config.notebooks) {
      ctx.log("  skipped (--no-notebooks)");
      return;
    }
    try {
      await checkJupyter();
    } catch (e) {
      ctx.log(`  skipped: ${(e as Error).message}`);
      return;
    }
    const names = [...Deno.readDirSync("notebooks")].map((e) => e.name)
      .filter((n) => /^\d\d_.*\.ipynb$/.test(n)).sort();
    const results = [];
    for (const name of names) {
      ctx.log(`  executing ${name}`);
      const r = await executeNotebook(`notebooks/${name}`, {
        outDir: `${ctx.config.out}/notebooks`,
        env: { CS_OUT: resolve(ctx.config.out), CS_DATA_SCALE: String(ctx.config.dataScale) },
      });
      results.push(r);
      if (r.errors.length > 0) throw new Error(`notebook ${name} failed: ${r.errors.join("; ")}`);
    }
    addMarkdown(
      ctx.report,
      `## Notebooks\n\nExecuted copies are in \`notebooks/\`.\n\n${notebookTable(results, 90)}`,
    );
  },
};

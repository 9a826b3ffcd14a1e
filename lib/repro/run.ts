/**
 * Runs the whole story headless: each stage in order with progress and a time estimate,
 * then writes `report.md`, `report.html`, `figures/*.svg`, `metrics.json` (deterministic:
 * results, config, seed, versions, git commit) and `run.json` (the same plus wall times).
 *
 * @module
 */
import type { ReproConfig } from "./config.ts";
import type { ReproContext, ReproStage } from "./stages.ts";
import { newReport, writeReport } from "../report/report.ts";
import { provenance } from "../provenance.ts";
import { formatDuration } from "../progress/format.ts";
import { dataStage } from "./data_stage.ts";
import { noiseStage } from "./noise_stage.ts";
import { evaluateStage } from "./evaluate_stage.ts";
import { notebooksStage } from "./notebooks_stage.ts";

/** The stages of a full run, in order. */
export const REPRO_STAGES: readonly ReproStage[] = [
  dataStage,
  noiseStage,
  evaluateStage,
  notebooksStage,
];

/** What a run produced. */
export interface ReproResult {
  files: string[];
  metrics: Record<string, unknown>;
  timings: Record<string, number>;
}

/** Runs the stages for `config`; `log` receives progress lines. */
export async function runRepro(
  config: ReproConfig,
  log: (line: string) => void = console.log,
  stages: readonly ReproStage[] = REPRO_STAGES,
): Promise<ReproResult> {
  await Deno.mkdir(config.out, { recursive: true });
  const ctx: ReproContext = {
    config,
    report: newReport("Contrastive losses for sensor data — reproduction report"),
    metrics: {},
    timings: {},
    log,
  };
  const t0 = performance.now();
  for (const [i, stage] of stages.entries()) {
    const est = stage.estimate[config.quick ? 1 : 0];
    log(`[${i + 1}/${stages.length}] ${stage.name} (about ${formatDuration(est)})`);
    const s0 = performance.now();
    await stage.run(ctx);
    ctx.timings[stage.name] = (performance.now() - s0) / 1000;
    log(`      ${stage.name} done in ${formatDuration(ctx.timings[stage.name])}`);
  }
  ctx.timings.total = (performance.now() - t0) / 1000;
  // metrics.json depends only on what determines the numbers (not on --out or timings).
  const { out: _out, notebooks: _nb, ...determining } = config;
  const prov = provenance(config.seed, determining);
  const metrics = { ...prov, results: ctx.metrics };
  const files = await writeReport(config.out, ctx.report);
  await Deno.writeTextFile(`${config.out}/metrics.json`, JSON.stringify(metrics, null, 2) + "\n");
  await Deno.writeTextFile(
    `${config.out}/run.json`,
    JSON.stringify({ ...prov, config, timings: ctx.timings }, null, 2) + "\n",
  );
  files.push(`${config.out}/metrics.json`, `${config.out}/run.json`);
  log(`wrote ${files.length} files to ${config.out}/ in ${formatDuration(ctx.timings.total)}`);
  return { files, metrics, timings: ctx.timings };
}

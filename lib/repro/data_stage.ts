/**
 * Repro stage 1: generate the surrogate experiments, write them as CSV and read them back
 * through the validating reader (so the rest of the run uses exactly what is on disk).
 *
 * @module
 */
import { deviceConfig } from "../device/experiment.ts";
import { generateDataset, recordingCount } from "../device/generate.ts";
import { describeExperiments } from "../device/describe.ts";
import { readDataset, writeDataset } from "../data/dataset.ts";
import { progress } from "../progress/reporter.ts";
import { provenance } from "../provenance.ts";
import { addFigure, addMarkdown } from "../report/report.ts";
import { formatTable } from "../plot/table.ts";
import { experimentsFigure } from "../figures/story_figures.ts";
import type { ReproStage } from "./stages.ts";

/** The data stage. */
export const dataStage: ReproStage = {
  name: "data",
  estimate: [22, 6],
  async run(ctx) {
    const device = deviceConfig({ seed: ctx.config.seed }, { scale: ctx.config.dataScale });
    const bar = progress(recordingCount(device), "  generate");
    const generated = generateDataset(device, () => bar.tick());
    await bar.done();
    const dir = `${ctx.config.out}/data`;
    await writeDataset(dir, generated.map((g) => g.recording), {
      files: { "generation.json": JSON.stringify(provenance(device.seed, device), null, 2) + "\n" },
    });
    ctx.recordings = await readDataset(dir);
    const rows = describeExperiments(device);
    ctx.metrics.data = {
      recordings: ctx.recordings.length,
      samples: ctx.recordings.reduce((a, r) => a + r.time.length, 0),
      experiments: rows,
    };
    addMarkdown(
      ctx.report,
      `## Data\n\nThe Fantasy Device generated ${ctx.recordings.length} recordings in ${rows.length} experiments (seed ${device.seed}), written as CSV to \`data/\` and read back through the validating reader.\n\n${
        formatTable(rows.map((r) => ({ ...r })), { digits: 3 }).markdown
      }`,
    );
    await addFigure(
      ctx.report,
      "experiments",
      "Recorded minutes per experiment and sensor",
      experimentsFigure(device),
    );
  },
};

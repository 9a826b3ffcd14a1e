/**
 * `deno task pipeline`: runs the whole pipeline on your own recordings, described by a
 * manifest — validation, windows, noise study, pretraining, fine-tuning, leave-one-experiment-
 * out evaluation — and writes the report, figures, metrics.json, the model and embeddings.csv
 * to --out (all or nothing).
 *
 * @module
 */
import { parseFlags, runMain, UsageError } from "@contrastive-sensors/lib";
import { readPipelineConfig, runPipeline } from "@contrastive-sensors/lib";

const COMMAND = "deno task pipeline";

const SPEC = {
  manifest: {
    type: "string",
    arg: "FILE",
    help: "Manifest of the recordings, CSV or JSON (required; see README, 'Your own recordings')",
  },
  out: { type: "string", default: "out/pipeline", arg: "DIR", help: "Output folder" },
  config: {
    type: "string",
    arg: "FILE",
    help: "Pipeline config as JSON (unknown fields are errors; default: built-in defaults)",
  },
} as const;

await runMain(async () => {
  const flags = parseFlags(
    Deno.args,
    COMMAND,
    "Runs the pipeline on your own recordings: validate → windows → noise study → pretrain → embed → fine-tune → evaluate → report, model, metrics.json, embeddings.csv.",
    SPEC,
  );
  if (!flags) return;
  if (!flags.manifest) throw new UsageError(`${COMMAND}: --manifest is required (see --help)`);
  const config = flags.config ? await readPipelineConfig(flags.config) : {};
  await runPipeline({
    manifest: flags.manifest,
    out: flags.out!,
    config,
    configSource: flags.config,
  });
});

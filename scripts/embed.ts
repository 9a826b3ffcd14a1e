/**
 * `deno task embed`: embeds new recordings (described by a manifest) with a model saved by
 * `deno task pipeline`, and writes one CSV row per window (with the classifier's predicted
 * label when the model has one).
 *
 * @module
 */
import { parseFlags, runMain, UsageError } from "@contrastive-sensors/lib";
import { embedRecordings } from "@contrastive-sensors/lib";

const COMMAND = "deno task embed";

const SPEC = {
  model: {
    type: "string",
    arg: "DIR",
    help: "Model folder of a pipeline run, <out>/model (required)",
  },
  manifest: {
    type: "string",
    arg: "FILE",
    help: "Manifest of the recordings, CSV or JSON (required)",
  },
  out: { type: "string", arg: "FILE", help: "Embeddings CSV to write (required)" },
} as const;

await runMain(async () => {
  const flags = parseFlags(
    Deno.args,
    COMMAND,
    "Embeds recordings with a saved pipeline model: one CSV row per window (origin, label, e0…e{d-1}[, predicted]).",
    SPEC,
  );
  if (!flags) return;
  for (const name of ["model", "manifest", "out"] as const) {
    if (!flags[name]) throw new UsageError(`${COMMAND}: --${name} is required (see --help)`);
  }
  await embedRecordings({ model: flags.model!, manifest: flags.manifest!, out: flags.out! });
});

/**
 * `deno task repro`: runs the whole story headless and writes a report, figures, metrics
 * and executed notebooks to --out.
 *
 * @module
 */
import { parseFlags, reproConfig, runMain, runRepro } from "@contrastive-sensors/lib";

const SPEC = {
  out: { type: "string", default: "out", arg: "DIR", help: "Output folder" },
  seed: { type: "number", default: 2020, help: "Master seed (same seed → same metrics.json)" },
  quick: { type: "boolean", help: "Smaller configuration, same stages and artefacts" },
  "no-notebooks": { type: "boolean", help: "Do not execute the notebooks" },
} as const;

await runMain(async () => {
  const flags = parseFlags(
    Deno.args,
    "deno task repro",
    "Reproduces the talk headless: data → noise study → … → report (report.md, report.html, figures/, metrics.json).",
    SPEC,
  );
  if (!flags) return;
  await runRepro(
    reproConfig({
      out: flags.out!,
      seed: flags.seed,
      quick: flags.quick,
      notebooks: !flags["no-notebooks"],
    }),
  );
});

/**
 * `deno task present-check`: a presenter's run. Executes every numbered notebook as a
 * presenter would (a fresh kernel, top to bottom), prints the wall time of each notebook and
 * of its slowest cell against the budget (90 s a notebook) and writes the table to
 * out/present-check.md. It reports; it does not fail on a notebook over budget.
 *
 * @module
 */
import { dirname } from "node:path";
import {
  DEFAULT_PRESENT_CONFIG,
  parseFlags,
  presentCheckSummary,
  presentCheckTable,
  runMain,
  runPresentCheck,
} from "@contrastive-sensors/lib";

const SPEC = {
  only: { type: "string", arg: "LIST", help: "Comma-separated notebook name prefixes, e.g. 01,03" },
  budget: {
    type: "number",
    default: DEFAULT_PRESENT_CONFIG.budgetSeconds,
    help: "Time budget per notebook in seconds",
  },
  "reuse-checkpoint": {
    type: "boolean",
    help: "Run with CS_REUSE_CHECKPOINT=1 (notebook 04 loads a cached checkpoint if any); " +
      "default: pretrain live",
  },
  report: {
    type: "string",
    default: "out/present-check.md",
    arg: "FILE",
    help: "Where the table goes",
  },
  "cell-timeout": {
    type: "number",
    default: DEFAULT_PRESENT_CONFIG.cellTimeout,
    help: "Per-cell timeout in seconds",
  },
} as const;

await runMain(async () => {
  const flags = parseFlags(
    Deno.args,
    "deno task present-check",
    "Runs every notebook as a presenter would and tabulates its wall time against the budget.",
    SPEC,
  );
  if (!flags) return;
  const rows = await runPresentCheck({
    outDir: "out/present-check",
    only: flags.only?.split(",").map((s) => s.trim()).filter(Boolean) ?? [],
    reuseCheckpoint: flags["reuse-checkpoint"],
    budgetSeconds: flags.budget,
    cellTimeout: flags["cell-timeout"],
  }, console.log);
  const table = presentCheckTable(rows, flags.budget);
  const summary = presentCheckSummary(rows, flags.budget);
  console.log(`\n${table}\n\n${summary}`);
  const report = flags.report!;
  await Deno.mkdir(dirname(report), { recursive: true });
  await Deno.writeTextFile(
    report,
    [
      "# Presenter's run",
      "",
      `${
        new Date().toISOString().slice(0, 16).replace("T", " ")
      } UTC, ${navigator.hardwareConcurrency} CPU cores, ` +
      `each notebook in a fresh Deno kernel, top to bottom (\`deno task present-check${
        Deno.args.length ? " " + Deno.args.join(" ") : ""
      }\`); pretraining ${
        flags["reuse-checkpoint"] ? "may load the cached checkpoint" : "runs live"
      }.`,
      "",
      table,
      "",
      summary,
      "",
    ].join("\n"),
  );
  console.log(`Wrote ${report}.`);
});

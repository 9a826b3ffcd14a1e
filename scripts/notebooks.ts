/**
 * `deno task notebooks`: executes every numbered notebook through Jupyter and the real Deno
 * kernel (the sources stay untouched; executed copies go to --out) and fails on any error
 * output or on a notebook that showed no plot.
 *
 * @module
 */
import {
  checkJupyter,
  executeNotebook,
  notebookTable,
  parseFlags,
  runMain,
} from "@contrastive-sensors/lib";

const SPEC = {
  out: { type: "string", default: "out/notebooks", arg: "DIR", help: "Folder for executed copies" },
  only: { type: "string", arg: "LIST", help: "Comma-separated notebook name prefixes, e.g. 01,03" },
  budget: { type: "number", default: 90, help: "Time budget per notebook in seconds (reported)" },
  "cell-timeout": { type: "number", default: 300, help: "Per-cell timeout in seconds" },
} as const;

await runMain(async () => {
  const flags = parseFlags(
    Deno.args,
    "deno task notebooks",
    "Executes notebooks/NN_*.ipynb through the Deno Jupyter kernel and checks their outputs.",
    SPEC,
  );
  if (!flags) return;
  await checkJupyter();
  const prefixes = flags.only?.split(",").map((s) => s.trim()).filter(Boolean);
  const names = [...Deno.readDirSync("notebooks")]
    .map((e) => e.name)
    .filter((n) => /^\d\d_.*\.ipynb$/.test(n))
    .filter((n) => !prefixes || prefixes.some((p) => n.startsWith(p)))
    .sort();
  if (names.length === 0) {
    throw new Error(`No notebooks matched in notebooks/ (--only ${flags.only})`);
  }
  const results = [];
  const failures: string[] = [];
  for (const name of names) {
    console.log(`▶ ${name} …`);
    const r = await executeNotebook(`notebooks/${name}`, {
      outDir: flags.out!,
      cellTimeout: flags["cell-timeout"],
    });
    results.push(r);
    console.log(
      `  ${
        r.wallSeconds.toFixed(1)
      } s, ${r.vegaLitePlots} Vega-Lite plots, ${r.svgImages} SVG, ${r.errors.length} errors`,
    );
    if (r.errors.length > 0) failures.push(`${name}: ${r.errors.join("; ")}`);
    else if (r.exitCode !== 0) failures.push(`${name}: nbconvert exited ${r.exitCode}\n${r.log}`);
    if (r.vegaLitePlots === 0) failures.push(`${name}: produced no plot`);
  }
  console.log("\n" + notebookTable(results, flags.budget));
  if (failures.length > 0) {
    throw new Error(`${failures.length} notebook problem(s):\n  ${failures.join("\n  ")}`);
  }
});

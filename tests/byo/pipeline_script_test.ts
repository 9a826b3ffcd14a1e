/**
 * scripts/pipeline.ts and scripts/embed.ts as a user runs them: the surrogate data of
 * `deno task data` end to end, exit codes, and one-line errors without partial output.
 */
import { join } from "node:path";
import { parseEmbeddingsCsv } from "../../lib/byo/embeddings_csv.ts";
import { assert } from "../_assert.ts";
import {
  entries,
  errorLines,
  exists,
  FIXTURE,
  fixtureCopy,
  fixtureLines,
  runScript,
} from "./_fixture.ts";

/** A tiny budget for the surrogate: small encoder, one short epoch, one seed. */
const TINY = {
  encoder: { filters: [8, 8], kernelSizes: [5, 3], poolSizes: [4, 2], embeddingDim: 16 },
  pretrain: { epochs: 1, stepsPerEpoch: 2, batchSize: 32 },
  fineTune: { epochs: 1, minSteps: 2, maxSteps: 2 },
  evaluation: {
    seeds: [0],
    fractions: [1],
    subsample: 0.5,
    pretrain: { epochs: 1, stepsPerEpoch: 2, batchSize: 32 },
    scratch: { minSteps: 2, maxSteps: 2 },
    fineTune: { minSteps: 2, maxSteps: 2 },
  },
  figure: { projection: "pca", maxPoints: 200 },
};

Deno.test("deno task data → deno task pipeline → deno task embed runs the surrogate end to end", async () => {
  const root = await Deno.makeTempDir();
  const data = await runScript("data.ts", ["--out", `${root}/data`, "--scale", "0.1"]);
  assert.equal(data.code, 0, data.stderr);
  await Deno.writeTextFile(`${root}/tiny.json`, JSON.stringify(TINY));
  const run = await runScript("pipeline.ts", [
    "--manifest",
    `${root}/data/manifest.csv`,
    "--out",
    `${root}/out`,
    "--config",
    `${root}/tiny.json`,
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(
    run.stdout.includes("[8/8] report") && run.stdout.includes(`wrote 19 files to ${root}/out/`),
    run.stdout,
  );
  const metrics = JSON.parse(await Deno.readTextFile(`${root}/out/metrics.json`));
  const r = metrics.results;
  assert.equal(r.data.recordings, 14);
  assert.equal(r.data.sampleRate, 128); // the lowest rate (e3's 128 Hz)
  assert.equal(r.data.windowLength, 256);
  assert.equal(r.data.windows, 420); // 14 recordings × 30 two-second windows
  assert.equal(r.pretrain.augmentation, "sensor+time");
  assert.deepEqual(r.evaluation.heldOut, ["e1", "e2", "e3", "e4"]);
  assert.equal(r.evaluation.features, "physiological (EEG bands, HRV, GSR)");
  assert.equal(r.evaluation.identifiability, true);
  assert.ok(
    r.noise.every((row: { snrDb: unknown }) => row.snrDb === null),
    "the noise study ignores ground truth",
  );
  assert.deepEqual(metrics.config.labels, ["alert", "normal", "drowsy", "asleep"]);
  const emb = await runScript("embed.ts", [
    "--model",
    `${root}/out/model`,
    "--manifest",
    `${root}/data/manifest.csv`,
    "--out",
    `${root}/again.csv`,
  ]);
  assert.equal(emb.code, 0, emb.stderr);
  const again = await Deno.readTextFile(`${root}/again.csv`);
  assert.equal(again, await Deno.readTextFile(`${root}/out/embeddings.csv`));
  const parsed = parseEmbeddingsCsv(again);
  assert.equal(parsed.rows.length, 420);
  assert.equal(parsed.d, 16);
  assert.ok(parsed.rows.some((row) => row.label === "asleep"));
});

Deno.test("scripts/pipeline.ts exits 1 with one error line and no output on bad input", async () => {
  const dir = await fixtureCopy({ "sim/x01.csv": "c1,c2,c3,c4\n1,2,3,NaN\n" });
  const out = `${await Deno.makeTempDir()}/run`;
  const r = await runScript("pipeline.ts", [
    "--manifest",
    `${dir}/manifest.csv`,
    "--out",
    out,
    "--config",
    join(FIXTURE, "config.json"),
  ]);
  assert.equal(r.code, 1);
  assert.deepEqual(errorLines(r.stderr), [
    `error: Cannot read recording ${dir}/sim/x01.csv: line 2, column c4: expected a finite number, got 'NaN'`,
  ]);
  assert.ok(!r.stdout.includes("[2/8]"), "stopped at validation");
  assert.deepEqual(await entries(join(out, "..")), []);
});

Deno.test("scripts/pipeline.ts lists every problem of every file, one per line", async () => {
  const s01 = await fixtureLines("lab/s01.csv");
  s01[9] = s01[9].replace(/^[^,]*/, "x");
  const dir = await fixtureCopy({
    "lab/s01.csv": s01.join("\n"),
    "road/r01_events.csv": "start,end,label\n0,3,sleepy\n",
  });
  const r = await runScript("pipeline.ts", [
    "--manifest",
    `${dir}/manifest.csv`,
    "--out",
    `${dir}/out`,
    "--config",
    join(FIXTURE, "config.json"),
  ]);
  assert.equal(r.code, 1);
  assert.deepEqual(errorLines(r.stderr), [
    "error: 2 problems in the input, one per line:",
    `Cannot read recording ${dir}/lab/s01.csv: line 10, column t_sec: expected a number, got 'x'`,
    `Cannot read events ${dir}/road/r01_events.csv: line 2, column label: expected one of awake, drowsy (the label set), got 'sleepy'`,
  ]);
  assert.ok(!(await exists(`${dir}/out`)));
});

Deno.test("scripts/pipeline.ts rejects a bad config file and an unwritable output before reading data", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/c.json`, '{"pretrain": {"epochz": 3}}');
  const r = await runScript("pipeline.ts", [
    "--manifest",
    `${FIXTURE}manifest.csv`,
    "--out",
    `${dir}/out`,
    "--config",
    `${dir}/c.json`,
  ]);
  assert.equal(r.code, 1);
  assert.deepEqual(errorLines(r.stderr), [
    `error: Cannot use config ${dir}/c.json: field pretrain: pretrain: unknown config field 'epochz'; expected one of loss, epochs, batchSize, stepsPerEpoch, optimizer, learningRate, schedule, warmupSteps, temperature, margin, normalizeEmbeddings, augmentation, sensorSimulation, encoder, head, labelled, group, backend, seed`,
  ]);
  const w = await runScript("pipeline.ts", [
    "--manifest",
    `${FIXTURE}manifest.csv`,
    "--out",
    `${dir}/c.json/out`,
  ]);
  assert.equal(w.code, 1);
  const [line] = errorLines(w.stderr);
  assert.ok(line.startsWith(`error: Cannot write output folder ${dir}/c.json/out: `), line);
  assert.ok(!w.stdout.includes("[1/8]"), "no work started");
  assert.deepEqual(await entries(dir), ["c.json"]);
});

Deno.test("scripts/pipeline.ts and scripts/embed.ts print --help and reject unknown or missing flags", async () => {
  for (
    const [script, flags] of [["pipeline.ts", ["--manifest", "--out", "--config"]], ["embed.ts", [
      "--model",
      "--manifest",
      "--out",
    ]]] as const
  ) {
    const help = await runScript(script, ["--help"]);
    assert.equal(help.code, 0);
    for (const f of flags) assert.ok(help.stdout.includes(f), `${script} --help lists ${f}`);
    const unknown = await runScript(script, ["--manifset", "m.csv"]);
    assert.equal(unknown.code, 2);
    assert.equal(errorLines(unknown.stderr).length, 1);
    assert.ok(errorLines(unknown.stderr)[0].includes("--manifset"));
  }
  const missing = await runScript("pipeline.ts", ["--out", "x"]);
  assert.equal(missing.code, 2);
  assert.deepEqual(errorLines(missing.stderr), [
    "error: deno task pipeline: --manifest is required (see --help)",
  ]);
  const noModel = await runScript("embed.ts", ["--manifest", "m.csv", "--out", "e.csv"]);
  assert.equal(noModel.code, 2);
  assert.deepEqual(errorLines(noModel.stderr), [
    "error: deno task embed: --model is required (see --help)",
  ]);
});

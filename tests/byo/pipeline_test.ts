import { join } from "node:path";
import { embedRecordings } from "../../lib/byo/embed_recordings.ts";
import { parseEmbeddingsCsv } from "../../lib/byo/embeddings_csv.ts";
import { runPipeline } from "../../lib/byo/pipeline.ts";
import { tf } from "../../lib/backend/tf.ts";
import { setupBackend } from "../../lib/backend/setup.ts";
import { assert, assertRejectsWith } from "../_assert.ts";
import { entries, FIXTURE, FIXTURE_CONFIG } from "./_fixture.ts";

const QUIET = { log: () => {}, progress: false } as const;

Deno.test("runPipeline() runs the hand-made recordings end to end, the same twice", async () => {
  const root = await Deno.makeTempDir();
  const run = (out: string) =>
    runPipeline({ manifest: join(FIXTURE, "manifest.csv"), out, config: FIXTURE_CONFIG, ...QUIET });
  await setupBackend({ quiet: true });
  const tensors = tf.memory().numTensors;
  const a = await run(`${root}/a`);
  assert.equal(tf.memory().numTensors, tensors, "no tensor leaks");
  assert.deepEqual(await entries(root), ["a"], "no temporary folder left");
  for (
    const f of [
      "report.md",
      "report.html",
      "metrics.json",
      "run.json",
      "embeddings.csv",
      "figures/embedding.svg",
      "figures/pretrain-loss.svg",
      "figures/heldout-f1.svg",
      "figures/noise-blind-eeg1.svg",
      "model/checkpoint.json",
      "model/encoder/weights.bin",
      "model/classifier/head/weights.bin",
    ]
  ) assert.ok(a.files.includes(f), f);
  const results = a.metrics.results as Record<string, Record<string, unknown>>;
  assert.deepEqual(results.data.channels, ["eeg1", "eeg2", "ecg", "gsr"]);
  assert.equal(results.data.sampleRate, 64);
  assert.equal(results.data.windows, 80); // 5 recordings × 16 one-second windows
  assert.equal(results.data.labelledWindows, 61); // 30 lab + 31 road, sim unlabelled
  assert.equal(results.pretrain.augmentation, "standard"); // eeg1/eeg2 are not sensor-simulated channels
  assert.equal(results.fineTune.windows, 61);
  assert.deepEqual(results.evaluation.heldOut, ["lab", "road"]);
  assert.equal(
    results.evaluation.note,
    "left out of the evaluation (pretraining only): sim (no labels)",
  );
  assert.equal(results.evaluation.features, "spectral band powers");
  const noise = results.noise as unknown as { experiment: string; channel: string; snrDb: null }[];
  assert.equal(noise.length, 3 * 4);
  assert.ok(noise.every((r) => r.snrDb === null));
  // embeddings.csv: every window, its label name, an 8-d embedding and a prediction.
  const csv = await Deno.readTextFile(`${root}/a/embeddings.csv`);
  const e = parseEmbeddingsCsv(csv);
  assert.equal(e.rows.length, 80);
  assert.equal(e.d, 8);
  assert.deepEqual(
    [...new Set(e.rows.map((r) => r.file))],
    ["lab/s01.csv", "lab/s02.csv", "road/r01.csv", "road/r02.csv", "sim/x01.csv"],
  );
  assert.equal(e.rows.filter((r) => r.label !== null).length, 61);
  assert.ok(e.rows.every((r) => r.predicted === "awake" || r.predicted === "drowsy"));
  // The gap of lab/s01 (8–11 s): no window starts inside it or crosses it.
  const s01 = e.rows.filter((r) => r.file === "lab/s01.csv").map((r) => r.start);
  assert.deepEqual(s01, [0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 18]);
  const report = await Deno.readTextFile(`${root}/a/report.md`);
  for (
    const s of [
      "## Noise study",
      "## Contrastive pretraining",
      "## Fine-tuning",
      "## Evaluation: leave one experiment out",
      "linear-probe",
    ]
  ) {
    assert.ok(report.includes(s), s);
  }
  // Same input, config and seed → the same numbers.
  const b = await run(`${root}/b`);
  assert.deepEqual(b.metrics.results, a.metrics.results);
  assert.equal(await Deno.readTextFile(`${root}/b/embeddings.csv`), csv);
});

Deno.test("embedRecordings() with the saved model reproduces the pipeline's embeddings", async () => {
  const root = await Deno.makeTempDir();
  const config = { ...FIXTURE_CONFIG, evaluate: false };
  const r = await runPipeline({
    manifest: join(FIXTURE, "manifest.csv"),
    out: `${root}/run`,
    config,
    ...QUIET,
  });
  assert.deepEqual((r.metrics.results as { evaluation: unknown }).evaluation, {
    skipped: "evaluate is false in the config",
  });
  const out = `${root}/new/emb.csv`;
  const e = await embedRecordings({
    model: `${root}/run/model`,
    manifest: join(FIXTURE, "manifest.json"),
    out,
    ...QUIET,
  });
  assert.deepEqual(e, { out, recordings: 5, windows: 80, embeddingDim: 8, predicted: true });
  assert.equal(await Deno.readTextFile(out), await Deno.readTextFile(`${root}/run/embeddings.csv`));
  assert.deepEqual(await entries(`${root}/new`), ["emb.csv"]);
});

Deno.test("runPipeline() refuses labels-using pretraining with unlabelled windows before training", async () => {
  const root = await Deno.makeTempDir();
  await assertRejectsWith(
    () =>
      runPipeline({
        manifest: join(FIXTURE, "manifest.csv"),
        out: `${root}/run`,
        config: { ...FIXTURE_CONFIG, pretrain: { ...FIXTURE_CONFIG.pretrain, loss: "supcon" } },
        ...QUIET,
      }),
    'Cannot use config: field pretrain: loss "supcon" uses labels, but 19 of 80 windows are unlabelled; use loss "ntxent"',
  );
  assert.deepEqual(await entries(root), []);
});

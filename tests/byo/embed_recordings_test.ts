import { join } from "node:path";
import { embedRecordings } from "../../lib/byo/embed_recordings.ts";
import { savePipelineModel } from "../../lib/byo/pipeline_model.ts";
import { setupBackend } from "../../lib/backend/setup.ts";
import { buildEncoder } from "../../lib/learn/encoder.ts";
import { provenance } from "../../lib/provenance.ts";
import { assert, assertRejectsWith } from "../_assert.ts";
import { entries, errorLines, FIXTURE, runScript } from "./_fixture.ts";

/** A small untrained model for the fixture's channels at 64 Hz, 1-s windows. */
async function model(dir: string, channels = ["eeg1", "eeg2", "ecg", "gsr"]): Promise<void> {
  await setupBackend({ quiet: true });
  const encoder = buildEncoder({
    length: 64,
    channels: channels.length,
    filters: [4],
    kernelSizes: [3],
    poolSizes: [2],
    embeddingDim: 3,
    seed: 1,
  });
  await savePipelineModel(
    dir,
    encoder,
    {
      plan: { channels, sampleRate: 64, length: 64, stride: 32 },
      normalize: "recording",
      labelPolicy: "pure",
      labels: ["awake", "drowsy"],
      gapFactor: 1.5,
      embeddingDim: 3,
      pretrain: null,
    },
    null,
    provenance(0, {}),
  );
  encoder.dispose();
}

Deno.test("embedRecordings() cuts windows the model's way (its rate, length and stride)", async () => {
  const root = await Deno.makeTempDir();
  await model(`${root}/model`);
  const r = await embedRecordings({
    model: `${root}/model`,
    manifest: join(FIXTURE, "manifest.csv"),
    out: `${root}/e.csv`,
    log: () => {},
    progress: false,
  });
  // Half-overlapping 1-s windows: 31 per 16-s recording, 15 + 15 for lab/s01 split by its gap.
  assert.deepEqual(r, {
    out: `${root}/e.csv`,
    recordings: 5,
    windows: 4 * 31 + 30,
    embeddingDim: 3,
    predicted: false,
  });
  const header = (await Deno.readTextFile(`${root}/e.csv`)).split("\n")[0];
  assert.equal(header, "file,experiment,sensor,subject,session,start_s,label,e0,e1,e2");
});

Deno.test("embedRecordings() refuses recordings without the model's channels, writing nothing", async () => {
  const root = await Deno.makeTempDir();
  await model(`${root}/model`, ["eeg1", "resp"]);
  const err = await assertRejectsWith(
    () =>
      embedRecordings({
        model: `${root}/model`,
        manifest: join(FIXTURE, "manifest.csv"),
        out: `${root}/out/e.csv`,
        log: () => {},
        progress: false,
      }),
    "5 problems in the input, one per line:",
    `Cannot use recording ${FIXTURE}lab/s01.csv (manifest line 2, experiment lab): no channel resp; it maps eeg1=Fp1;eeg2=Fp2;ecg=ECG_II;gsr=EDA and the model needs eeg1, resp`,
  );
  assert.equal(err.message.split("\n").length, 6);
  assert.deepEqual(await entries(`${root}/out`), []);
});

Deno.test("scripts/embed.ts exits 1 on a model folder of another version, writing nothing", async () => {
  const root = await Deno.makeTempDir();
  await model(`${root}/model`);
  const file = `${root}/model/checkpoint.json`;
  const json = JSON.parse(await Deno.readTextFile(file));
  json.config.version = 2;
  await Deno.writeTextFile(file, JSON.stringify(json));
  const r = await runScript("embed.ts", [
    "--model",
    `${root}/model`,
    "--manifest",
    join(FIXTURE, "manifest.csv"),
    "--out",
    `${root}/e.csv`,
  ]);
  assert.equal(r.code, 1);
  assert.deepEqual(errorLines(r.stderr), [
    `error: Cannot load model ${root}/model: checkpoint.json holds pipeline model version 2; this library reads version 1 (re-run deno task pipeline)`,
  ]);
  assert.deepEqual(await entries(root), ["model"]);
});

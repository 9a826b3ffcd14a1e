import { setupBackend } from "../../lib/backend/setup.ts";
import { tf } from "../../lib/backend/tf.ts";
import {
  loadPipelineModel,
  PIPELINE_MODEL_VERSION,
  savePipelineModel,
} from "../../lib/byo/pipeline_model.ts";
import { buildEncoder, buildProjectionHead } from "../../lib/learn/encoder.ts";
import { provenance } from "../../lib/provenance.ts";
import { assert, assertRejectsWith } from "../_assert.ts";

const INFO = {
  plan: { channels: ["eeg", "gsr"], sampleRate: 64, length: 32, stride: 32 },
  normalize: "recording" as const,
  labelPolicy: "pure" as const,
  labels: ["awake", "drowsy"],
  gapFactor: 1.5,
  embeddingDim: 4,
  pretrain: { loss: "ntxent" },
};

function models() {
  const enc = {
    length: 32,
    channels: 2,
    filters: [4],
    kernelSizes: [3],
    poolSizes: [2],
    embeddingDim: 4,
  };
  return {
    encoder: buildEncoder({ ...enc, seed: 1 }),
    classifier: {
      encoder: buildEncoder({ ...enc, seed: 2 }),
      head: buildProjectionHead({ inputDim: 4, hiddenDims: [], outputDim: 2, seed: 3 }),
    },
  };
}

Deno.test("savePipelineModel() then loadPipelineModel() gives back the models and the window plan", async () => {
  await setupBackend({ quiet: true });
  const dir = `${await Deno.makeTempDir()}/model`;
  const m = models();
  await savePipelineModel(dir, m.encoder, INFO, m.classifier, provenance(0, {}));
  const before = tf.memory().numTensors;
  const loaded = await loadPipelineModel(dir);
  try {
    assert.equal(loaded.info.version, PIPELINE_MODEL_VERSION);
    assert.deepEqual(loaded.info.plan, INFO.plan);
    assert.equal(loaded.info.classifier, true);
    const x = tf.randomNormal([3, 32, 2], 0, 1, "float32", 7);
    const same = (a: tf.LayersModel, b: tf.LayersModel) => {
      const d = tf.tidy(() =>
        tf.max(tf.abs(tf.sub(a.predict(x) as tf.Tensor, b.predict(x) as tf.Tensor))).dataSync()[0]
      );
      assert.equal(d, 0);
    };
    same(loaded.encoder, m.encoder);
    same(loaded.classifier!.encoder, m.classifier.encoder);
    x.dispose();
  } finally {
    loaded.encoder.dispose();
    loaded.classifier?.encoder.dispose();
    loaded.classifier?.head.dispose();
    m.encoder.dispose();
    m.classifier.encoder.dispose();
    m.classifier.head.dispose();
  }
  assert.ok(tf.memory().numTensors <= before);
});

Deno.test("loadPipelineModel() refuses a missing folder, a plain checkpoint and another version", async () => {
  await setupBackend({ quiet: true });
  const root = await Deno.makeTempDir();
  await assertRejectsWith(
    () => loadPipelineModel(`${root}/none`),
    `Cannot load model ${root}/none: the folder does not exist; expected the model/ folder of a pipeline run`,
  );
  await Deno.mkdir(`${root}/empty`);
  await assertRejectsWith(
    () => loadPipelineModel(`${root}/empty`),
    `Cannot load model ${root}/empty: no checkpoint.json`,
  );
  const m = models();
  const dir = `${root}/model`;
  await savePipelineModel(dir, m.encoder, INFO, null, provenance(0, {}));
  const file = `${dir}/checkpoint.json`;
  const json = JSON.parse(await Deno.readTextFile(file));
  await Deno.writeTextFile(
    file,
    JSON.stringify({ ...json, config: { ...json.config, version: 99 } }),
  );
  const before = tf.memory().numTensors;
  await assertRejectsWith(
    () => loadPipelineModel(dir),
    `Cannot load model ${dir}: checkpoint.json holds pipeline model version 99; this library reads version ${PIPELINE_MODEL_VERSION} (re-run deno task pipeline)`,
  );
  assert.equal(tf.memory().numTensors, before, "the half-loaded encoder is disposed");
  await Deno.writeTextFile(file, JSON.stringify({ ...json, config: { loss: "ntxent" } }));
  await assertRejectsWith(() => loadPipelineModel(dir), "checkpoint.json is not a pipeline model");
  await Deno.writeTextFile(file, JSON.stringify({ ...json, formatVersion: 7 }));
  await assertRejectsWith(
    () => loadPipelineModel(dir),
    "has formatVersion 7, this library reads version 1",
  );
  m.encoder.dispose();
  m.classifier.encoder.dispose();
  m.classifier.head.dispose();
});

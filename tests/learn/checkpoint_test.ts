import {
  CHECKPOINT_FILE,
  CHECKPOINT_FORMAT_VERSION,
  loadCheckpoint,
  saveCheckpoint,
} from "../../lib/learn/checkpoint.ts";
import { pretrain } from "../../lib/learn/pretrain.ts";
import { embed } from "../../lib/learn/embed.ts";
import { tf } from "../../lib/backend/tf.ts";
import type { ResolvedPretrainConfig } from "../../lib/learn/pretrain_config.ts";
import { assert, assertRejectsWith } from "../_assert.ts";
import { SMALL_MODEL, syntheticWindows } from "./_windows.ts";

const WS = syntheticWindows({ perCell: 16, experiments: ["e1", "e2"] });

async function trained() {
  return await pretrain(
    WS,
    { ...SMALL_MODEL, batchSize: 16, epochs: 1, stepsPerEpoch: 2, seed: 11 },
    { progress: false },
  );
}

Deno.test("saveCheckpoint() + loadCheckpoint() give the same embeddings bit for bit", async () => {
  const dir = await Deno.makeTempDir({ prefix: "cs-ckpt-" });
  const r = await trained();
  try {
    const manifest = await saveCheckpoint(dir, { ...r, config: r.config });
    const loaded = await loadCheckpoint<ResolvedPretrainConfig>(dir);
    try {
      assert.deepEqual(embed(loaded.encoder, WS), embed(r.encoder, WS));
      const z = tf.tidy(() => tf.randomNormal([5, 16], 0, 1, "float32", 1));
      const outA = tf.tidy(() => (r.head!.predict(z) as tf.Tensor).dataSync());
      const outB = tf.tidy(() => (loaded.head!.predict(z) as tf.Tensor).dataSync());
      z.dispose();
      assert.deepEqual(outB, outA, "projection head");
      assert.deepEqual(loaded.config, r.config);
      assert.equal(loaded.formatVersion, CHECKPOINT_FORMAT_VERSION);
      assert.equal(loaded.provenance.seed, 11);
      assert.equal(loaded.provenance.versions.tfjs, tf.version.tfjs);
      assert.ok(
        loaded.provenance.gitCommit === null || /^[0-9a-f]{40}$/.test(loaded.provenance.gitCommit),
      );
      assert.deepEqual(loaded.models, { encoder: "encoder", head: "head" });
      assert.equal(manifest.savedAt, loaded.savedAt);
    } finally {
      loaded.encoder.dispose();
      loaded.head?.dispose();
    }
  } finally {
    r.encoder.dispose();
    r.head?.dispose();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("saveCheckpoint() without a head, with the given provenance; loading leaks nothing", async () => {
  const dir = await Deno.makeTempDir({ prefix: "cs-ckpt-" });
  const r = await trained();
  try {
    const provenance = {
      seed: 1,
      config: {},
      versions: { x: "1" },
      gitCommit: null,
      gitDirty: null,
    };
    await saveCheckpoint(dir, { encoder: r.encoder, config: { note: "plain" }, provenance });
    const before = tf.memory().numTensors;
    const loaded = await loadCheckpoint(dir);
    assert.equal(loaded.head, null);
    assert.deepEqual(loaded.provenance, provenance);
    assert.deepEqual(loaded.config, { note: "plain" });
    loaded.encoder.dispose();
    assert.equal(tf.memory().numTensors, before);
  } finally {
    r.encoder.dispose();
    r.head?.dispose();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadCheckpoint() names the folder and file of a missing or wrong checkpoint", async () => {
  const dir = await Deno.makeTempDir({ prefix: "cs-ckpt-" });
  const r = await trained();
  try {
    await assertRejectsWith(
      () => loadCheckpoint(`${dir}/nothing`),
      `Cannot load checkpoint ${dir}/nothing: missing file ${dir}/nothing/${CHECKPOINT_FILE}`,
    );
    await saveCheckpoint(dir, { encoder: r.encoder, head: r.head, config: r.config });
    const path = `${dir}/${CHECKPOINT_FILE}`;
    const good = JSON.parse(await Deno.readTextFile(path));
    await Deno.writeTextFile(path, JSON.stringify({ ...good, formatVersion: 2 }));
    await assertRejectsWith(
      () => loadCheckpoint(dir),
      `Cannot load checkpoint ${dir}: ${path} has formatVersion 2, this library reads version 1`,
    );
    await Deno.writeTextFile(path, JSON.stringify({ ...good, format: "other" }));
    await assertRejectsWith(() => loadCheckpoint(dir), "is not a checkpoint");
    await Deno.writeTextFile(path, JSON.stringify({ ...good, models: { encoder: "../x" } }));
    await assertRejectsWith(() => loadCheckpoint(dir), "field models must name");
    await Deno.writeTextFile(path, "[");
    await assertRejectsWith(() => loadCheckpoint(dir), `${path} is not valid JSON`);
    await Deno.writeTextFile(path, JSON.stringify(good));
    await Deno.remove(`${dir}/head/weights.bin`);
    const before = tf.memory().numTensors;
    await assertRejectsWith(() => loadCheckpoint(dir), `missing file ${dir}/head/weights.bin`);
    assert.equal(tf.memory().numTensors, before, "the loaded encoder is disposed on failure");
  } finally {
    r.encoder.dispose();
    r.head?.dispose();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("saveCheckpoint() rejects non-models and unserialisable configs", async () => {
  await assertRejectsWith(
    () => saveCheckpoint("/tmp/never", { encoder: {} as never, config: {} }),
    "Cannot save checkpoint /tmp/never: contents.encoder must be a tf.LayersModel",
  );
  const r = await trained();
  try {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await assertRejectsWith(
      () => saveCheckpoint("/tmp/never", { encoder: r.encoder, config: cyclic }),
      "config is not JSON-serialisable",
    );
    await assertRejectsWith(
      () => saveCheckpoint("", { encoder: r.encoder, config: {} }),
      "dir must be a non-empty path",
    );
  } finally {
    r.encoder.dispose();
    r.head?.dispose();
  }
});

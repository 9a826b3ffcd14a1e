import {
  denoFileHandler,
  MODEL_JSON_FILE,
  WEIGHTS_FILE,
} from "../../lib/learn/deno_file_handler.ts";
import { buildProjectionHead } from "../../lib/learn/encoder.ts";
import { tf } from "../../lib/backend/tf.ts";
import { assert, assertRejectsWith } from "../_assert.ts";

Deno.test("denoFileHandler() writes a standard tfjs model.json + weights.bin and reads it back", async () => {
  const dir = await Deno.makeTempDir({ prefix: "cs-handler-" });
  const model = buildProjectionHead({ inputDim: 3, hiddenDims: [4], outputDim: 2, seed: 9 });
  try {
    const result = await model.save(denoFileHandler(`${dir}/m`));
    // 3·4 + 4 + 4·2 + 2 = 26 float32 weights.
    assert.equal(result.modelArtifactsInfo.weightDataBytes, 26 * 4);
    assert.equal((await Deno.stat(`${dir}/m/${WEIGHTS_FILE}`)).size, 26 * 4);
    const json = JSON.parse(await Deno.readTextFile(`${dir}/m/${MODEL_JSON_FILE}`));
    assert.equal(json.format, "layers-model");
    assert.deepEqual(json.weightsManifest[0].paths, [WEIGHTS_FILE]);
    assert.equal(json.weightsManifest[0].weights.length, 4);
    const loaded = await tf.loadLayersModel(denoFileHandler(`${dir}/m`));
    const a = model.getWeights().map((w) => [...w.dataSync()]);
    const b = loaded.getWeights().map((w) => [...w.dataSync()]);
    assert.deepEqual(b, a);
    loaded.dispose();
  } finally {
    model.dispose();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("denoFileHandler() load names the missing, malformed or truncated file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "cs-handler-" });
  const model = buildProjectionHead({ inputDim: 3, hiddenDims: [], outputDim: 2 });
  try {
    await assertRejectsWith(
      () => denoFileHandler(`${dir}/none`).load!(),
      `Cannot load model ${dir}/none: missing file ${dir}/none/model.json`,
    );
    await model.save(denoFileHandler(`${dir}/m`));
    const bytes = await Deno.readFile(`${dir}/m/${WEIGHTS_FILE}`);
    await Deno.writeFile(`${dir}/m/${WEIGHTS_FILE}`, bytes.subarray(0, 12));
    await assertRejectsWith(
      () => denoFileHandler(`${dir}/m`).load!(),
      `${dir}/m/weights.bin has 12 bytes, the manifest in ${dir}/m/model.json needs 32`,
    );
    await Deno.remove(`${dir}/m/${WEIGHTS_FILE}`);
    await assertRejectsWith(
      () => denoFileHandler(`${dir}/m`).load!(),
      `missing file ${dir}/m/weights.bin`,
    );
    await Deno.writeTextFile(`${dir}/m/${MODEL_JSON_FILE}`, "{ not json");
    await assertRejectsWith(
      () => denoFileHandler(`${dir}/m`).load!(),
      "model.json is not valid JSON",
    );
    await Deno.writeTextFile(`${dir}/m/${MODEL_JSON_FILE}`, "{}");
    await assertRejectsWith(
      () => denoFileHandler(`${dir}/m`).load!(),
      "lacks modelTopology or weightsManifest",
    );
  } finally {
    model.dispose();
    await Deno.remove(dir, { recursive: true });
  }
});

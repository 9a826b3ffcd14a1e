/**
 * A tfjs `io.IOHandler` that saves and loads a layers model as `model.json` + `weights.bin`
 * in a folder with Deno's file APIs (tfjs's own `file://` handler needs Node's tfjs-node).
 * The files are in the standard tfjs layers format, readable by `tf.loadLayersModel`
 * elsewhere.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";

/** Name of the model topology + weights manifest file. */
export const MODEL_JSON_FILE = "model.json";
/** Name of the binary weights file. */
export const WEIGHTS_FILE = "weights.bin";

async function readOrThrow<T>(path: string, what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new Error(`Cannot load ${what}: missing file ${path}`);
    }
    throw new Error(`Cannot load ${what}: cannot read ${path}: ${(e as Error).message}`);
  }
}

/**
 * Bytes the weights of `specs` occupy, or null when that cannot be told from the specs alone
 * (quantised or string weights).
 */
function expectedWeightBytes(specs: tf.io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const s of specs) {
    if (s.quantization || !["float32", "int32", "bool"].includes(s.dtype)) return null;
    total += s.shape.reduce((p, d) => p * d, 1) * (s.dtype === "bool" ? 1 : 4);
  }
  return total;
}

/**
 * The IOHandler of folder `dir`: `save` creates the folder and writes `model.json` (topology,
 * format, weights manifest pointing at `weights.bin`) and `weights.bin`; `load` reads them
 * back, throwing a one-line error naming the file when one is missing, malformed, or the
 * weights file's size does not match the manifest. Use with `model.save(handler)` and
 * `tf.loadLayersModel(handler)`.
 */
export function denoFileHandler(dir: string): tf.io.IOHandler {
  const jsonPath = `${dir}/${MODEL_JSON_FILE}`;
  const weightsPath = `${dir}/${WEIGHTS_FILE}`;
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      if (!artifacts.modelTopology || artifacts.modelTopology instanceof ArrayBuffer) {
        throw new Error(`Cannot save model to ${dir}: expected a JSON model topology`);
      }
      const weightData = artifacts.weightData === undefined
        ? new ArrayBuffer(0)
        : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata
          ? { userDefinedMetadata: artifacts.userDefinedMetadata }
          : {}),
      };
      await Deno.mkdir(dir, { recursive: true });
      const json = JSON.stringify(modelJson);
      await Deno.writeTextFile(jsonPath, json);
      await Deno.writeFile(weightsPath, new Uint8Array(weightData));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: "JSON",
          modelTopologyBytes: json.length,
          weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
          weightDataBytes: weightData.byteLength,
        },
      };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      const what = `model ${dir}`;
      const text = await readOrThrow(jsonPath, what, () => Deno.readTextFile(jsonPath));
      let modelJson: tf.io.ModelJSON;
      try {
        modelJson = JSON.parse(text);
      } catch (e) {
        throw new Error(
          `Cannot load ${what}: ${jsonPath} is not valid JSON: ${(e as Error).message}`,
        );
      }
      if (
        modelJson === null || typeof modelJson !== "object" || !modelJson.modelTopology ||
        !Array.isArray(modelJson.weightsManifest)
      ) {
        throw new Error(
          `Cannot load ${what}: ${jsonPath} lacks modelTopology or weightsManifest (not a tfjs model.json)`,
        );
      }
      const specs = tf.io.getWeightSpecs(modelJson.weightsManifest);
      const bytes = await readOrThrow(weightsPath, what, () => Deno.readFile(weightsPath));
      const expected = expectedWeightBytes(specs);
      if (expected !== null && bytes.byteLength !== expected) {
        throw new Error(
          `Cannot load ${what}: ${weightsPath} has ${bytes.byteLength} bytes, the manifest in ${jsonPath} needs ${expected}`,
        );
      }
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return tf.io.getModelArtifactsForJSONSync(modelJson, specs, data as ArrayBuffer);
    },
  };
}

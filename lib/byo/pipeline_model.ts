/**
 * The model folder a pipeline run writes and `deno task embed` reads: a checkpoint of the
 * pretrained encoder (`lib/learn` checkpoint layout) whose config records how windows were
 * cut (channels, rate, length, normalisation) and the label set, plus — when labels existed —
 * the fine-tuned classifier in `classifier/`.
 *
 * ```
 * model/checkpoint.json         format, provenance, config = PipelineModelInfo
 * model/encoder/…               the pretrained encoder
 * model/classifier/checkpoint.json, encoder/…, head/…   (only with labels)
 * ```
 *
 * @module
 */
import { join } from "node:path";
import type { tf } from "../backend/tf.ts";
import { hasCheckpoint } from "../learn/cached_pretrain.ts";
import { loadCheckpoint, saveCheckpoint } from "../learn/checkpoint.ts";
import type { Provenance } from "../provenance.ts";
import type { WindowPlan } from "./load_inputs.ts";

/** Value of `format` in a pipeline model's config. */
export const PIPELINE_MODEL_FORMAT = "contrastive-sensors-pipeline-model";
/** Version of the pipeline model layout this library writes and reads. */
export const PIPELINE_MODEL_VERSION = 1;
/** Sub-folder of the fine-tuned classifier. */
export const PIPELINE_CLASSIFIER_FOLDER = "classifier";

/** What a pipeline model records besides the weights. */
export interface PipelineModelInfo {
  format: typeof PIPELINE_MODEL_FORMAT;
  version: number;
  /** How windows are cut for this encoder. */
  plan: WindowPlan;
  /** Normalisation of the windows. */
  normalize: "recording" | "window" | "none";
  /** Label policy and label set. */
  labelPolicy: "pure" | "majority";
  labels: string[];
  /** Gap threshold in sample periods. */
  gapFactor: number;
  /** Embedding size. */
  embeddingDim: number;
  /** The pretraining that produced the encoder (resolved config, history, windows). */
  pretrain: unknown;
  /** Whether `classifier/` holds a fine-tuned classifier. */
  classifier: boolean;
}

/** A loaded pipeline model; the caller disposes the models. */
export interface LoadedPipelineModel {
  info: PipelineModelInfo;
  encoder: tf.LayersModel;
  /** The fine-tuned classifier (encoder and head), or null. */
  classifier: { encoder: tf.LayersModel; head: tf.LayersModel } | null;
  provenance: Provenance;
}

/**
 * Saves the encoder (and the classifier, when given) into `dir` with `info`. `info.classifier`
 * is set from whether a classifier is given.
 */
export async function savePipelineModel(
  dir: string,
  encoder: tf.LayersModel,
  info: Omit<PipelineModelInfo, "format" | "version" | "classifier">,
  classifier: { encoder: tf.LayersModel; head: tf.LayersModel } | null,
  provenance: Provenance,
): Promise<void> {
  const full: PipelineModelInfo = {
    format: PIPELINE_MODEL_FORMAT,
    version: PIPELINE_MODEL_VERSION,
    ...info,
    classifier: classifier !== null,
  };
  if (classifier) {
    await saveCheckpoint(join(dir, PIPELINE_CLASSIFIER_FOLDER), {
      encoder: classifier.encoder,
      head: classifier.head,
      config: {
        format: PIPELINE_MODEL_FORMAT,
        version: PIPELINE_MODEL_VERSION,
        labels: info.labels,
      },
      provenance,
    });
  }
  await saveCheckpoint(dir, { encoder, head: null, config: full, provenance });
}

/**
 * Loads the pipeline model in `dir`. Throws a one-line error naming the folder when it is
 * missing, is not a pipeline model, or was written by another version (of the checkpoint
 * layout or of the pipeline model).
 */
export async function loadPipelineModel(dir: string): Promise<LoadedPipelineModel> {
  const where = `Cannot load model ${dir}`;
  try {
    if (!(await Deno.stat(dir)).isDirectory) throw new Error(`${where}: not a folder`);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new Error(
        `${where}: the folder does not exist; expected the model/ folder of a pipeline run`,
      );
    }
    throw e;
  }
  if (!(await hasCheckpoint(dir))) {
    throw new Error(
      `${where}: no checkpoint.json; expected the model/ folder written by deno task pipeline`,
    );
  }
  const ck = await loadCheckpoint<PipelineModelInfo>(dir);
  const info = ck.config;
  const fail = (problem: string): never => {
    ck.encoder.dispose();
    ck.head?.dispose();
    throw new Error(`${where}: ${problem}`);
  };
  if (info === null || typeof info !== "object" || info.format !== PIPELINE_MODEL_FORMAT) {
    fail(
      `checkpoint.json is not a pipeline model (config.format is not "${PIPELINE_MODEL_FORMAT}")`,
    );
  }
  if (info.version !== PIPELINE_MODEL_VERSION) {
    fail(
      `checkpoint.json holds pipeline model version ${
        JSON.stringify(info.version)
      }; this library reads version ${PIPELINE_MODEL_VERSION} (re-run deno task pipeline)`,
    );
  }
  const p = info.plan;
  if (
    !p || !Array.isArray(p.channels) || !(p.sampleRate > 0) || !(p.length >= 1) ||
    !(p.stride >= 1) || !Array.isArray(info.labels)
  ) fail("checkpoint.json field config.plan or config.labels is malformed");
  ck.head?.dispose();
  let classifier: LoadedPipelineModel["classifier"] = null;
  if (info.classifier) {
    const cdir = join(dir, PIPELINE_CLASSIFIER_FOLDER);
    try {
      const c = await loadCheckpoint(cdir);
      if (c.head === null) {
        c.encoder.dispose();
        throw new Error(`${cdir}: the classifier has no head`);
      }
      classifier = { encoder: c.encoder, head: c.head };
    } catch (e) {
      ck.encoder.dispose();
      throw new Error(`${where}: ${(e as Error).message}`);
    }
  }
  return { info, encoder: ck.encoder, classifier, provenance: ck.provenance };
}

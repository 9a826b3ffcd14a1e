/**
 * Checkpoints: a trained encoder (and projection head) saved in a folder together with the
 * configuration that produced it and its provenance (seed, versions, git commit).
 *
 * Layout of a checkpoint folder:
 *
 * ```
 * checkpoint.json        format, formatVersion, savedAt, config, provenance, models
 * encoder/model.json     tfjs layers topology + weights manifest
 * encoder/weights.bin    float32 weights
 * head/model.json        (only when a head was saved)
 * head/weights.bin
 * ```
 *
 * `checkpoint.json` is written last, so a folder that has it is complete. The optimizer state
 * is not saved: a checkpoint is for using or evaluating an encoder, not for resuming training.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { type Provenance, provenance as makeProvenance } from "../provenance.ts";
import { denoFileHandler } from "./deno_file_handler.ts";

/** Version of the checkpoint layout written by {@linkcode saveCheckpoint}. */
export const CHECKPOINT_FORMAT_VERSION = 1;
/** Name of the file describing a checkpoint. */
export const CHECKPOINT_FILE = "checkpoint.json";
/** Value of the `format` field of `checkpoint.json`. */
export const CHECKPOINT_FORMAT = "contrastive-sensors-checkpoint";

/** What {@linkcode saveCheckpoint} saves. */
export interface CheckpointContents<C = unknown> {
  /** The encoder. */
  encoder: tf.LayersModel;
  /** The projection head, if any. */
  head?: tf.LayersModel | null;
  /** The configuration that produced the models (e.g. `pretrain`'s resolved config). */
  config: C;
  /** Provenance; default `provenance(config.seed ?? 0, config)` (needs `--allow-run` for git). */
  provenance?: Provenance;
}

/** The contents of `checkpoint.json`. */
export interface CheckpointManifest<C = unknown> {
  format: typeof CHECKPOINT_FORMAT;
  formatVersion: number;
  /** ISO time of saving. */
  savedAt: string;
  config: C;
  provenance: Provenance;
  /** Sub-folders of the models; head null when none was saved. */
  models: { encoder: string; head: string | null };
}

/** A loaded checkpoint: the models (owned by the caller) and the manifest's fields. */
export interface LoadedCheckpoint<C = unknown> extends CheckpointManifest<C> {
  encoder: tf.LayersModel;
  head: tf.LayersModel | null;
}

function seedOf(config: unknown): number {
  const seed = (config as { seed?: unknown } | null)?.seed;
  return typeof seed === "number" ? seed : 0;
}

/**
 * Saves `contents` into folder `dir` (created if needed; existing checkpoint files are
 * overwritten): each model through {@linkcode denoFileHandler}, then `checkpoint.json`.
 * Returns the manifest written.
 */
export async function saveCheckpoint<C>(
  dir: string,
  contents: CheckpointContents<C>,
): Promise<CheckpointManifest<C>> {
  const where = `Cannot save checkpoint ${dir}`;
  if (typeof dir !== "string" || dir.length === 0) {
    throw new Error(`saveCheckpoint: dir must be a non-empty path, got ${String(dir)}`);
  }
  if (!(contents?.encoder instanceof tf.LayersModel)) {
    throw new Error(`${where}: contents.encoder must be a tf.LayersModel`);
  }
  const head = contents.head ?? null;
  if (head !== null && !(head instanceof tf.LayersModel)) {
    throw new Error(`${where}: contents.head must be a tf.LayersModel or null`);
  }
  let config: C;
  try {
    config = JSON.parse(JSON.stringify(contents.config ?? null));
  } catch (e) {
    throw new Error(`${where}: config is not JSON-serialisable: ${(e as Error).message}`);
  }
  const manifest: CheckpointManifest<C> = {
    format: CHECKPOINT_FORMAT,
    formatVersion: CHECKPOINT_FORMAT_VERSION,
    savedAt: new Date().toISOString(),
    config,
    provenance: contents.provenance ?? makeProvenance(seedOf(config), config),
    models: { encoder: "encoder", head: head === null ? null : "head" },
  };
  await Deno.mkdir(dir, { recursive: true });
  await contents.encoder.save(denoFileHandler(`${dir}/${manifest.models.encoder}`));
  if (head !== null) await head.save(denoFileHandler(`${dir}/${manifest.models.head}`));
  await Deno.writeTextFile(`${dir}/${CHECKPOINT_FILE}`, JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

function isSubfolder(v: unknown): v is string {
  return typeof v === "string" && /^[A-Za-z0-9_-]+$/.test(v);
}

/**
 * Loads the checkpoint in folder `dir`. Throws a one-line error naming the folder and file
 * when `checkpoint.json` or a model file is missing or malformed, or when the checkpoint's
 * format version is not {@linkcode CHECKPOINT_FORMAT_VERSION}.
 */
export async function loadCheckpoint<C = unknown>(dir: string): Promise<LoadedCheckpoint<C>> {
  const where = `Cannot load checkpoint ${dir}`;
  const path = `${dir}/${CHECKPOINT_FILE}`;
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new Error(`${where}: missing file ${path}`);
    throw new Error(`${where}: cannot read ${path}: ${(e as Error).message}`);
  }
  let m: CheckpointManifest<C>;
  try {
    m = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (m === null || typeof m !== "object" || m.format !== CHECKPOINT_FORMAT) {
    throw new Error(`${where}: ${path} is not a checkpoint (format is not "${CHECKPOINT_FORMAT}")`);
  }
  if (m.formatVersion !== CHECKPOINT_FORMAT_VERSION) {
    throw new Error(
      `${where}: ${path} has formatVersion ${
        JSON.stringify(m.formatVersion)
      }, this library reads version ${CHECKPOINT_FORMAT_VERSION}`,
    );
  }
  if (
    m.models === null || typeof m.models !== "object" || !isSubfolder(m.models.encoder) ||
    !(m.models.head === null || isSubfolder(m.models.head))
  ) {
    throw new Error(`${where}: ${path} field models must name the encoder (and head) sub-folders`);
  }
  const encoder = await tf.loadLayersModel(denoFileHandler(`${dir}/${m.models.encoder}`));
  let head: tf.LayersModel | null = null;
  try {
    if (m.models.head !== null) {
      head = await tf.loadLayersModel(denoFileHandler(`${dir}/${m.models.head}`));
    }
  } catch (e) {
    encoder.dispose();
    throw e;
  }
  return { ...m, encoder, head };
}

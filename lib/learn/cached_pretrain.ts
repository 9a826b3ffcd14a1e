/**
 * Pretraining with a cache: train and save a checkpoint, or — when asked to reuse and a
 * checkpoint is there — load it instead, and say clearly which happened. This is what lets a
 * presenter skip the wait in notebook 04 and lets notebook 05 reuse repro's encoder.
 *
 * @module
 */
import type { tf } from "../backend/tf.ts";
import type { WindowSet } from "../data/window_set.ts";
import { pretrain, type PretrainEpoch, type PretrainHooks } from "./pretrain.ts";
import type { PretrainConfig, ResolvedPretrainConfig } from "./pretrain_config.ts";
import { CHECKPOINT_FILE, loadCheckpoint, saveCheckpoint } from "./checkpoint.ts";

/** What a cached-pretraining checkpoint stores as its config. */
export interface PretrainRecord {
  pretrain: ResolvedPretrainConfig;
  history: PretrainEpoch[];
  windows: number;
  backend: string;
  seconds: number;
}

/** The encoder from {@linkcode pretrainOrLoad} and where it came from. */
export interface CachedPretrain {
  encoder: tf.LayersModel;
  head: tf.LayersModel | null;
  source: "trained" | "checkpoint";
  record: PretrainRecord;
  /** One line for the reader: trained now (how long, on what) or loaded (from where, when). */
  description: string;
}

/** Whether `dir` holds a complete checkpoint. */
export async function hasCheckpoint(dir: string): Promise<boolean> {
  try {
    return (await Deno.stat(`${dir}/${CHECKPOINT_FILE}`)).isFile;
  } catch {
    return false;
  }
}

/**
 * With `reuse` and a checkpoint in `dir`: loads it. Otherwise pretrains on `windows` with
 * `config` (progress and live loss curve as in `pretrain`) and saves the result to `dir`.
 */
export async function pretrainOrLoad(
  windows: WindowSet,
  config: Partial<PretrainConfig>,
  options: { dir: string; reuse: boolean },
  hooks: PretrainHooks = {},
): Promise<CachedPretrain> {
  if (options.reuse && await hasCheckpoint(options.dir)) {
    const ck = await loadCheckpoint<PretrainRecord>(options.dir);
    const r = ck.config;
    const last = r.history.at(-1);
    return {
      encoder: ck.encoder,
      head: ck.head,
      source: "checkpoint",
      record: r,
      description:
        `Loaded the cached checkpoint ${options.dir} (saved ${ck.savedAt}, ${r.pretrain.loss}, ${r.history.length} epochs on ${r.windows} windows, final loss ${
          last?.loss.toFixed(3)
        }, git ${ck.provenance.gitCommit?.slice(0, 8) ?? "unknown"}) — not trained now.`,
    };
  }
  const res = await pretrain(windows, config, hooks);
  const record: PretrainRecord = {
    pretrain: res.config,
    history: res.history,
    windows: windows.n,
    backend: `${res.backend.name} (${res.backend.threads} thread${
      res.backend.threads === 1 ? "" : "s"
    })`,
    seconds: res.seconds,
  };
  await saveCheckpoint(options.dir, { encoder: res.encoder, head: res.head, config: record });
  return {
    encoder: res.encoder,
    head: res.head,
    source: "trained",
    record,
    description:
      `Trained now: ${res.config.loss}, ${res.history.length} epochs × ${res.stepsPerEpoch} steps on ${windows.n} windows in ${
        res.seconds.toFixed(1)
      } s on ${record.backend}; saved to ${options.dir}.`,
  };
}

/** The first of `dirs` that holds a complete checkpoint, or null. */
export async function firstCheckpoint(dirs: readonly string[]): Promise<string | null> {
  for (const d of dirs) if (await hasCheckpoint(d)) return d;
  return null;
}

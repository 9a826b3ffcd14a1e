/**
 * The configuration of `deno task pipeline` (bring your own recordings): every field, its
 * default in one place ({@linkcode PIPELINE_DEFAULTS}), its validation, and reading it from
 * a JSON `--config` file. Unknown fields are errors, at every level.
 *
 * @module
 */
import { MODES } from "../device/modes.ts";
import { DataError } from "../data/data_error.ts";
import { NAME_PATTERN } from "../data/validate_recording.ts";
import type { EncoderConfig } from "../learn/encoder.ts";
import { resolveEncoderConfig } from "../learn/encoder.ts";
import {
  AUGMENTATION_PRESETS,
  type AugmentationPresetName,
} from "../learn/augmentation_presets.ts";
import { type PretrainConfig, resolvePretrainConfig } from "../learn/pretrain_config.ts";
import { DEFAULT_NOISE_METRICS_OPTIONS, type NoiseMetricsOptions } from "../stats/channel_noise.ts";
import { resolveOptions } from "../stats/options.ts";
import { FINE_TUNE_DEFAULTS, type FineTuneOptions } from "../finetune/classifier_options.ts";
import { resolveClassifierOptions } from "../finetune/window_classifier.ts";
import { type ProtocolOptions, resolveProtocolOptions } from "../finetune/protocol_options.ts";

/** How the 2-D picture of the embeddings is made. */
export interface EmbeddingFigureConfig {
  /** "umap" (seeded) or "pca". */
  projection: "umap" | "pca";
  /** At most this many windows are drawn (a seeded subset). */
  maxPoints: number;
}

/** Everything that decides a pipeline run. */
export interface PipelineConfig {
  /** Master seed of everything random (pretraining, fine-tuning, evaluation, figures). */
  seed: number;
  /**
   * The label set: values allowed in label columns and events files, 2 to 4 names (the
   * evaluation protocol's classes). Label i of a window is `labels[i]`.
   */
  labels: string[];
  /** Common sampling rate in Hz that every recording is resampled to; null: the lowest rate. */
  sampleRate: number | null;
  /** Channel names to use, in this order; null: the channels every recording maps. */
  channels: string[] | null;
  /** Window length in seconds. */
  windowSeconds: number;
  /** Seconds between window starts; null: `windowSeconds` (no overlap). */
  strideSeconds: number | null;
  /**
   * "pure": a window is labelled only when all its samples carry the same label;
   * "majority": by the most frequent label when at least half its samples are labelled.
   * Other windows are kept unlabelled (pretraining and embeddings use them).
   */
  labelPolicy: "pure" | "majority";
  /**
   * "recording": z-score each channel over the whole recording (all segments); "window":
   * z-score each channel of each window; "none": raw units.
   */
  normalize: "recording" | "window" | "none";
  /** A time step longer than this many sample periods is a gap; windows never cross one. */
  gapFactor: number;
  /** Options of the noise metrics (see `NoiseMetricsOptions`). */
  noise: Partial<NoiseMetricsOptions>;
  /** Encoder architecture of pretraining and evaluation (length, channels from the data). */
  encoder: Partial<EncoderConfig>;
  /**
   * Contrastive pretraining (see `PretrainConfig`; encoder and seed are set by the pipeline).
   * Without `augmentation`: "sensor+time" when every channel is eeg, ecg or gsr (the sensor
   * simulation knows those), else "standard".
   */
  pretrain: Partial<PretrainConfig>;
  /** Fine-tuning of the final classifier on all labelled windows (classes and seed set here). */
  fineTune: Partial<FineTuneOptions>;
  /** Whether to run the leave-one-experiment-out evaluation (needs ≥ 2 labelled experiments). */
  evaluate: boolean;
  /** The evaluation protocol (see `ProtocolOptions`; features, seeds' base and encoder set here). */
  evaluation: Partial<ProtocolOptions>;
  /** The embedding figure. */
  figure: EmbeddingFigureConfig;
}

/**
 * The defaults of every {@linkcode PipelineConfig} field. Budget on 2 cores for the full
 * surrogate data set (`deno task data`): see README, section "Your own recordings".
 */
export const PIPELINE_DEFAULTS: Readonly<PipelineConfig> = Object.freeze({
  seed: 2020,
  labels: [...MODES],
  sampleRate: null,
  channels: null,
  windowSeconds: 2,
  strideSeconds: null,
  labelPolicy: "pure",
  normalize: "recording",
  gapFactor: 1.5,
  noise: {},
  encoder: { poolSizes: [4, 2, 1] },
  pretrain: { loss: "ntxent", epochs: 6, batchSize: 64 },
  fineTune: { epochs: 2, minSteps: 25, maxSteps: 60 },
  evaluate: true,
  evaluation: { preset: "quick" },
  figure: { projection: "umap", maxPoints: 1500 },
} as PipelineConfig);

/** Fields of {@linkcode PipelineConfig} whose values are option objects of other modules. */
const NESTED = ["noise", "encoder", "pretrain", "fineTune", "evaluation", "figure"] as const;

/** Channels the sensor-simulating augmentation knows. */
const SENSOR_CHANNELS = ["eeg", "ecg", "gsr"];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Fills in {@linkcode PIPELINE_DEFAULTS} (nested option objects are merged field by field
 * over the defaults' — e.g. `{"pretrain": {"epochs": 2}}` keeps the default loss) and
 * validates every field; `source` names the
 * config in messages (e.g. the `--config` file). Throws a one-line {@linkcode DataError}
 * naming the source and field for an unknown field or a bad value.
 */
export function resolvePipelineConfig(
  config: unknown = {},
  source?: string,
): PipelineConfig {
  const where = source === undefined
    ? "Cannot use the pipeline config"
    : `Cannot use config ${source}`;
  const bad = (field: string, expected: string, got: unknown): never => {
    throw new DataError(
      `${where}: field ${field}: expected ${expected}, got ${JSON.stringify(got)}`,
      {
        file: source,
        column: field,
      },
    );
  };
  if (!isPlainObject(config)) bad("(top level)", "a JSON object", config);
  const given = config as Record<string, unknown>;
  const known = Object.keys(PIPELINE_DEFAULTS);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      throw new DataError(
        `${where}: unknown field '${key}'; expected one of ${known.join(", ")}`,
        { file: source, column: key },
      );
    }
  }
  const c = structuredClone(PIPELINE_DEFAULTS) as PipelineConfig;
  for (const [k, v] of Object.entries(given)) {
    if (v === undefined) continue;
    if ((NESTED as readonly string[]).includes(k) && !isPlainObject(v)) bad(k, "an object", v);
    const cur = (c as unknown as Record<string, unknown>)[k];
    (c as unknown as Record<string, unknown>)[k] = (NESTED as readonly string[]).includes(k)
      ? { ...(cur as object), ...structuredClone(v as object) }
      : structuredClone(v);
  }
  if (!Number.isInteger(c.seed) || c.seed < 0) bad("seed", "an integer ≥ 0", c.seed);
  if (
    !Array.isArray(c.labels) || c.labels.length < 2 || c.labels.length > MODES.length ||
    !c.labels.every((l) => typeof l === "string" && NAME_PATTERN.test(l)) ||
    new Set(c.labels).size !== c.labels.length
  ) {
    bad(
      "labels",
      `2 to ${MODES.length} distinct label names of letters, digits, '_', '.', '-'`,
      c.labels,
    );
  }
  if (c.sampleRate !== null && !(typeof c.sampleRate === "number" && c.sampleRate > 0)) {
    bad("sampleRate", "null or a positive number of Hz", c.sampleRate);
  }
  if (
    c.channels !== null &&
    (!Array.isArray(c.channels) || c.channels.length === 0 ||
      !c.channels.every((ch) => typeof ch === "string" && ch.length > 0) ||
      new Set(c.channels).size !== c.channels.length)
  ) bad("channels", "null or a non-empty list of distinct channel names", c.channels);
  if (!(typeof c.windowSeconds === "number" && c.windowSeconds > 0)) {
    bad("windowSeconds", "a positive number of seconds", c.windowSeconds);
  }
  if (c.strideSeconds !== null && !(typeof c.strideSeconds === "number" && c.strideSeconds > 0)) {
    bad("strideSeconds", "null or a positive number of seconds", c.strideSeconds);
  }
  if (c.labelPolicy !== "pure" && c.labelPolicy !== "majority") {
    bad("labelPolicy", '"pure" or "majority"', c.labelPolicy);
  }
  if (!["recording", "window", "none"].includes(c.normalize)) {
    bad("normalize", '"recording", "window" or "none"', c.normalize);
  }
  if (!(typeof c.gapFactor === "number" && c.gapFactor > 1.25 && Number.isFinite(c.gapFactor))) {
    bad("gapFactor", "a number of sample periods > 1.25", c.gapFactor);
  }
  if (typeof c.evaluate !== "boolean") bad("evaluate", "true or false", c.evaluate);
  const figureKeys = Object.keys(PIPELINE_DEFAULTS.figure);
  for (const k of Object.keys(c.figure)) {
    if (!figureKeys.includes(k)) {
      throw new DataError(
        `${where}: field figure: unknown field '${k}'; expected one of ${figureKeys.join(", ")}`,
        { file: source, column: `figure.${k}` },
      );
    }
  }
  if (c.figure.projection !== "umap" && c.figure.projection !== "pca") {
    bad("figure.projection", '"umap" or "pca"', c.figure.projection);
  }
  if (!(Number.isInteger(c.figure.maxPoints) && c.figure.maxPoints >= 10)) {
    bad("figure.maxPoints", "an integer ≥ 10", c.figure.maxPoints);
  }
  // Nested options: checked by their own resolvers, with the field named here.
  const nested = (field: string, check: () => unknown) => {
    try {
      check();
    } catch (e) {
      throw new DataError(`${where}: field ${field}: ${(e as Error).message}`, {
        file: source,
        column: field,
      });
    }
  };
  nested("noise", () => resolveOptions(DEFAULT_NOISE_METRICS_OPTIONS, c.noise, "noise"));
  nested("encoder", () => {
    if ("length" in c.encoder || "channels" in c.encoder || "seed" in c.encoder) {
      throw new Error("length, channels and seed come from the data and the seed; leave them out");
    }
    resolveEncoderConfig({ ...c.encoder, length: 1024, channels: 1 });
  });
  nested("pretrain", () => {
    if ("encoder" in c.pretrain || "seed" in c.pretrain) {
      throw new Error("encoder and seed are set by the pipeline (fields encoder and seed)");
    }
    resolvePretrainConfig({ augmentation: "standard", ...c.pretrain });
  });
  nested("fineTune", () => {
    if ("classes" in c.fineTune || "seed" in c.fineTune) {
      throw new Error("classes and seed are set by the pipeline (fields labels and seed)");
    }
    resolveClassifierOptions(FINE_TUNE_DEFAULTS, c.fineTune, "fineTune");
  });
  nested("evaluation", () => {
    if ("features" in c.evaluation) {
      throw new Error("features are computed by the pipeline; leave them out");
    }
    resolveProtocolOptions(c.evaluation);
  });
  return c;
}

/**
 * The augmentation of pretraining for windows with `channels`: the configured one, else
 * "sensor+time" when every channel is one the sensor simulation knows (eeg, ecg, gsr), else
 * "standard" (jitter, scaling and the time-domain steps).
 */
export function pipelineAugmentation(
  configured: AugmentationPresetName | undefined,
  channels: readonly string[],
): AugmentationPresetName {
  if (configured !== undefined) {
    if (!(AUGMENTATION_PRESETS as readonly string[]).includes(configured)) {
      throw new Error(
        `pipelineAugmentation: unknown augmentation '${configured}'; expected one of ${
          AUGMENTATION_PRESETS.join(", ")
        }`,
      );
    }
    return configured;
  }
  return channels.every((c) => SENSOR_CHANNELS.includes(c)) ? "sensor+time" : "standard";
}

/**
 * Reads a pipeline config from a JSON file and resolves it ({@linkcode resolvePipelineConfig});
 * throws a one-line {@linkcode DataError} naming the file for a missing file, malformed JSON,
 * an unknown field or a bad value.
 */
export async function readPipelineConfig(path: string): Promise<PipelineConfig> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    const why = e instanceof Deno.errors.NotFound
      ? "the file does not exist"
      : (e as Error).message;
    throw new DataError(`Cannot read config ${path}: ${why}`, { file: path });
  }
  if (text.trim() === "") {
    throw new DataError(`Cannot read config ${path}: the file is empty; expected a JSON object`, {
      file: path,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DataError(`Cannot read config ${path}: malformed JSON: ${(e as Error).message}`, {
      file: path,
    });
  }
  return resolvePipelineConfig(value, path);
}

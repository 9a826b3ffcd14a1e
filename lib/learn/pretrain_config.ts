/**
 * The configuration of {@linkcode pretrain}: every field, its default in one place
 * ({@linkcode PRETRAIN_DEFAULTS}), and its validation.
 *
 * @module
 */
import { LOSS_DEFAULTS } from "../losses/options.ts";
import type { EncoderConfig, ProjectionHeadConfig } from "./encoder.ts";
import type { BackendName } from "../backend/setup.ts";
import { AUGMENTATION_PRESETS, type AugmentationPresetName } from "./augmentation_presets.ts";
import type { SensorSimulationOptions } from "./sensor_augment.ts";
import type { LearningRateSchedule } from "./lr_schedule.ts";
import { GROUP_KEYS, type GroupKey } from "./window_groups.ts";

/** The contrastive losses {@linkcode pretrain} can train with. */
export const PRETRAIN_LOSSES = ["ntxent", "supcon", "contrastive", "triplet", "batchhard"] as const;

/** One of {@linkcode PRETRAIN_LOSSES}. */
export type PretrainLoss = typeof PRETRAIN_LOSSES[number];

/** Everything that decides a pretraining run. */
export interface PretrainConfig {
  /**
   * "ntxent" (SimCLR), "supcon" (Khosla et al.), "contrastive" (Hadsell et al., pairs),
   * "triplet" (Schroff et al.), "batchhard" (Hermans et al.).
   */
  loss: PretrainLoss;
  /** Passes over the data. */
  epochs: number;
  /** Windows per batch (pairs for "contrastive", triplets for "triplet"). */
  batchSize: number;
  /** Cap on the steps per epoch; null for ⌊n / batchSize⌋. */
  stepsPerEpoch: number | null;
  /** "adam" (Kingma & Ba 2015) or plain "sgd". */
  optimizer: "adam" | "sgd";
  /** Peak learning rate. */
  learningRate: number;
  /** "constant" or "cosine" decay to 0 over all steps. */
  schedule: LearningRateSchedule;
  /** Steps of linear learning-rate warm-up. */
  warmupSteps: number;
  /** Temperature τ of "ntxent" and "supcon". */
  temperature: number;
  /** Margin m of "contrastive", "triplet" and "batchhard". */
  margin: number;
  /** L2-normalise embeddings before the distance losses (contrastive, triplet, batchhard). */
  normalizeEmbeddings: boolean;
  /** Augmentation pipeline making the views (see `augmentationPreset`). */
  augmentation: AugmentationPresetName;
  /** Options of the sensor simulation in the pipeline (channels and rate come from the data). */
  sensorSimulation: SensorSimulationOptions;
  /** Encoder architecture (length and channels come from the data; seed from `seed`). */
  encoder: Partial<EncoderConfig>;
  /** Projection head (inputDim comes from the encoder; seed from `seed`), or null for none. */
  head: Partial<ProjectionHeadConfig> | null;
  /**
   * Whether the loss may use mode labels; null: true for every loss but "ntxent". Without
   * labels the positives of every loss are two views of one window (see `lossObjective`).
   */
  labelled: boolean | null;
  /** Labelled positives come from another experiment (default) or another sensor. */
  group: GroupKey;
  /** tfjs backend ("auto": wasm, else cpu; see `setupBackend`). */
  backend: BackendName | "auto";
  /** Master seed of initial weights, batches and augmentations. */
  seed: number;
}

/** The defaults of every {@linkcode PretrainConfig} field. */
export const PRETRAIN_DEFAULTS: Readonly<PretrainConfig> = Object.freeze({
  loss: "ntxent",
  epochs: 10,
  batchSize: 64,
  stepsPerEpoch: null,
  optimizer: "adam",
  learningRate: 1e-3,
  schedule: "cosine",
  warmupSteps: 0,
  temperature: LOSS_DEFAULTS.temperature,
  margin: LOSS_DEFAULTS.margin,
  normalizeEmbeddings: true,
  augmentation: "sensor+time",
  sensorSimulation: {},
  encoder: {},
  head: {},
  labelled: null,
  group: "experiment",
  backend: "auto",
  seed: 0,
});

/** A config with every field resolved (labelled decided). */
export type ResolvedPretrainConfig = PretrainConfig & { labelled: boolean };

function fail(field: string, expected: string, got: unknown): never {
  throw new Error(`pretrain: config.${field} must be ${expected}, got ${JSON.stringify(got)}`);
}

function oneOf(field: string, value: unknown, allowed: readonly string[]): void {
  if (!allowed.includes(value as string)) {
    fail(field, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`, value);
  }
}

function positiveInt(field: string, v: unknown): void {
  if (!(typeof v === "number" && Number.isInteger(v) && v >= 1)) fail(field, "an integer ≥ 1", v);
}

function positiveNumber(field: string, v: unknown): void {
  if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) fail(field, "a number > 0", v);
}

function plainObject(field: string, v: unknown): void {
  if (v === null || typeof v !== "object" || Array.isArray(v)) fail(field, "an object", v);
}

/**
 * Fills in {@linkcode PRETRAIN_DEFAULTS} and validates; throws a one-line error naming the
 * field for an unknown key or a bad value (nested encoder/head/sensor options are checked
 * by their builders).
 */
export function resolvePretrainConfig(
  config: Partial<PretrainConfig> = {},
): ResolvedPretrainConfig {
  if (config === null || typeof config !== "object") {
    throw new Error(`pretrain: config must be an object, got ${String(config)}`);
  }
  const known = Object.keys(PRETRAIN_DEFAULTS);
  for (const key of Object.keys(config)) {
    if (!known.includes(key)) {
      throw new Error(
        `pretrain: unknown config field '${key}'; expected one of ${known.join(", ")}`,
      );
    }
  }
  const c = structuredClone(PRETRAIN_DEFAULTS) as PretrainConfig;
  for (const [k, v] of Object.entries(config)) {
    if (v !== undefined) (c as unknown as Record<string, unknown>)[k] = structuredClone(v);
  }
  oneOf("loss", c.loss, PRETRAIN_LOSSES);
  positiveInt("epochs", c.epochs);
  positiveInt("batchSize", c.batchSize);
  if (c.batchSize < 2) fail("batchSize", "an integer ≥ 2", c.batchSize);
  if (c.stepsPerEpoch !== null) positiveInt("stepsPerEpoch", c.stepsPerEpoch);
  oneOf("optimizer", c.optimizer, ["adam", "sgd"]);
  positiveNumber("learningRate", c.learningRate);
  oneOf("schedule", c.schedule, ["constant", "cosine"]);
  if (!(Number.isInteger(c.warmupSteps) && c.warmupSteps >= 0)) {
    fail("warmupSteps", "an integer ≥ 0", c.warmupSteps);
  }
  positiveNumber("temperature", c.temperature);
  if (!(typeof c.margin === "number" && Number.isFinite(c.margin) && c.margin >= 0)) {
    fail("margin", "a number ≥ 0", c.margin);
  }
  if (typeof c.normalizeEmbeddings !== "boolean") {
    fail("normalizeEmbeddings", "a boolean", c.normalizeEmbeddings);
  }
  oneOf("augmentation", c.augmentation, AUGMENTATION_PRESETS);
  plainObject("sensorSimulation", c.sensorSimulation);
  plainObject("encoder", c.encoder);
  if (c.head !== null) plainObject("head", c.head);
  if (c.labelled !== null && typeof c.labelled !== "boolean") {
    fail("labelled", "true, false or null", c.labelled);
  }
  oneOf("group", c.group, GROUP_KEYS);
  oneOf("backend", c.backend, ["auto", "wasm", "cpu"]);
  if (!(typeof c.seed === "number" && Number.isInteger(c.seed))) fail("seed", "an integer", c.seed);
  const labelled = c.labelled ?? c.loss !== "ntxent";
  if (c.loss === "ntxent" && labelled) {
    throw new Error(
      'pretrain: config.labelled is true but loss "ntxent" uses no labels; use loss "supcon" for labelled positives',
    );
  }
  return { ...c, labelled };
}

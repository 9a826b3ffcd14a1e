/**
 * Options of the evaluation protocol ({@linkcode runProtocol}), the default and quick presets,
 * and their validation — the defaults in one place.
 *
 * Budget of the default preset (measured on this project's 2-core machine, wasm backend with
 * 2 threads, the 3702 windows of 256 × 3 at 128 Hz of the default device data set):
 *
 * - encoder: workload W with max-pool 4 after the first convolution (`poolSizes: [4, 2, 1]`),
 *   which halves a training step (≈ 1.1 ms per window forward + backward, 0.4 ms forward)
 *   and scored within a few points of W's macro-F1 in single runs;
 * - contrastive pretraining: 4 × 50 steps of 64 pairs per seed, 16–32 s;
 * - each supervised run (scratch, fine-tune): ⌈2 epochs⌉ of 64-window steps clamped to 25…60
 *   steps, 1.8 s at 1 % of the labels and 3.8–4.7 s at 100 % including the prediction of its
 *   test and validation windows (learning rate 3e-3: with 1e-3 the scratch baseline had not
 *   converged in 60 steps);
 * - each logistic regression (L-BFGS): 0.01–0.4 s.
 *
 * Per seed: pretraining + 4 in-distribution reference runs + 4 folds × 3 fractions × 4 methods
 * + the identifiability probes = 71–161 s; the whole default protocol (3 seeds) took 325 s
 * while other jobs kept the machine at load 3–4, and 465 s at load ≈ 5 (three other
 * processes), so it fits the 7-minute budget when the two cores are shared with one job.
 * The quick preset (2 seeds, 35 % of each driver's windows, 50 pretraining steps, 10–30 steps
 * of 32 windows per supervised run) took 27–40 s.
 *
 * @module
 */
import type { EncoderConfig } from "../learn/encoder.ts";
import type { PretrainConfig } from "../learn/pretrain_config.ts";
import type { SilhouetteOptions } from "../eval/silhouette.ts";
import type { ClassifierTrainingOptions } from "./classifier_options.ts";
import type { LogisticRegressionOptions } from "./logistic_regression.ts";
import type { LabelFractionOptions } from "./splits.ts";

/** The methods the protocol compares. */
export const PROTOCOL_METHODS = ["features-lr", "scratch", "linear-probe", "fine-tune"] as const;

/**
 * One method: "features-lr" (hand-crafted features + logistic regression), "scratch" (the
 * encoder trained supervised from random weights), "linear-probe" (logistic regression on the
 * frozen contrastive embedding), "fine-tune" (the contrastive encoder and a head trained
 * together, the encoder at a smaller rate).
 */
export type ProtocolMethod = typeof PROTOCOL_METHODS[number];

/** The named option presets. */
export type ProtocolPreset = "default" | "quick";

/** Options of {@linkcode runProtocol}. */
export interface ProtocolOptions {
  /** Preset the other options start from ("quick": see {@linkcode PROTOCOL_QUICK}). */
  preset: ProtocolPreset;
  /** Seeds; every number is reported as mean ± sd over them. */
  seeds: number[];
  /** Shares of the training labels used (each mode kept at least once). */
  fractions: number[];
  /** Experiments held out in turn; null: all. */
  heldOut: string[] | null;
  /** Methods to run. */
  methods: ProtocolMethod[];
  /** Share of each driver's windows kept (seeded, the same for every seed); 1 keeps all. */
  subsample: number;
  /**
   * Share of each experiment's drivers kept out of training as validation drivers: the
   * in-distribution scores come from them.
   */
  validationFraction: number;
  /** Encoder of pretraining and of the supervised baseline (length, channels from the data). */
  encoder: Partial<EncoderConfig>;
  /**
   * Contrastive pretraining (the protocol sets `encoder` and `seed`). For windows normalised
   * per window (`normalize: "window"`), pass `sensorSimulation: { renormalize: true }` so the
   * simulated sensor's gain and offset do not undo the normalisation.
   */
  pretrain: Partial<PretrainConfig>;
  /** Training of the supervised-from-scratch baseline (the protocol sets `seed`). */
  scratch: Partial<ClassifierTrainingOptions>;
  /** Training of the fine-tuned classifier (the protocol sets `seed`). */
  fineTune: Partial<ClassifierTrainingOptions>;
  /** Head of the fine-tuned classifier: started from the linear probe (LP-FT) or random. */
  fineTuneInit: "linear-probe" | "random";
  /** The logistic regressions (features baseline and linear probe). */
  logistic: Partial<LogisticRegressionOptions>;
  /** How label fractions are drawn. */
  labelFraction: Partial<LabelFractionOptions>;
  /** Whether to compute sensor identifiability and silhouettes of the representations. */
  identifiability: boolean;
  /** Driver-disjoint folds of the identifiability probe. */
  identifiabilityFolds: number;
  /** Silhouette options (the seed is the protocol seed). */
  silhouette: Partial<Omit<SilhouetteOptions, "seed">>;
  /**
   * The hand-crafted features of the windows, [n, 15] row-major (`windowFeatureMatrix` of the
   * same windows cut without normalisation, so that the features keep their units); null:
   * computed from the given windows as they are.
   */
  features: Float32Array | null;
}

/** The default preset (see the module doc for its time budget). */
export const PROTOCOL_DEFAULTS: Readonly<ProtocolOptions> = Object.freeze({
  preset: "default",
  seeds: [0, 1, 2],
  fractions: [0.01, 0.1, 1],
  heldOut: null,
  methods: [...PROTOCOL_METHODS],
  subsample: 1,
  validationFraction: 0.25,
  encoder: { poolSizes: [4, 2, 1] },
  pretrain: {
    loss: "ntxent",
    augmentation: "sensor+time",
    epochs: 4,
    stepsPerEpoch: 50,
    batchSize: 64,
  },
  scratch: { epochs: 2, minSteps: 25, maxSteps: 60 },
  fineTune: { epochs: 2, minSteps: 25, maxSteps: 60, headLr: 3e-3, encoderLr: 3e-4 },
  fineTuneInit: "linear-probe",
  logistic: {},
  labelFraction: {},
  identifiability: true,
  identifiabilityFolds: 3,
  silhouette: { metric: "euclidean", maxPoints: 1500 },
  features: null,
} as ProtocolOptions);

/** What the quick preset changes (about a minute on the full data set). */
export const PROTOCOL_QUICK: Readonly<Partial<ProtocolOptions>> = Object.freeze({
  seeds: [0, 1],
  subsample: 0.35,
  pretrain: { epochs: 2, stepsPerEpoch: 25 },
  scratch: { epochs: 2, minSteps: 10, maxSteps: 30, batchSize: 32 },
  fineTune: { epochs: 2, minSteps: 10, maxSteps: 30, batchSize: 32 },
  silhouette: { maxPoints: 800 },
});

/** Option fields holding nested option objects, merged field by field over the preset. */
const NESTED = [
  "encoder",
  "pretrain",
  "scratch",
  "fineTune",
  "logistic",
  "labelFraction",
  "silhouette",
] as const;

function fail(field: string, expected: string, got: unknown): never {
  const shown = got instanceof Float32Array
    ? `a Float32Array of ${got.length}`
    : JSON.stringify(got);
  throw new Error(`runProtocol: option ${field} must be ${expected}, got ${shown}`);
}

/**
 * The complete options: {@linkcode PROTOCOL_DEFAULTS}, then the preset's changes, then
 * `options` (nested option objects are merged field by field). Throws a one-line error naming
 * the option for an unknown field or a bad value.
 */
export function resolveProtocolOptions(options: Partial<ProtocolOptions> = {}): ProtocolOptions {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new Error(`runProtocol: options must be an object, got ${String(options)}`);
  }
  const known = Object.keys(PROTOCOL_DEFAULTS);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new Error(`runProtocol: unknown option '${key}'; expected one of ${known.join(", ")}`);
    }
  }
  const preset = options.preset ?? "default";
  if (preset !== "default" && preset !== "quick") fail("preset", '"default" or "quick"', preset);
  const layers: Partial<ProtocolOptions>[] = [
    PROTOCOL_DEFAULTS,
    preset === "quick" ? PROTOCOL_QUICK : {},
    options,
  ];
  const o = { ...PROTOCOL_DEFAULTS } as Record<string, unknown>;
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined) continue;
      if ((NESTED as readonly string[]).includes(k)) {
        if (v === null || typeof v !== "object" || Array.isArray(v)) fail(k, "an object", v);
        o[k] = { ...(o[k] as object), ...structuredClone(v) };
      } else o[k] = v instanceof Float32Array ? v : structuredClone(v);
    }
  }
  const r = o as unknown as ProtocolOptions;
  r.preset = preset;
  if (
    !Array.isArray(r.seeds) || r.seeds.length === 0 ||
    !r.seeds.every((s) => Number.isInteger(s) && s >= 0) || new Set(r.seeds).size !== r.seeds.length
  ) fail("seeds", "a non-empty list of distinct integers ≥ 0", r.seeds);
  if (
    !Array.isArray(r.fractions) || r.fractions.length === 0 ||
    !r.fractions.every((f) => typeof f === "number" && f > 0 && f <= 1) ||
    new Set(r.fractions).size !== r.fractions.length
  ) fail("fractions", "a non-empty list of distinct numbers in (0, 1]", r.fractions);
  if (
    r.heldOut !== null &&
    (!Array.isArray(r.heldOut) || r.heldOut.length === 0 ||
      !r.heldOut.every((e) => typeof e === "string"))
  ) fail("heldOut", "null or a non-empty list of experiment ids", r.heldOut);
  if (
    !Array.isArray(r.methods) || r.methods.length === 0 ||
    !r.methods.every((m) => (PROTOCOL_METHODS as readonly string[]).includes(m)) ||
    new Set(r.methods).size !== r.methods.length
  ) {
    fail(
      "methods",
      `a non-empty list of distinct methods among ${PROTOCOL_METHODS.join(", ")}`,
      r.methods,
    );
  }
  if (!(typeof r.subsample === "number" && r.subsample > 0 && r.subsample <= 1)) {
    fail("subsample", "a number in (0, 1]", r.subsample);
  }
  if (
    !(typeof r.validationFraction === "number" && r.validationFraction > 0 &&
      r.validationFraction < 1)
  ) {
    fail("validationFraction", "a number in (0, 1)", r.validationFraction);
  }
  if (r.fineTuneInit !== "linear-probe" && r.fineTuneInit !== "random") {
    fail("fineTuneInit", '"linear-probe" or "random"', r.fineTuneInit);
  }
  if (typeof r.identifiability !== "boolean") {
    fail("identifiability", "a boolean", r.identifiability);
  }
  if (!(Number.isInteger(r.identifiabilityFolds) && r.identifiabilityFolds >= 2)) {
    fail("identifiabilityFolds", "an integer ≥ 2", r.identifiabilityFolds);
  }
  if (r.features !== null && !(r.features instanceof Float32Array)) {
    fail("features", "null or a Float32Array [n, features]", r.features);
  }
  for (
    const [k, v] of [["pretrain", r.pretrain], ["scratch", r.scratch], [
      "fineTune",
      r.fineTune,
    ]] as const
  ) {
    if ("seed" in v) fail(`${k}.seed`, "left out (the seeds come from option seeds)", v.seed);
  }
  if ("encoder" in r.pretrain) {
    fail(
      "pretrain.encoder",
      "left out (set option encoder, shared with the baseline)",
      r.pretrain.encoder,
    );
  }
  if ("seed" in r.silhouette) {
    fail("silhouette.seed", "left out", (r.silhouette as { seed: unknown }).seed);
  }
  return r;
}

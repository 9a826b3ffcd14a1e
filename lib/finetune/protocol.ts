/**
 * The evaluation protocol of the talk's question — does contrastive pretraining with a
 * sensor-simulating augmentation help a drowsiness classifier on a sensor it never saw? —
 * run end to end on a window set: leave one experiment (= sensor) out, label fractions, seeds,
 * four methods, the drop on the held-out sensor, and how much of the sensor each
 * representation carries.
 *
 * @module
 */
import { type BackendInfo, setupBackend } from "../backend/setup.ts";
import { MODES } from "../device/modes.ts";
import { takeWindows, type WindowSet } from "../data/window_set.ts";
import { classificationReport } from "../eval/classification_report.ts";
import { macroF1 } from "../eval/f1.ts";
import { sensorIdentifiability } from "../eval/sensor_identifiability.ts";
import { silhouette } from "../eval/silhouette.ts";
import { embed } from "../learn/embed.ts";
import type { tf } from "../backend/tf.ts";
import { pretrain } from "../learn/pretrain.ts";
import type { PretrainConfig } from "../learn/pretrain_config.ts";
import { checkWindowSet } from "../learn/window_groups.ts";
import { progress, type ProgressOptions, type ProgressReporter } from "../progress/reporter.ts";
import { Rng } from "../random/rng.ts";
import { featureBaseline } from "./feature_baseline.ts";
import { fineTune } from "./fine_tune.ts";
import { gatherRows } from "./gather_rows.ts";
import { linearProbe } from "./linear_probe.ts";
import type { LogisticRegressionModel } from "./logistic_regression.ts";
import {
  PROTOCOL_METHODS,
  type ProtocolMethod,
  type ProtocolOptions,
  resolveProtocolOptions,
} from "./protocol_options.ts";
import {
  aggregateProtocolRows,
  aggregateRepresentations,
  type DropRow,
  dropTable,
  type ProtocolAggregate,
  type ProtocolRow,
  type ReferenceRow,
  type RepresentationAggregate,
  type RepresentationName,
  type RepresentationRow,
} from "./protocol_results.ts";
import {
  driverValidationSplit,
  experimentsOf,
  labelFraction,
  leaveOneExperimentOut,
} from "./splits.ts";
import { applyStandardizer, fitStandardizer } from "./standardizer.ts";
import { trainFromScratch } from "./train_from_scratch.ts";
import { disposeClassifier, type WindowClassifier } from "./window_classifier.ts";
import { windowFeatureMatrix } from "./window_feature_matrix.ts";

/** Callbacks and display of {@linkcode runProtocol}. */
export interface ProtocolHooks {
  /** Progress display (lib/progress): true (default, automatic mode), its options, or false. */
  progress?: boolean | ProgressOptions;
  /** Called with every row as soon as it is scored. */
  onRow?: (row: ProtocolRow) => void;
  /**
   * Supplies the contrastive encoder of a seed instead of pretraining inside the protocol —
   * e.g. train-and-save a checkpoint, or load one. It gets the pretraining config the protocol
   * would use; the protocol disposes the models it returns.
   */
  pretrainer?: (seed: number, config: Partial<PretrainConfig>) => Promise<PretrainedEncoder>;
}

/** What a {@linkcode ProtocolHooks.pretrainer} returns. */
export interface PretrainedEncoder {
  encoder: tf.LayersModel;
  head: tf.LayersModel | null;
  /** Loss per epoch (may be empty for a loaded checkpoint). */
  history: { loss: number }[];
  seconds: number;
}

/** What happened for one seed. */
export interface ProtocolSeedInfo {
  seed: number;
  /** The validation drivers (in-distribution scores and references are on them). */
  valDrivers: string[];
  /** Mean NT-Xent loss of each pretraining epoch (empty without pretraining). */
  pretrainLoss: number[];
  /** Seconds of pretraining and of the whole seed. */
  pretrainSeconds: number;
  seconds: number;
}

/** What {@linkcode runProtocol} returns. */
export interface ProtocolResult {
  /** The resolved options; `features` says whether they were given or computed. */
  options: Omit<ProtocolOptions, "features"> & { features: "given" | "computed" };
  /** Windows used (after subsampling) and the experiments. */
  windows: number;
  experiments: string[];
  /** One row per method × held-out experiment × fraction × seed. */
  rows: ProtocolRow[];
  /** Mean ± sd over seeds per method × held-out × fraction. */
  aggregate: ProtocolAggregate[];
  /** In-distribution references (all experiments' training drivers, all labels). */
  references: ReferenceRow[];
  /** The drop on each held-out experiment, per method. */
  drop: DropRow[];
  /** Identifiability and silhouettes per representation and seed. */
  representations: RepresentationRow[];
  representationAggregate: RepresentationAggregate[];
  seeds: ProtocolSeedInfo[];
  /** Wall-clock seconds of the whole protocol. */
  seconds: number;
  backend: BackendInfo;
}

/** Keeps round(share × count) (at least 1) of each driver's windows, seeded, in order. */
function subsampleByDriver(ws: WindowSet, share: number): Int32Array {
  const byDriver = new Map<string, number[]>();
  for (let i = 0; i < ws.n; i++) {
    const d = ws.meta[i].driver;
    let list = byDriver.get(d);
    if (!list) byDriver.set(d, list = []);
    list.push(i);
  }
  const rng = new Rng("runProtocol/subsample");
  const keep: number[] = [];
  for (const d of [...byDriver.keys()].sort()) {
    const list = byDriver.get(d)!;
    keep.push(...rng.shuffle(list).slice(0, Math.max(1, Math.round(share * list.length))));
  }
  return Int32Array.from(keep.sort((a, b) => a - b));
}

function standardized(matrix: Float32Array, rows: number): Float32Array {
  return applyStandardizer(fitStandardizer(matrix, rows), matrix, rows);
}

/**
 * Runs the evaluation protocol on `windows` (all of them: labelled and unlabelled, every
 * experiment), see {@linkcode ProtocolOptions} and the budget in `protocol_options.ts`.
 *
 * Per seed:
 * 1. Validation drivers: `validationFraction` of each experiment's drivers are kept out of all
 *    training; scores on them are the in-distribution scores.
 * 2. Contrastive pretraining (NT-Xent with the sensor-simulating augmentation, by default),
 *    once, on ALL windows without labels — the held-out experiment's too ("use all data") —
 *    then reused by every fold and fraction (linear probe, fine-tune, identifiability).
 * 3. In-distribution references: each method trained on every experiment's training drivers
 *    with all labels, scored per experiment on its validation drivers.
 * 4. Leave one experiment out: for each held-out experiment and label fraction, the same
 *    seeded label subset (`labelFraction`, every mode kept) of the other experiments' training
 *    drivers trains each method; it is scored on all labelled windows of the held-out
 *    experiment and on the other experiments' validation drivers. No driver is on both sides.
 * 5. Representations: sensor identifiability (driver-disjoint probe) and silhouettes by mode
 *    and by sensor of the hand-crafted features, the supervised embedding (the scratch
 *    reference's encoder) and the contrastive embedding, each standardised.
 *
 * Returns every row, mean ± sd over seeds, the drop table and the representation summary
 * (`formatProtocolSummary` renders them). Deterministic for the same windows, options and
 * backend. Throws on bad options, windows without labels or with fewer than two drivers per
 * experiment, or features of the wrong size.
 */
export async function runProtocol(
  windows: WindowSet,
  options: Partial<ProtocolOptions> = {},
  hooks: ProtocolHooks = {},
): Promise<ProtocolResult> {
  const fn = "runProtocol";
  const started = performance.now();
  const o = resolveProtocolOptions(options);
  checkWindowSet(fn, windows);
  const unknownHook = Object.keys(hooks).find((k) =>
    !["progress", "onRow", "pretrainer"].includes(k)
  );
  if (unknownHook) {
    throw new Error(`${fn}: unknown hook '${unknownHook}'; expected progress, onRow, pretrainer`);
  }
  const K = MODES.length;
  for (let i = 0; i < windows.n; i++) {
    if (windows.labels[i] >= K) {
      throw new Error(
        `${fn}: window ${i} has label ${windows.labels[i]}; expected -1 or a mode 0…${K - 1}`,
      );
    }
  }
  let allFeatures = o.features ?? windowFeatureMatrix(windows);
  if (allFeatures.length === 0 || allFeatures.length % windows.n !== 0) {
    throw new Error(
      `${fn}: option features has ${allFeatures.length} values, not whole rows for the ${windows.n} windows`,
    );
  }
  let ws = windows;
  if (o.subsample < 1) {
    const keep = subsampleByDriver(windows, o.subsample);
    ws = takeWindows(windows, keep);
    allFeatures = gatherRows(allFeatures, windows.n, keep);
  }
  const n = ws.n;
  const features = allFeatures;
  const experiments = experimentsOf(ws);
  for (const e of experiments) {
    const drivers = new Set<string>();
    for (let i = 0; i < n; i++) {
      if (ws.meta[i].experiment === e && ws.labels[i] >= 0) drivers.add(ws.meta[i].driver);
    }
    if (drivers.size < 2) {
      throw new Error(
        `${fn}: experiment ${e} has ${drivers.size} driver(s) with labelled windows; the validation split by driver needs at least 2`,
      );
    }
  }
  const folds = leaveOneExperimentOut(ws, o.heldOut);
  const methods = PROTOCOL_METHODS.filter((m) => o.methods.includes(m));
  const usesContrastive = methods.includes("linear-probe") || methods.includes("fine-tune") ||
    o.identifiability;
  const refMethods: ProtocolMethod[] = [...methods];
  if (o.identifiability && !refMethods.includes("scratch")) refMethods.push("scratch");
  const labelsOf = (idx: ArrayLike<number>) => Int32Array.from(idx, (i) => ws.labels[i]);
  const backend = await setupBackend({ quiet: true });

  const perSeed = (usesContrastive ? 1 : 0) + refMethods.length +
    folds.length * o.fractions.length * methods.length + (o.identifiability ? 1 : 0);
  const progressOption = hooks.progress ?? true;
  const reporter: ProgressReporter | null = progressOption === false
    ? null
    : progress(o.seeds.length * perSeed, "protocol", progressOption === true ? {} : progressOption);

  const rows: ProtocolRow[] = [];
  const references: ReferenceRow[] = [];
  const representations: RepresentationRow[] = [];
  const seeds: ProtocolSeedInfo[] = [];
  try {
    for (const seed of o.seeds) {
      const seedStart = performance.now();
      const root = new Rng(seed);
      const tick = (stage: string) => reporter?.tick(1, { seed, stage });
      const labelled: number[] = [];
      for (let i = 0; i < n; i++) if (ws.labels[i] >= 0) labelled.push(i);
      const split = driverValidationSplit(
        ws,
        labelled,
        o.validationFraction,
        root.fork("validation"),
      );
      const isVal = new Uint8Array(n);
      for (const i of split.valIdx) isVal[i] = 1;

      let pre: PretrainedEncoder | null = null;
      let supervised: WindowClassifier | null = null;
      try {
        let Z: Float32Array | null = null;
        let pretrainSeconds = 0;
        if (usesContrastive) {
          const config = { ...o.pretrain, encoder: o.encoder, seed };
          pre = hooks.pretrainer
            ? await hooks.pretrainer(seed, config)
            : await pretrain(ws, config, { progress: false });
          pretrainSeconds = pre.seconds;
          Z = embed(pre.encoder, ws);
          tick("pretrain");
        }

        /** Predictions of `method` trained on `trIdx` for the windows `evIdx`. */
        const runMethod = async (
          method: ProtocolMethod,
          trIdx: Int32Array,
          evIdx: Int32Array,
          cache: { train?: WindowSet; eval?: WindowSet; probe?: LogisticRegressionModel },
          keepModel = false,
        ): Promise<
          { predictions: Int32Array; seconds: number; classifier: WindowClassifier | null }
        > => {
          const t0 = performance.now();
          const y = labelsOf(trIdx);
          const logistic = { ...o.logistic, classes: K };
          const probe = () => {
            cache.probe ??=
              linearProbe(gatherRows(Z!, n, trIdx), y, new Float32Array(0), logistic).model;
            return cache.probe;
          };
          switch (method) {
            case "features-lr": {
              const r = featureBaseline(
                gatherRows(features, n, trIdx),
                y,
                gatherRows(features, n, evIdx),
                logistic,
              );
              return { predictions: r.predictions, seconds: r.seconds, classifier: null };
            }
            case "linear-probe": {
              const r = linearProbe(
                gatherRows(Z!, n, trIdx),
                y,
                gatherRows(Z!, n, evIdx),
                logistic,
              );
              cache.probe = r.model;
              return { predictions: r.predictions, seconds: r.seconds, classifier: null };
            }
            case "scratch":
            case "fine-tune": {
              cache.train ??= takeWindows(ws, trIdx);
              cache.eval ??= takeWindows(ws, evIdx);
              const run = method === "scratch"
                ? await trainFromScratch(cache.train, cache.eval, {
                  ...o.scratch,
                  encoder: o.encoder,
                  seed,
                }, keepModel)
                : await fineTune(pre!.encoder, cache.train, cache.eval, { ...o.fineTune, seed }, {
                  head: o.fineTuneInit === "linear-probe" ? probe() : null,
                });
              return {
                predictions: run.predictions!,
                seconds: (performance.now() - t0) / 1000,
                classifier: run.classifier,
              };
            }
          }
        };

        // In-distribution references: all experiments' training drivers, all labels.
        const refCache = {};
        for (const method of refMethods) {
          const keep = o.identifiability && method === "scratch";
          const r = await runMethod(method, split.trainIdx, split.valIdx, refCache, keep);
          if (keep) supervised = r.classifier;
          for (const e of experiments) {
            const pos: number[] = [];
            split.valIdx.forEach((i, k) => {
              if (ws.meta[i].experiment === e) pos.push(k);
            });
            if (pos.length === 0) continue;
            const report = classificationReport(
              pos.map((k) => ws.labels[split.valIdx[k]]),
              pos.map((k) => r.predictions[k]),
              K,
            );
            references.push({
              method,
              seed,
              experiment: e,
              sensor: ws.meta[split.valIdx[pos[0]]].sensor,
              windows: pos.length,
              accuracy: report.accuracy,
              macroF1: report.macroF1,
            });
          }
          tick(`reference ${method}`);
        }

        // Leave one experiment out.
        for (const fold of folds) {
          const trainPool = fold.trainIdx.filter((i) => !isVal[i]);
          const valOther = split.valIdx.filter((i) => ws.meta[i].experiment !== fold.heldOut);
          if (valOther.length === 0) {
            throw new Error(
              `${fn}: no validation drivers outside ${fold.heldOut}; every experiment needs ≥ 2 drivers`,
            );
          }
          const nt = fold.testIdx.length;
          const evalIdx = Int32Array.from([...fold.testIdx, ...valOther]);
          const yTest = labelsOf(fold.testIdx), yOther = labelsOf(valOther);
          const sameDrivers: number[] = [];
          fold.testIdx.forEach((i, k) => {
            if (isVal[i]) sameDrivers.push(k);
          });
          // The evaluation windows are shared by every fraction; training windows and the
          // probe (the fine-tune head's start) by every method of one fraction.
          const cache: { train?: WindowSet; eval?: WindowSet; probe?: LogisticRegressionModel } =
            {};
          for (const fraction of o.fractions) {
            const trIdx = labelFraction(
              ws,
              trainPool,
              fraction,
              root.fork(`fraction/${fold.heldOut}/${fraction}`),
              o.labelFraction,
            );
            delete cache.train;
            delete cache.probe;
            for (const method of methods) {
              const r = await runMethod(method, trIdx, evalIdx, cache);
              const test = classificationReport(yTest, r.predictions.subarray(0, nt), K);
              const other = classificationReport(yOther, r.predictions.subarray(nt), K);
              const row: ProtocolRow = {
                method,
                heldOut: fold.heldOut,
                sensor: fold.sensor,
                fraction,
                seed,
                trainWindows: trIdx.length,
                trainDrivers: new Set(Array.from(trIdx, (i) => ws.meta[i].driver)).size,
                testWindows: nt,
                accuracy: test.accuracy,
                macroF1: test.macroF1,
                perClassF1: test.perClassF1,
                confusion: test.confusion,
                heldOutValMacroF1: sameDrivers.length
                  ? macroF1(
                    sameDrivers.map((k) => yTest[k]),
                    sameDrivers.map((k) => r.predictions[k]),
                    K,
                  )
                  : null,
                inDistAccuracy: other.accuracy,
                inDistMacroF1: other.macroF1,
                seconds: r.seconds,
              };
              rows.push(row);
              hooks.onRow?.(row);
              tick(`${method} ${fold.heldOut} ${fraction}`);
            }
          }
        }

        // Representations.
        if (o.identifiability) {
          const reps: [RepresentationName, Float32Array][] = [
            ["features", features],
            ["supervised", embed(supervised!.encoder, ws)],
            ["contrastive", Z!],
          ];
          const expOf = ws.meta.map((m) => m.experiment), driverOf = ws.meta.map((m) => m.driver);
          const sensorOf = ws.meta.map((m) => m.sensor);
          for (const [name, matrix] of reps) {
            const z = standardized(matrix, n);
            representations.push({
              representation: name,
              seed,
              identifiability: sensorIdentifiability(z, expOf, driverOf, {
                folds: o.identifiabilityFolds,
                seed,
              }),
              silhouetteMode: silhouette(gatherRows(z, n, labelled), labelsOf(labelled), {
                ...o.silhouette,
                seed,
              }).score,
              silhouetteSensor: silhouette(z, sensorOf, { ...o.silhouette, seed }).score,
            });
          }
          tick("representations");
        }
        seeds.push({
          seed,
          valDrivers: split.valDrivers,
          pretrainLoss: pre?.history.map((h) => h.loss) ?? [],
          pretrainSeconds,
          seconds: (performance.now() - seedStart) / 1000,
        });
      } finally {
        pre?.encoder.dispose();
        pre?.head?.dispose();
        if (supervised) disposeClassifier(supervised);
      }
    }
  } finally {
    await reporter?.done();
  }
  const { features: given, ...rest } = o;
  return {
    options: { ...rest, features: given === null ? "computed" : "given" },
    windows: n,
    experiments,
    rows,
    aggregate: aggregateProtocolRows(rows),
    references,
    drop: dropTable(rows, references),
    representations,
    representationAggregate: aggregateRepresentations(representations),
    seeds,
    seconds: (performance.now() - started) / 1000,
    backend,
  };
}

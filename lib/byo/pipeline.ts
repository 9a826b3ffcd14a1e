/**
 * `deno task pipeline`: your own recordings, end to end, without touching code —
 * validate everything, cut windows at a common rate, run the noise study without ground
 * truth, pretrain contrastively on all windows, embed every window, fine-tune a classifier
 * where labels exist, evaluate leave-one-experiment-out where ≥ 2 experiments are labelled,
 * and write the report, figures, metrics.json, the model and embeddings.csv.
 *
 * The output is written to a temporary folder beside `out` and renamed into place only at
 * the end, so a failed run leaves no partial output.
 *
 * @module
 */
import { join } from "node:path";
import type { tf } from "../backend/tf.ts";
import { takeWindows } from "../data/window_set.ts";
import { spectralFeatures } from "../embedding/spectral_features.ts";
import { pca, umap2d } from "../embedding/projection.ts";
import { blindNoiseFigure } from "../figures/noise_figures.ts";
import { fineTune } from "../finetune/fine_tune.ts";
import { gatherRows } from "../finetune/gather_rows.ts";
import { fitLogisticRegression } from "../finetune/logistic_regression.ts";
import { runProtocol } from "../finetune/protocol.ts";
import { resolveProtocolOptions } from "../finetune/protocol_options.ts";
import { formatProtocolSummary } from "../finetune/protocol_results.ts";
import { classifyWindows } from "../finetune/window_classifier.ts";
import { windowFeatureMatrix } from "../finetune/window_feature_matrix.ts";
import { embed, embeddingDim } from "../learn/embed.ts";
import { encoderSequenceLengths, resolveEncoderConfig } from "../learn/encoder.ts";
import { pretrain, type PretrainResult } from "../learn/pretrain.ts";
import { PRETRAIN_DEFAULTS, resolvePretrainConfig } from "../learn/pretrain_config.ts";
import { formatDuration } from "../progress/format.ts";
import { progress, type ProgressOptions, type ProgressReporter } from "../progress/reporter.ts";
import { provenance } from "../provenance.ts";
import { Rng } from "../random/rng.ts";
import { addFigure, addMarkdown, newReport, writeReport } from "../report/report.ts";
import { noiseMetrics } from "../repro/noise_stage.ts";
import { DEFAULT_NOISE_METRICS_OPTIONS } from "../stats/channel_noise.ts";
import { noiseStudy } from "../stats/noise_study.ts";
import { noiseTableMarkdown } from "../stats/noise_table.ts";
import { pipelineAugmentation, type PipelineConfig, resolvePipelineConfig } from "./config.ts";
import { cutWindows } from "./cut_windows.ts";
import { dataSummaryMarkdown, summarizeInputs } from "./data_summary.ts";
import { embeddingsCsv } from "./embeddings_csv.ts";
import { evaluationPlan } from "./evaluation_plan.ts";
import { heldOutF1Figure, labelledEmbeddingFigure, pretrainLossFigure } from "./figures.ts";
import { PipelineInputError } from "./input_error.ts";
import { loadPipelineInputs } from "./load_inputs.ts";
import { noiseStudyRecordings } from "./noise_recordings.ts";
import { savePipelineModel } from "./pipeline_model.ts";
import { stageOutputDir } from "./staged_output.ts";

/** The file whose presence marks a folder as a pipeline output (so it may be replaced). */
export const PIPELINE_MARKER = "metrics.json";
/** Name of the embeddings file in the output folder. */
export const PIPELINE_EMBEDDINGS_FILE = "embeddings.csv";
/** Name of the model folder in the output folder. */
export const PIPELINE_MODEL_FOLDER = "model";

/** Options of {@linkcode runPipeline}. */
export interface PipelineRunOptions {
  /** The manifest (CSV or JSON). */
  manifest: string;
  /** The output folder. */
  out: string;
  /** The config (resolved, or partial over the defaults). */
  config?: Partial<PipelineConfig>;
  /** Names the config in messages (e.g. its file). */
  configSource?: string;
  /** Receives one line per step (default console.log). */
  log?: (line: string) => void;
  /** Progress bars of the long steps: true (automatic), false, or options. */
  progress?: boolean | ProgressOptions;
}

/** What {@linkcode runPipeline} produced. */
export interface PipelineResult {
  /** The output folder. */
  out: string;
  /** Files written, relative to `out`. */
  files: string[];
  /** The contents of metrics.json. */
  metrics: Record<string, unknown>;
  /** Wall-clock seconds per step and in total. */
  timings: Record<string, number>;
  /** Windows cut and embedded. */
  windows: number;
  /** Embedding size. */
  embeddingDim: number;
}

const STEPS = [
  "validate",
  "windows",
  "noise study",
  "pretrain",
  "embed",
  "fine-tune",
  "evaluate",
  "report",
] as const;

function round(x: number, digits = 4): number {
  return Number(x.toPrecision(digits));
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) out.push(...await listFiles(join(dir, e.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

/** A seeded subset of at most `max` window indices, ascending. */
function figureSubset(n: number, max: number, rng: Rng): Int32Array {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return Int32Array.from(all);
  return Int32Array.from(rng.shuffle(all).slice(0, max).sort((a, b) => a - b));
}

/**
 * Runs the pipeline (see the module doc). Throws — leaving nothing at `out` — a
 * {@linkcode PipelineInputError} listing every input problem, a one-line error for a bad
 * config or an unwritable output (before any work), or any later failure.
 */
export async function runPipeline(options: PipelineRunOptions): Promise<PipelineResult> {
  const log = options.log ?? console.log;
  const progressOption = options.progress ?? true;
  const bar = (total: number, label: string): ProgressReporter | null =>
    progressOption === false
      ? null
      : progress(total, label, progressOption === true ? {} : progressOption);
  const config = resolvePipelineConfig(options.config ?? {}, options.configSource);
  const staged = await stageOutputDir(options.out, PIPELINE_MARKER);
  const timings: Record<string, number> = {};
  const models: tf.LayersModel[] = [];
  const t0 = performance.now();
  let stepIndex = 0;
  const step = async <T>(name: typeof STEPS[number], work: () => Promise<T> | T): Promise<T> => {
    stepIndex++;
    log(`[${stepIndex}/${STEPS.length}] ${name}`);
    const s0 = performance.now();
    const result = await work();
    timings[name] = (performance.now() - s0) / 1000;
    log(`      ${name} done in ${formatDuration(timings[name])}`);
    return result;
  };
  try {
    const report = newReport("Your recordings — pipeline report");
    const results: Record<string, unknown> = {};

    // 1. Validate everything before any training.
    const inputs = await step("validate", async () => {
      let reader: ProgressReporter | null = null;
      try {
        return await loadPipelineInputs(options.manifest, {
          labels: config.labels,
          gapFactor: config.gapFactor,
          channels: config.channels,
          sampleRate: config.sampleRate,
          windowSeconds: config.windowSeconds,
          strideSeconds: config.strideSeconds,
          onFile: (done, total) => {
            reader ??= bar(total, "read recordings");
            reader?.update(done);
          },
        });
      } finally {
        await (reader as ProgressReporter | null)?.done();
      }
    });
    const { plan, recordings } = inputs;
    log(
      `      ${recordings.length} recordings; channels ${
        plan.channels.join(", ")
      }; ${plan.sampleRate} Hz; windows of ${plan.length} samples`,
    );

    // 2. Windows at the common rate; every remaining check before training.
    const physiological = ["eeg", "ecg", "gsr"].every((c) => plan.channels.includes(c));
    const augmentation = pipelineAugmentation(config.pretrain.augmentation, plan.channels);
    const { windows, raw } = await step("windows", () =>
      cutWindows(recordings, plan, {
        labelPolicy: config.labelPolicy,
        normalize: config.normalize,
        keepRaw: config.evaluate && physiological,
      }));
    const encoderConfig = {
      ...config.encoder,
      length: plan.length,
      channels: plan.channels.length,
    };
    try {
      encoderSequenceLengths(resolveEncoderConfig(encoderConfig));
    } catch (e) {
      throw new PipelineInputError([
        `Cannot use config: field encoder: ${
          (e as Error).message
        } (windowSeconds ${config.windowSeconds} at ${plan.sampleRate} Hz); use longer windows or a smaller encoder`,
      ]);
    }
    const batchSize = Math.min(config.pretrain.batchSize ?? PRETRAIN_DEFAULTS.batchSize, windows.n);
    if (batchSize < 2) {
      throw new PipelineInputError([
        `Cannot use the recordings: they give ${windows.n} window(s); pretraining needs at least 2`,
      ]);
    }
    const pretrainConfig = {
      ...config.pretrain,
      augmentation,
      batchSize,
      encoder: config.encoder,
      seed: config.seed,
    };
    const resolvedPretrain = resolvePretrainConfig(pretrainConfig);
    const unlabelled = windows.labels.filter((l) => l < 0).length;
    if (resolvedPretrain.labelled && unlabelled > 0) {
      throw new PipelineInputError([
        `Cannot use config: field pretrain: loss "${resolvedPretrain.loss}" uses labels, but ${unlabelled} of ${windows.n} windows are unlabelled; use loss "ntxent" (or label every window)`,
      ]);
    }
    const evaluationOptions = resolveProtocolOptions(config.evaluation);
    const evalPlan = evaluationPlan(
      windows,
      config.evaluate,
      evaluationOptions.heldOut,
      evaluationOptions.identifiability,
    );
    const summary = summarizeInputs(recordings, windows, config.labels);
    results.data = {
      manifest: inputs.manifest,
      recordings: recordings.length,
      channels: plan.channels,
      sampleRate: plan.sampleRate,
      windowLength: plan.length,
      stride: plan.stride,
      windows: windows.n,
      labelledWindows: windows.n - unlabelled,
      experiments: summary,
    };
    addMarkdown(
      report,
      `## Input\n\nManifest \`${inputs.manifest}\`: ${recordings.length} recordings, channels ${
        plan.channels.join(", ")
      }, resampled to ${plan.sampleRate} Hz (${
        config.sampleRate === null ? "the lowest rate" : "configured"
      }); windows of ${plan.length} samples (${
        round(plan.length / plan.sampleRate)
      } s) every ${plan.stride} samples, never across a gap of more than ${config.gapFactor} sample periods; normalisation "${config.normalize}", label policy "${config.labelPolicy}", labels ${
        config.labels.join(", ")
      }.\n\n${dataSummaryMarkdown(summary)}`,
    );

    // 3. Noise study without ground truth.
    await step("noise study", async () => {
      const minSeconds = config.noise.psdSegmentSeconds ??
        DEFAULT_NOISE_METRICS_OPTIONS.psdSegmentSeconds;
      const seg = noiseStudyRecordings(recordings, plan.channels, minSeconds);
      if (seg.recordings.length === 0) {
        results.noise = null;
        addMarkdown(
          report,
          `## Noise study\n\nSkipped: no contiguous segment lasts ${minSeconds} s (noise.psdSegmentSeconds).`,
        );
        return;
      }
      const rows = noiseStudy(seg.recordings, config.noise);
      results.noise = noiseMetrics(rows);
      addMarkdown(
        report,
        `## Noise study (no ground truth)\n\nPer experiment, sensor and channel, over ${seg.recordings.length} contiguous segments at their native rate${
          seg.skipped ? ` (${seg.skipped} segments shorter than ${minSeconds} s left out)` : ""
        }: what can be measured from the sensed signal alone — the white-noise σ from the MAD of first differences, the mains peak, spikes, clipping. The ground-truth columns are empty (—).\n\n${
          noiseTableMarkdown(rows)
        }`,
      );
      for (const ch of plan.channels) {
        await addFigure(
          report,
          `noise-blind-${ch.replace(/[^A-Za-z0-9_-]/g, "_")}`,
          `${ch}: noise σ from the MAD of first differences, relative to the quietest sensor`,
          blindNoiseFigure(rows, ch),
        );
      }
    });

    // 4. Contrastive pretraining on every window (labelled or not).
    const pre: PretrainResult = await step(
      "pretrain",
      () => pretrain(windows, pretrainConfig, { progress: progressOption, lossChart: false }),
    );
    models.push(pre.encoder);
    if (pre.head) models.push(pre.head);
    results.pretrain = {
      loss: pre.config.loss,
      augmentation,
      epochs: pre.config.epochs,
      stepsPerEpoch: pre.stepsPerEpoch,
      batchSize,
      windows: windows.n,
      history: pre.history.map((h) => ({ epoch: h.epoch, loss: round(h.loss, 6) })),
      backend: pre.backend.name,
    };
    addMarkdown(
      report,
      `## Contrastive pretraining\n\n${pre.config.loss} with the "${augmentation}" augmentation on all ${windows.n} windows (labels unused), ${pre.config.epochs} epochs × ${pre.stepsPerEpoch} steps of ${batchSize}, on ${pre.backend.name}; final loss ${
        pre.history.at(-1)!.loss.toFixed(4)
      }.`,
    );
    await addFigure(
      report,
      "pretrain-loss",
      "Pretraining loss per epoch",
      pretrainLossFigure(pre.history, pre.config.loss),
    );

    // 5. Embeddings of every window, and their picture.
    const z = await step("embed", async () => {
      const z = embed(pre.encoder, windows);
      const d = embeddingDim(pre.encoder);
      const idx = figureSubset(
        windows.n,
        config.figure.maxPoints,
        new Rng(config.seed).fork("figure"),
      );
      const sub = gatherRows(z, windows.n, idx);
      const ws = takeWindows(windows, idx);
      const points = config.figure.projection === "umap" && idx.length > 3
        ? umap2d(sub, idx.length, d, { seed: config.seed })
        : pca(sub, idx.length, d, 2).scores;
      const axis = config.figure.projection === "umap" && idx.length > 3 ? "UMAP" : "PC";
      addMarkdown(
        report,
        `## Embeddings\n\nEvery window's ${d}-dimensional embedding is in \`${PIPELINE_EMBEDDINGS_FILE}\`; below, ${
          idx.length === windows.n ? "all windows" : `a seeded sample of ${idx.length}`
        } projected to 2-D. Clusters by experiment mean the embedding still encodes the sensor; clusters by label mean it encodes the state.`,
      );
      await addFigure(
        report,
        "embedding",
        `The contrastive embedding of ${idx.length} of ${windows.n} windows (${axis})`,
        labelledEmbeddingFigure(points, ws, config.labels, "Contrastive embedding", axis),
      );
      return z;
    });
    const d = z.length / windows.n;

    // 6. Fine-tune a classifier on every labelled window.
    const labelledIdx: number[] = [];
    for (let i = 0; i < windows.n; i++) if (windows.labels[i] >= 0) labelledIdx.push(i);
    const distinct = new Set(labelledIdx.map((i) => windows.labels[i])).size;
    const classifier = await step("fine-tune", async () => {
      if (distinct < 2) {
        const why = labelledIdx.length === 0
          ? "no window is labelled"
          : `the labelled windows carry only ${distinct} label`;
        results.fineTune = { skipped: why };
        addMarkdown(
          report,
          `## Fine-tuning\n\nSkipped: ${why} (a classifier needs at least 2 labels).`,
        );
        return null;
      }
      const idx = Int32Array.from(labelledIdx);
      const y = Int32Array.from(idx, (i) => windows.labels[i]);
      const K = config.labels.length;
      const probe = fitLogisticRegression(gatherRows(z, windows.n, idx), y, { classes: K });
      const run = await fineTune(
        pre.encoder,
        takeWindows(windows, idx),
        null,
        { ...config.fineTune, classes: K, seed: config.seed },
        { head: probe, keepModel: true },
      );
      const c = run.classifier!;
      models.push(c.encoder, c.head);
      const { predictions } = classifyWindows(c, windows);
      let hits = 0;
      for (const i of idx) if (predictions[i] === windows.labels[i]) hits++;
      results.fineTune = {
        windows: idx.length,
        steps: run.steps,
        finalLoss: round(run.history.at(-1)?.loss ?? NaN, 6),
        trainingAccuracy: round(hits / idx.length),
      };
      addMarkdown(
        report,
        `## Fine-tuning\n\nA linear probe on the embedding, then the encoder and head fine-tuned together (LP-FT) on all ${idx.length} labelled windows (${run.steps} steps); accuracy on those training windows ${
          (100 * hits / idx.length).toFixed(1)
        } % (not a test score — see the evaluation). The classifier is saved in \`${PIPELINE_MODEL_FOLDER}/classifier/\`; \`${PIPELINE_EMBEDDINGS_FILE}\` has its prediction for every window.`,
      );
      return { classifier: c, predictions };
    });

    // 7. Leave one experiment out.
    await step("evaluate", async () => {
      if (!evalPlan.run) {
        results.evaluation = { skipped: evalPlan.reason };
        addMarkdown(report, `## Evaluation\n\nSkipped: ${evalPlan.reason}.`);
        return;
      }
      const keep: number[] = [];
      for (let i = 0; i < windows.n; i++) {
        if (evalPlan.experiments.includes(windows.meta[i].experiment)) keep.push(i);
      }
      const evalWindows = takeWindows(windows, keep);
      const features = raw
        ? windowFeatureMatrix(takeWindows(raw, keep))
        : spectralFeatures(evalWindows).x;
      const seeds = config.evaluation.seeds ?? evaluationOptions.seeds.map((s) => s + config.seed);
      const result = await runProtocol(evalWindows, {
        ...config.evaluation,
        seeds,
        heldOut: evalPlan.heldOut,
        identifiability: evalPlan.identifiability,
        encoder: { ...config.encoder, ...(config.evaluation.encoder ?? {}) },
        pretrain: {
          ...(config.evaluation.pretrain ?? {}),
          augmentation: config.evaluation.pretrain?.augmentation ?? augmentation,
          batchSize: Math.min(
            evaluationOptions.pretrain.batchSize ?? PRETRAIN_DEFAULTS.batchSize,
            evalWindows.n,
          ),
        },
        features,
      }, { progress: progressOption });
      results.evaluation = {
        features: raw ? "physiological (EEG bands, HRV, GSR)" : "spectral band powers",
        experiments: evalPlan.experiments,
        heldOut: evalPlan.heldOut,
        identifiability: evalPlan.identifiability,
        note: evalPlan.note,
        seeds,
        windows: result.windows,
        aggregate: result.aggregate,
        drop: result.drop,
        representations: result.representationAggregate,
      };
      const largest = Math.max(...result.options.fractions);
      addMarkdown(
        report,
        `## Evaluation: leave one experiment out\n\nEach experiment with labels from at least 2 subjects (${
          evalPlan.heldOut.join(", ")
        }) is held out in turn: classifiers are trained on the others' labels and scored on it; seeds ${
          seeds.join(", ")
        }; hand-crafted features: ${
          raw ? "physiological (EEG bands, HRV, GSR)" : "spectral band powers per channel"
        }.${evalPlan.note ? ` Note: ${evalPlan.note}.` : ""}\n\n\`\`\`text\n${
          formatProtocolSummary(result)
        }\n\`\`\``,
      );
      await addFigure(
        report,
        "heldout-f1",
        "Macro-F1 on each held-out experiment",
        heldOutF1Figure(result.aggregate, largest),
      );
    });

    // 8. Write everything, then move it into place.
    return await step("report", async () => {
      const dir = staged.temp;
      const prov = provenance(config.seed, config);
      const metrics = { ...prov, results };
      await writeReport(dir, report);
      await Deno.writeTextFile(join(dir, PIPELINE_MARKER), JSON.stringify(metrics, null, 2) + "\n");
      await Deno.writeTextFile(
        join(dir, PIPELINE_EMBEDDINGS_FILE),
        embeddingsCsv(
          windows,
          z,
          recordings.map((r) => r.entry.file),
          config.labels,
          classifier?.predictions ?? null,
        ),
      );
      await savePipelineModel(
        join(dir, PIPELINE_MODEL_FOLDER),
        pre.encoder,
        {
          plan,
          normalize: config.normalize,
          labelPolicy: config.labelPolicy,
          labels: config.labels,
          gapFactor: config.gapFactor,
          embeddingDim: d,
          pretrain: results.pretrain,
        },
        classifier?.classifier ?? null,
        prov,
      );
      timings.total = (performance.now() - t0) / 1000;
      await Deno.writeTextFile(
        join(dir, "run.json"),
        JSON.stringify(
          { ...prov, manifest: options.manifest, out: options.out, timings },
          null,
          2,
        ) + "\n",
      );
      const files = await listFiles(dir);
      await staged.commit();
      log(`wrote ${files.length} files to ${options.out}/ in ${formatDuration(timings.total)}`);
      return { out: options.out, files, metrics, timings, windows: windows.n, embeddingDim: d };
    });
  } catch (e) {
    await staged.discard();
    throw e;
  } finally {
    for (const m of models) m.dispose();
  }
}

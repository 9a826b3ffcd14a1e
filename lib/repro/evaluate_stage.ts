/**
 * Repro stage 3: contrastive pretraining and the evaluation protocol — leave one experiment
 * (sensor) out, label fractions, seeds, baselines — with the results table, the supervised
 * drop, sensor identifiability, confusion matrices and embedding plots. The first seed's
 * pretrained encoder is saved to `checkpoints/pretrain/` (notebook 05 reuses it).
 *
 * @module
 */
import { makeWindows } from "../data/windows.ts";
import { windowFeatureMatrix } from "../finetune/window_feature_matrix.ts";
import { runProtocol } from "../finetune/protocol.ts";
import type { ProtocolResult } from "../finetune/protocol.ts";
import { pretrain } from "../learn/pretrain.ts";
import { pretrainOrLoad } from "../learn/cached_pretrain.ts";
import { embed } from "../learn/embed.ts";
import { spectralFeatures } from "../embedding/spectral_features.ts";
import { umap2d } from "../embedding/projection.ts";
import { embeddingFigure } from "../figures/embedding_figures.ts";
import {
  confusionFigure,
  dropTableRows,
  macroF1Figure,
  pretrainLossBySeedFigure,
  representationTableRows,
  resultsTableRows,
} from "../figures/results_figures.ts";
import { formatTable } from "../plot/table.ts";
import { addFigure, addMarkdown } from "../report/report.ts";
import { findingsMarkdown } from "../report/findings.ts";
import type { ReproStage } from "./stages.ts";

/** Windowing of the evaluation: 2 s windows at 128 Hz, z-scored per recording. */
export const EVALUATION_WINDOWS = { length: 256, sampleRate: 128, normalize: "recording" } as const;

const r4 = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : null);

/** The deterministic part of a protocol result for metrics.json (no timings). */
export function protocolMetrics(res: ProtocolResult): Record<string, unknown> {
  const stat = (m: { mean: number; sd: number; n: number }) => ({
    mean: r4(m.mean),
    sd: r4(m.sd),
    n: m.n,
  });
  return {
    windows: res.windows,
    experiments: res.experiments,
    options: res.options,
    aggregate: res.aggregate.map((a) => ({
      method: a.method,
      heldOut: a.heldOut,
      sensor: a.sensor,
      fraction: a.fraction,
      macroF1: stat(a.macroF1),
      accuracy: stat(a.accuracy),
      inDistMacroF1: stat(a.inDistMacroF1),
    })),
    drop: res.drop.map((d) => ({
      method: d.method,
      heldOut: d.heldOut,
      sensor: d.sensor,
      fraction: d.fraction,
      heldOutMacroF1: stat(d.heldOutMacroF1),
      inDistOtherMacroF1: stat(d.inDistOtherMacroF1),
      dropVsOther: stat(d.dropVsOther),
      dropVsInExperiment: d.dropVsInExperiment ? stat(d.dropVsInExperiment) : null,
    })),
    representations: res.representationAggregate.map((r) => ({
      representation: r.representation,
      identifiabilityBalancedAccuracy: stat(r.identifiabilityBalancedAccuracy),
      identifiabilityAccuracy: stat(r.identifiabilityAccuracy),
      chance: r4(r.chance),
      majority: r4(r.majority),
      silhouetteMode: stat(r.silhouetteMode),
      silhouetteSensor: stat(r.silhouetteSensor),
    })),
    rows: res.rows.map(({ seconds: _s, ...row }) => ({
      ...row,
      accuracy: r4(row.accuracy),
      macroF1: r4(row.macroF1),
      perClassF1: row.perClassF1.map(r4),
    })),
    pretrainLoss: res.seeds.map((s) => ({ seed: s.seed, loss: s.pretrainLoss.map(r4) })),
  };
}

/** The evaluation stage. */
export const evaluateStage: ReproStage = {
  name: "pretraining and evaluation",
  estimate: [330, 45],
  async run(ctx) {
    if (!ctx.recordings) throw new Error("evaluation: the data stage has not run");
    const ws = makeWindows(ctx.recordings, EVALUATION_WINDOWS);
    const raw = makeWindows(ctx.recordings, { ...EVALUATION_WINDOWS, normalize: "none" });
    const features = windowFeatureMatrix(raw);
    let firstSeed: number | null = null;
    let contrastive: Float32Array | null = null;
    const checkpoint = `${ctx.config.out}/checkpoints/pretrain`;
    const res = await runProtocol(
      ws,
      {
        preset: ctx.config.quick ? "quick" : "default",
        // The quick data set is already smaller; keep all its windows.
        subsample: 1,
        features,
        ...(ctx.config.seeds ? { seeds: ctx.config.seeds } : {}),
      },
      {
        pretrainer: async (seed, config) => {
          if (firstSeed === null) {
            firstSeed = seed;
            const run = await pretrainOrLoad(ws, config, { dir: checkpoint, reuse: false }, {
              progress: false,
            });
            ctx.log(`      ${run.description}`);
            contrastive = embed(run.encoder, ws);
            return {
              encoder: run.encoder,
              head: run.head,
              history: run.record.history,
              seconds: run.record.seconds,
            };
          }
          const r = await pretrain(ws, config, { progress: false });
          return { encoder: r.encoder, head: r.head, history: r.history, seconds: r.seconds };
        },
      },
    );
    ctx.metrics.evaluation = protocolMetrics(res);
    const fractions = [...new Set(res.aggregate.map((a) => a.fraction))];
    const full = Math.max(...fractions);
    const e3 = res.aggregate.find((a) => a.sensor === "C-wearable")?.heldOut ??
      res.experiments.at(-1)!;
    addMarkdown(
      ctx.report,
      [
        "## Contrastive pretraining and fine-tuning",
        `Windows: ${res.windows} (2 s at 128 Hz, z-scored per recording). Seeds: ${
          res.seeds.map((s) => s.seed).join(", ")
        }. Pretraining: NT-Xent with the sensor-simulating augmentation on all windows without labels (the held-out experiment's too), once per seed. Each experiment is held out in turn; the classifier is trained on labels of the other three (a share of them: ${
          fractions.map((f) => `${f * 100} %`).join(", ")
        }), split by driver. Backend: ${res.backend.name} (${res.backend.threads} threads).`,
        "### Macro-F1 on the held-out sensor (mean ± sd over seeds)",
        formatTable(resultsTableRows(res.aggregate)).markdown,
        "### What this shows",
        "Best contrastive method against the baselines, per held-out sensor and label fraction (differences within ±0.02 macro-F1 count as on par):",
        findingsMarkdown(res.aggregate),
        "### The supervised drop (all labels)",
        "How much each method loses on a sensor it was not trained on, against its score on held-out drivers of the sensors it was trained on.",
        formatTable(dropTableRows(res.drop, full)).markdown,
        "### Sensor identifiability and silhouettes",
        "A logistic-regression probe predicts the experiment (sensor) of a window from each representation (driver-disjoint folds; balanced accuracy, chance 0.25).",
        formatTable(representationTableRows(res.representationAggregate)).markdown,
      ].join("\n\n"),
    );
    await addFigure(
      ctx.report,
      "macro-f1",
      "Macro-F1 per held-out sensor, label fraction and method",
      macroF1Figure(res.aggregate),
    );
    await addFigure(
      ctx.report,
      "confusion-heldout",
      `Confusion matrices on held-out ${e3}`,
      confusionFigure(res.rows, e3, full),
    );
    await addFigure(
      ctx.report,
      "pretrain-loss",
      "Pretraining loss per seed",
      pretrainLossBySeedFigure(res.seeds),
    );
    if (contrastive) {
      const z = contrastive as Float32Array;
      const rawSpectra = spectralFeatures(ws);
      await addFigure(
        ctx.report,
        "embedding-raw",
        "Raw windows (log spectra), UMAP",
        embeddingFigure(
          umap2d(rawSpectra.x, ws.n, rawSpectra.dim, { seed: 1 }),
          ws,
          "Raw windows (log spectra)",
          "UMAP",
        ),
      );
      await addFigure(
        ctx.report,
        "embedding-contrastive",
        "Contrastive embedding (first seed), UMAP",
        embeddingFigure(
          umap2d(z, ws.n, z.length / ws.n, { seed: 1 }),
          ws,
          "Contrastive embedding",
          "UMAP",
        ),
      );
    }
  },
};

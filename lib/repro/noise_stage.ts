/**
 * Repro stage 2: the per-sensor noise study (table, figures, metrics).
 *
 * @module
 */
import { noiseStudy, type NoiseStudyRow } from "../stats/noise_study.ts";
import { noiseTableMarkdown } from "../stats/noise_table.ts";
import { addFigure, addMarkdown } from "../report/report.ts";
import { blindNoiseFigure, noiseSpectrumFigure, snrFigure } from "../figures/noise_figures.ts";
import type { ReproStage } from "./stages.ts";

function round(x: number | null | undefined, digits = 4): number | null {
  return x === null || x === undefined || !Number.isFinite(x)
    ? null
    : Number(x.toPrecision(digits));
}

/** The noise-study numbers kept in metrics.json (no spectra). */
export function noiseMetrics(rows: readonly NoiseStudyRow[]): Record<string, unknown>[] {
  return rows.map((r) => ({
    experiment: r.experiment,
    sensor: r.sensor,
    channel: r.channel,
    recordings: r.recordings,
    snrDb: round(r.snrDb?.mean),
    snrDbSd: round(r.snrDb?.sd),
    snrDbRaw: round(r.snrDbRaw?.mean),
    noiseRms: round(r.noiseRms?.mean),
    gain: round(r.gain?.mean),
    drift: round(r.drift?.mean),
    kurtosis: round(r.kurtosis?.mean),
    artifactRate: round(r.artifactRate?.mean),
    madDiffSigma: round(r.madDiffSigma.mean),
    mainsHz: r.mainsHz,
    mainsPeakDb: round(r.mainsPeakDb?.mean),
    clipFraction: round(r.clipFraction.mean),
  }));
}

/** The noise stage. */
export const noiseStage: ReproStage = {
  name: "noise study",
  estimate: [6, 2],
  async run(ctx) {
    if (!ctx.recordings) throw new Error("noise study: the data stage has not run");
    const rows = noiseStudy(ctx.recordings);
    ctx.metrics.noise = noiseMetrics(rows);
    addMarkdown(
      ctx.report,
      `## Per-sensor noise study\n\nNoise = sensed − (g·clean + b), gain and offset fitted per recording; mean ± sd over the recordings of each experiment.\n\n${
        noiseTableMarkdown(rows)
      }`,
    );
    await addFigure(ctx.report, "noise-snr", "SNR per sensor and channel", snrFigure(rows));
    for (const ch of ["eeg", "ecg"]) {
      if (rows.some((r) => r.channel === ch && r.noisePsd)) {
        await addFigure(
          ctx.report,
          `noise-spectrum-${ch}`,
          `Noise spectrum of the ${ch.toUpperCase()} per sensor`,
          noiseSpectrumFigure(rows, ch),
        );
      }
    }
    await addFigure(
      ctx.report,
      "noise-blind-eeg",
      "EEG noise estimated without ground truth",
      blindNoiseFigure(rows, "eeg"),
    );
  },
};

/**
 * Figures of notebook 03: the per-sensor noise study.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { NoiseStudyRow } from "../stats/noise_study.ts";
import { barPlot } from "../plot/bar_plot.ts";
import { spectrumPlot } from "../plot/spectrum_plot.ts";
import { CHANNEL_UNITS } from "./signal_figures.ts";

function sensorsOf(rows: readonly NoiseStudyRow[]): string[] {
  return [...new Set(rows.map((r) => r.sensor))];
}

/** SNR (dB, gain-corrected, mean ± sd over recordings) per sensor, grouped by channel. */
export function snrFigure(rows: readonly NoiseStudyRow[]): TopLevelSpec {
  return barPlot(
    rows.filter((r) => r.snrDb !== null).map((r) => ({
      category: r.channel,
      group: r.sensor,
      value: r.snrDb!.mean,
      error: r.snrDb!.sd ?? undefined,
    })),
    {
      title: "SNR per sensor and channel (against the clean ground truth)",
      xLabel: "channel",
      yLabel: "SNR (dB), mean ± sd over recordings",
      groupTitle: "sensor",
      groupOrder: sensorsOf(rows),
    },
  );
}

/** Mean noise spectrum (sensed − fitted clean) of one channel per sensor. */
export function noiseSpectrumFigure(rows: readonly NoiseStudyRow[], channel: string): TopLevelSpec {
  const sel = rows.filter((r) => r.channel === channel && r.noisePsd !== null);
  if (sel.length === 0) {
    throw new Error(`noiseSpectrumFigure: no noise spectra for channel '${channel}'`);
  }
  const unit = CHANNEL_UNITS[channel] ?? "units";
  return spectrumPlot(
    sel.map((r) => ({ name: r.sensor, freq: r.noisePsd!.freqs, power: r.noisePsd!.psd })),
    {
      title: `Noise spectrum of the ${channel.toUpperCase()} per sensor`,
      yLabel: `noise PSD (${unit}²/Hz)`,
      minFreq: 0.1,
      seriesTitle: "sensor",
      seriesOrder: sensorsOf(rows),
    },
  );
}

/**
 * What a user can measure without ground truth, per sensor for one channel: the
 * high-frequency noise σ from the MAD of first differences, relative to the quietest sensor.
 */
export function blindNoiseFigure(rows: readonly NoiseStudyRow[], channel: string): TopLevelSpec {
  const sel = rows.filter((r) => r.channel === channel);
  const ref = Math.min(...sel.map((r) => r.madDiffSigma.mean).filter((v) => v > 0));
  return barPlot(
    sel.map((r) => ({
      category: r.sensor,
      value: r.madDiffSigma.mean / ref,
      error: r.madDiffSigma.sd === null ? undefined : r.madDiffSigma.sd / ref,
    })),
    {
      title:
        `Noise without ground truth: ${channel.toUpperCase()} σ from the MAD of first differences`,
      xLabel: "sensor",
      yLabel: "σ relative to the quietest sensor",
      height: 220,
    },
  );
}

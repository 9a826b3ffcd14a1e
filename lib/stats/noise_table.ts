/**
 * The noise study as a compact markdown table for reports and notebooks.
 *
 * @module
 */
import type { MeanSd, NoiseStudyRow } from "./noise_study.ts";

/** Formats a number to 3 significant digits (plain for 0.001 ≤ |v| < 10⁵, else exponent). */
export function formatSig3(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(3)));
  return v.toExponential(2);
}

function cell(m: MeanSd | null, scale = 1): string {
  if (m === null) return "—";
  const s = formatSig3(m.mean * scale);
  return m.sd === null ? s : `${s} ± ${formatSig3(m.sd * scale)}`;
}

/**
 * A markdown table with one line per row: experiment, sensor, channel, recordings, SNR
 * (gain-corrected and raw, dB), noise RMS, drift, noise kurtosis, artifacts/min, MAD-diff σ,
 * mains peak, spikes/min, clipping %. Cells read "mean ± sd" over recordings; "—" is n/a.
 */
export function noiseTableMarkdown(rows: readonly NoiseStudyRow[]): string {
  const head = [
    "experiment",
    "sensor",
    "channel",
    "n",
    "SNR dB",
    "SNR raw dB",
    "noise RMS",
    "drift",
    "kurtosis",
    "artifacts/min",
    "MAD-diff σ",
    "mains dB",
    "spikes/min",
    "clip %",
  ];
  const lines = [
    `| ${head.join(" | ")} |`,
    `| ${head.map((_, i) => (i < 3 ? "---" : "---:")).join(" | ")} |`,
  ];
  for (const r of rows) {
    const mains = r.mainsPeakDb === null ? "—" : `${cell(r.mainsPeakDb)} @${r.mainsHz}`;
    lines.push(
      `| ${
        [
          r.experiment,
          r.sensor,
          r.channel,
          String(r.recordings),
          cell(r.snrDb),
          cell(r.snrDbRaw),
          cell(r.noiseRms),
          cell(r.drift),
          cell(r.kurtosis),
          cell(r.artifactRate),
          cell(r.madDiffSigma),
          mains,
          cell(r.spikeRate),
          cell(r.clipFraction, 100),
        ].join(" | ")
      } |`,
    );
  }
  return lines.join("\n") + "\n";
}

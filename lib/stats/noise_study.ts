/**
 * The per-sensor noise study: noise metrics of every (experiment, sensor, channel) group of
 * recordings, as mean and sd over the group's recordings, plus the group's average noise and
 * sensed-signal spectra for plotting.
 *
 * @module
 */
import { mean, sampleStandardDeviation } from "simple-statistics";
import type { Recording } from "../data/recording.ts";
import {
  type ChannelNoiseMetrics,
  channelNoiseMetrics,
  DEFAULT_NOISE_METRICS_OPTIONS,
  type NoiseMetricsOptions,
} from "./channel_noise.ts";
import { resolveOptions } from "./options.ts";
import type { Psd } from "./welch_psd.ts";

/** Mean and sample sd of one metric over a group's recordings. */
export interface MeanSd {
  mean: number;
  /** Sample standard deviation; null when fewer than 2 recordings contribute. */
  sd: number | null;
  /** Number of recordings that contributed. */
  n: number;
}

/** An averaged spectrum: frequencies (Hz) and mean density (units²/Hz). */
export interface MeanSpectrum {
  freqs: Float32Array;
  psd: Float32Array;
}

/** One row of the noise study: one (experiment, sensor, channel) group. */
export interface NoiseStudyRow {
  experiment: string;
  sensor: string;
  channel: string;
  /** Number of recordings in the group. */
  recordings: number;
  /** Ground-truth metrics (see {@linkcode ChannelNoiseMetrics}); null without `clean`. */
  snrDb: MeanSd | null;
  snrDbRaw: MeanSd | null;
  gain: MeanSd | null;
  offset: MeanSd | null;
  noiseRms: MeanSd | null;
  drift: MeanSd | null;
  driftSlope: MeanSd | null;
  kurtosis: MeanSd | null;
  artifactRate: MeanSd | null;
  /** Signal-only metrics. */
  madDiffSigma: MeanSd;
  /** Most common mains frequency over the group (null when never analysable). */
  mainsHz: 50 | 60 | null;
  mainsPeakDb: MeanSd | null;
  spikeRate: MeanSd;
  clipFraction: MeanSd;
  quantStep: MeanSd;
  baselineWander: MeanSd;
  /** Mean noise PSD over the recordings with ground truth; null without. */
  noisePsd: MeanSpectrum | null;
  /** Mean PSD of the sensed signal. */
  sensedPsd: MeanSpectrum;
}

type ScalarKey =
  | "snrDb"
  | "snrDbRaw"
  | "gain"
  | "offset"
  | "noiseRms"
  | "drift"
  | "driftSlope"
  | "kurtosis"
  | "artifactRate"
  | "madDiffSigma"
  | "mainsPeakDb"
  | "spikeRate"
  | "clipFraction"
  | "quantStep"
  | "baselineWander";

function aggregate(ms: ChannelNoiseMetrics[], key: ScalarKey): MeanSd | null {
  const vals = ms.map((m) => m[key]).filter((v): v is number => v !== null);
  if (vals.length === 0) return null;
  return {
    mean: mean(vals),
    sd: vals.length >= 2 ? sampleStandardDeviation(vals) : null,
    n: vals.length,
  };
}

/**
 * Averages spectra on the frequency grid of the one with the lowest Nyquist frequency,
 * linearly interpolating the others onto it (identity when all share a grid).
 */
export function meanSpectrum(psds: Psd[]): MeanSpectrum {
  if (psds.length === 0) throw new Error("meanSpectrum: expected at least one PSD, got none");
  const ref = psds.reduce((
    a,
    b,
  ) => (b.freqs[b.freqs.length - 1] < a.freqs[a.freqs.length - 1] ? b : a));
  const acc = new Float64Array(ref.psd.length);
  for (const p of psds) {
    for (let k = 0; k < acc.length; k++) {
      const pos = (k * ref.df) / p.df;
      const i = Math.min(Math.floor(pos), p.psd.length - 1);
      const j = Math.min(i + 1, p.psd.length - 1);
      const t = pos - i;
      acc[k] += (1 - t) * p.psd[i] + t * p.psd[j];
    }
  }
  const psd = new Float32Array(acc.length);
  for (let k = 0; k < acc.length; k++) psd[k] = acc[k] / psds.length;
  return { freqs: Float32Array.from(ref.freqs), psd };
}

function checkRecording(r: Recording, i: number): void {
  const where = `noiseStudy: recordings[${i}]`;
  if (!r || typeof r !== "object" || !r.meta || !Array.isArray(r.signals)) {
    throw new Error(`${where}: expected a Recording with meta and signals`);
  }
  const { channels, sampleRate } = r.meta;
  if (!Array.isArray(channels) || channels.length !== r.signals.length) {
    throw new Error(
      `${where}: meta.channels has ${channels?.length} names but there are ${r.signals.length} signals`,
    );
  }
  if (r.clean !== null && (!Array.isArray(r.clean) || r.clean.length !== r.signals.length)) {
    throw new Error(`${where}: clean must be null or one array per channel`);
  }
  if (!(sampleRate > 0)) {
    throw new Error(`${where}: meta.sampleRate must be > 0, got ${sampleRate}`);
  }
}

/**
 * Runs {@linkcode channelNoiseMetrics} on every channel of every recording and aggregates per
 * (experiment, sensor, channel); rows are sorted by experiment, sensor, then channel.
 */
export function noiseStudy(
  recordings: readonly Recording[],
  options?: Partial<NoiseMetricsOptions>,
): NoiseStudyRow[] {
  const o = resolveOptions(DEFAULT_NOISE_METRICS_OPTIONS, options, "noiseStudy");
  if (!Array.isArray(recordings) || recordings.length === 0) {
    throw new Error("noiseStudy: expected a non-empty array of recordings");
  }
  const groups = new Map<string, { key: [string, string, string]; ms: ChannelNoiseMetrics[] }>();
  recordings.forEach((r, i) => {
    checkRecording(r, i);
    r.meta.channels.forEach((ch: string, c: number) => {
      const where =
        `noiseStudy: recordings[${i}] (${r.meta.experiment}/${r.meta.sensor}/${r.meta.driver}/${r.meta.session}) channel ${ch}`;
      let m: ChannelNoiseMetrics;
      try {
        m = channelNoiseMetrics(r.signals[c], r.clean ? r.clean[c] : null, r.meta.sampleRate, o);
      } catch (e) {
        throw new Error(`${where}: ${(e as Error).message}`);
      }
      const id = JSON.stringify([r.meta.experiment, r.meta.sensor, ch]);
      let g = groups.get(id);
      if (!g) {
        g = { key: [r.meta.experiment, r.meta.sensor, ch], ms: [] };
        groups.set(id, g);
      }
      g.ms.push(m);
    });
  });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...groups.values()].sort((a, b) =>
    cmp(a.key[0], b.key[0]) || cmp(a.key[1], b.key[1]) || cmp(a.key[2], b.key[2])
  );
  return sorted.map(({ key: [experiment, sensor, channel], ms }) => {
    const hz = ms.map((m) => m.mainsHz).filter((f) => f !== null);
    const n60 = hz.filter((f) => f === 60).length;
    const noisePsds = ms.map((m) => m.noisePsd).filter((p): p is Psd => p !== null);
    return {
      experiment,
      sensor,
      channel,
      recordings: ms.length,
      snrDb: aggregate(ms, "snrDb"),
      snrDbRaw: aggregate(ms, "snrDbRaw"),
      gain: aggregate(ms, "gain"),
      offset: aggregate(ms, "offset"),
      noiseRms: aggregate(ms, "noiseRms"),
      drift: aggregate(ms, "drift"),
      driftSlope: aggregate(ms, "driftSlope"),
      kurtosis: aggregate(ms, "kurtosis"),
      artifactRate: aggregate(ms, "artifactRate"),
      madDiffSigma: aggregate(ms, "madDiffSigma")!,
      mainsHz: hz.length === 0 ? null : n60 * 2 > hz.length ? 60 : 50,
      mainsPeakDb: aggregate(ms, "mainsPeakDb"),
      spikeRate: aggregate(ms, "spikeRate")!,
      clipFraction: aggregate(ms, "clipFraction")!,
      quantStep: aggregate(ms, "quantStep")!,
      baselineWander: aggregate(ms, "baselineWander")!,
      noisePsd: noisePsds.length ? meanSpectrum(noisePsds) : null,
      sensedPsd: meanSpectrum(ms.map((m) => m.sensedPsd)),
    };
  });
}

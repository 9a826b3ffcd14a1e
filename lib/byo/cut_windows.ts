/**
 * Cutting checked recordings into windows at one common rate: each contiguous segment is
 * resampled on its own (band-limited, `resampleSignals`; labels from the nearest sample), so
 * windows never cross a gap; channels are put in the plan's order and normalised.
 *
 * @module
 */
import { resampleLabels, resampleSignals } from "../data/resample.ts";
import type { WindowMeta, WindowSet } from "../data/window_set.ts";
import { meanStd, zscoreInPlace } from "../data/zscore.ts";
import type { WindowPlan } from "./load_inputs.ts";
import type { ByoRecording } from "./read_recording.ts";

/** Options of {@linkcode cutWindows}. */
export interface CutWindowsOptions {
  /** "pure" or "majority" (see `PipelineConfig.labelPolicy`). */
  labelPolicy: "pure" | "majority";
  /** "recording", "window" or "none" (see `PipelineConfig.normalize`). */
  normalize: "recording" | "window" | "none";
  /** Also return the same windows without normalisation (for hand-crafted features). */
  keepRaw?: boolean;
}

/** What {@linkcode cutWindows} returns. */
export interface CutWindowsResult {
  /** The (normalised) windows; `meta[i].recording` is the recording's index. */
  windows: WindowSet;
  /** The same windows in the recordings' units, when asked for. */
  raw: WindowSet | null;
}

/** One segment at the common rate, channels in plan order. */
interface Piece {
  data: Float32Array[];
  labels: Int8Array | null;
  t0: number;
}

/**
 * The label of `labels[start, start + length)` under `policy`: "pure" — the label all samples
 * share, else -1; "majority" — the most frequent label (ties to the lower index) when labelled
 * samples are at least half the window, else -1.
 */
export function windowLabelOf(
  labels: Int8Array | null,
  start: number,
  length: number,
  policy: "pure" | "majority",
): number {
  if (labels === null) return -1;
  if (policy === "pure") {
    const l = labels[start];
    for (let t = start + 1; t < start + length; t++) if (labels[t] !== l) return -1;
    return l;
  }
  const counts = new Map<number, number>();
  let labelled = 0;
  for (let t = start; t < start + length; t++) {
    const l = labels[t];
    if (l < 0) continue;
    labelled++;
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  if (labelled * 2 < length) return -1;
  let best = -1, bestCount = 0;
  for (const [l, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (c > bestCount) [best, bestCount] = [l, c];
  }
  return best;
}

/** The pieces of one recording at `rate`, channels in `channels` order. */
function piecesOf(rec: ByoRecording, channels: readonly string[], rate: number): Piece[] {
  const order = channels.map((name) => {
    const c = rec.entry.channels.findIndex((m) => m.name === name);
    if (c < 0) throw new Error(`cutWindows: ${rec.entry.path} has no channel '${name}'`);
    return c;
  });
  return rec.segments.map(({ start, end }) => {
    const data = resampleSignals(
      order.map((c) => rec.signals[c].subarray(start, end)),
      rec.sampleRate,
      rate,
    );
    let labels: Int8Array | null = null;
    if (rec.labels) {
      const shifted = new Uint8Array(end - start);
      for (let i = start; i < end; i++) shifted[i - start] = rec.labels[i] + 1;
      const r = resampleLabels(shifted, rec.sampleRate, rate);
      labels = Int8Array.from(r, (v) => v - 1);
    }
    return { data, labels, t0: rec.time[start] };
  });
}

/**
 * Cuts `recordings` into windows of `plan.length` samples at `plan.sampleRate` Hz, starting
 * at each segment's first sample and every `plan.stride` samples after, as long as they fit
 * within the segment. Labels follow `labelPolicy` (-1: unlabelled); normalisation
 * "recording" uses each channel's mean and sd over all segments of the recording (a constant
 * channel becomes 0).
 */
export function cutWindows(
  recordings: readonly ByoRecording[],
  plan: WindowPlan,
  options: CutWindowsOptions,
): CutWindowsResult {
  const { channels, sampleRate: rate, length: L, stride: S } = plan;
  const C = channels.length;
  const perRec = recordings.map((rec) => piecesOf(rec, channels, rate));
  let total = 0;
  for (const pieces of perRec) {
    for (const p of pieces) {
      const n = p.data[0].length;
      if (n >= L) total += Math.floor((n - L) / S) + 1;
    }
  }
  const x = new Float32Array(total * L * C);
  const raw = options.keepRaw ? new Float32Array(total * L * C) : null;
  const labels = new Int8Array(total);
  const meta: WindowMeta[] = [];
  let w = 0;
  perRec.forEach((pieces, r) => {
    const rec = recordings[r];
    // Per-channel statistics over the whole recording, for "recording" normalisation.
    const scale = channels.map((_, c) => {
      if (options.normalize !== "recording") return { mean: 0, inv: 1 };
      let n = 0, sum = 0, ss = 0;
      for (const p of pieces) {
        const { mean, std } = meanStd(p.data[c]);
        const m = p.data[c].length;
        sum += mean * m;
        ss += (std * std + mean * mean) * m;
        n += m;
      }
      const mean = sum / n;
      const std = Math.sqrt(Math.max(0, ss / n - mean * mean));
      return { mean, inv: std > 0 ? 1 / std : 0 };
    });
    for (const p of pieces) {
      const n = p.data[0].length;
      for (let s = 0; s + L <= n; s += S, w++) {
        const base = w * L * C;
        for (let c = 0; c < C; c++) {
          const src = p.data[c];
          const { mean, inv } = scale[c];
          for (let t = 0; t < L; t++) {
            x[base + t * C + c] = (src[s + t] - mean) * inv;
            if (raw) raw[base + t * C + c] = src[s + t];
          }
          if (options.normalize === "window") zscoreInPlace(x, base + c, L, C);
        }
        labels[w] = windowLabelOf(p.labels, s, L, options.labelPolicy);
        const start = p.t0 + s / rate;
        meta.push({
          recording: r,
          experiment: rec.entry.experiment,
          sensor: rec.entry.sensor,
          driver: rec.entry.subject,
          session: rec.entry.session,
          start,
          startSample: Math.round((start - rec.time[0]) * rate),
        });
      }
    }
  });
  const set = (values: Float32Array): WindowSet => ({
    x: values,
    n: total,
    length: L,
    channels: [...channels],
    sampleRate: rate,
    labels: labels.slice(),
    meta: meta.map((m) => ({ ...m })),
  });
  return { windows: set(x), raw: raw ? set(raw) : null };
}

/**
 * Cutting recordings into fixed-length, optionally overlapping, labelled windows.
 *
 * @module
 */
import { MODES } from "../device/modes.ts";
import { DataError } from "./data_error.ts";
import { describeRecording, type Recording } from "./recording.ts";
import { resampleLabels, resampleSignals } from "./resample.ts";
import { validateRecording } from "./validate_recording.ts";
import { resolveWindowOptions, type WindowOptions } from "./window_options.ts";
import type { WindowMeta, WindowSet } from "./window_set.ts";
import { meanStd, zscoreInPlace } from "./zscore.ts";

/** Label of a window of `modes[start, start+length)` under a policy; null drops the window. */
function windowLabel(
  modes: Uint8Array | null,
  start: number,
  length: number,
  policy: "pure" | "majority",
): number | null {
  if (modes === null) return -1;
  if (policy === "pure") {
    const m = modes[start];
    for (let t = start + 1; t < start + length; t++) if (modes[t] !== m) return null;
    return m;
  }
  const counts = new Array<number>(MODES.length).fill(0);
  for (let t = start; t < start + length; t++) counts[modes[t]]++;
  let best = 0;
  for (let m = 1; m < counts.length; m++) if (counts[m] > counts[best]) best = m;
  return best;
}

/**
 * Cuts recordings into windows (see {@linkcode WindowOptions} for resampling, channel
 * selection, label policy and normalisation). Windows start at sample 0 of each recording
 * and every `stride` samples after, as long as they fit; recordings are taken in order.
 * Throws on unknown options, bad values, malformed recordings, missing channels, or
 * recordings with different rates when `sampleRate` is not given.
 */
export function makeWindows(
  recordings: Recording[],
  options: Partial<WindowOptions> = {},
): WindowSet {
  const o = resolveWindowOptions(options);
  if (!Array.isArray(recordings) || recordings.length === 0) {
    throw new RangeError("makeWindows: expected at least one recording");
  }
  recordings.forEach((r, i) => validateRecording(r, `makeWindows: recording ${i}`));
  const channels = o.channels ?? [...recordings[0].meta.channels];
  let rate = o.sampleRate;
  if (rate === null) {
    rate = recordings[0].meta.sampleRate;
    const other = recordings.find((r) => r.meta.sampleRate !== rate);
    if (other) {
      throw new RangeError(
        `makeWindows: recordings have different sample rates (${rate} Hz in ${
          describeRecording(recordings[0].meta)
        }, ${other.meta.sampleRate} Hz in ${
          describeRecording(other.meta)
        }); set option sampleRate to resample them to one rate`,
      );
    }
  }
  const L = o.length, C = channels.length, S = o.stride;

  // Per recording: the channel arrays to cut from (resampled to the target rate), the
  // labels, the time of sample s, and the kept windows (start, label).
  interface Plan {
    rec: Recording;
    data: Float32Array[];
    timeAt: (s: number) => number;
    starts: number[];
    labels: number[];
  }
  const plans: Plan[] = [];
  let total = 0;
  recordings.forEach((rec, r) => {
    const source = o.source === "clean" ? rec.clean : rec.signals;
    if (source === null) {
      throw new DataError(
        `makeWindows: recording ${r} (${
          describeRecording(rec.meta)
        }): option source 'clean' needs clean signals, the recording has none`,
      );
    }
    let data = channels.map((ch) => {
      const c = rec.meta.channels.indexOf(ch);
      if (c < 0) {
        throw new DataError(
          `makeWindows: recording ${r} (${
            describeRecording(rec.meta)
          }): no channel '${ch}'; it has ${rec.meta.channels.join(", ")}`,
        );
      }
      return source[c];
    });
    let modes = rec.modes;
    let timeAt = (s: number) => rec.time[s];
    const from = rec.meta.sampleRate;
    if (from !== rate) {
      data = resampleSignals(data, from, rate!);
      modes = modes && resampleLabels(modes, from, rate!);
      timeAt = (s: number) => rec.time[0] + s / rate!;
    }
    const n = data[0].length;
    const starts: number[] = [], labels: number[] = [];
    for (let s = 0; s + L <= n; s += S) {
      const label = windowLabel(modes, s, L, o.labelPolicy);
      if (label === null) continue;
      starts.push(s);
      labels.push(label);
    }
    if (o.normalize === "recording") {
      data = data.map((d) => {
        const { mean, std } = meanStd(d);
        const inv = std > 0 ? 1 / std : 0;
        return d.map((v) => (v - mean) * inv);
      });
    }
    total += starts.length;
    plans.push({ rec, data, timeAt, starts, labels });
  });

  const x = new Float32Array(total * L * C);
  const labels = new Int8Array(total);
  const meta: WindowMeta[] = [];
  let w = 0;
  plans.forEach(({ rec, data, timeAt, starts, labels: lab }, r) => {
    for (let k = 0; k < starts.length; k++, w++) {
      const s = starts[k];
      const base = w * L * C;
      for (let c = 0; c < C; c++) {
        const src = data[c];
        for (let t = 0; t < L; t++) x[base + t * C + c] = src[s + t];
        if (o.normalize === "window") zscoreInPlace(x, base + c, L, C);
      }
      labels[w] = lab[k];
      meta.push({
        recording: r,
        experiment: rec.meta.experiment,
        sensor: rec.meta.sensor,
        driver: rec.meta.driver,
        session: rec.meta.session,
        start: timeAt(s),
        startSample: s,
      });
    }
  });
  return { x, n: total, length: L, channels, sampleRate: rate, labels, meta };
}

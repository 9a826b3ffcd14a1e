/**
 * Time stamps → the sampling rate and the contiguous segments of a recording. A step longer
 * than `gapFactor` sample periods is a gap: the recording is split there, and windows never
 * cross it. Within a segment every time stamp must lie within ¼ sample of
 * `t_start + k / rate` (the tolerance of `lib/data`), which catches a wrong rate (250 vs
 * 256 Hz) within a dozen samples.
 *
 * @module
 */
import { formatFloat64 } from "../data/number_text.ts";
import { TIME_TOLERANCE_SAMPLES } from "../data/validate_recording.ts";

/** A run of contiguous samples: indices `[start, end)`. */
export interface TimeSegment {
  start: number;
  end: number;
}

/** The outcome of {@linkcode timeSegments}. */
export type TimeSegments =
  | { ok: true; sampleRate: number; segments: TimeSegment[] }
  | {
    ok: false;
    /** Index of the offending sample. */
    index: number;
    /** What was expected and found, as a phrase for a message. */
    problem: string;
  };

function median(values: Float64Array): number {
  const s = values.slice().sort();
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function fmt(t: number): string {
  return formatFloat64(Number(t.toPrecision(10)));
}

/**
 * Checks time stamps `time` (seconds) and splits them into contiguous segments.
 *
 * - Time stamps must strictly increase.
 * - `declaredRate` (Hz) is the rate; with null it is derived as (number of steps) / (their
 *   total duration) over the steps that are not gaps, where a gap is a step longer than
 *   `gapFactor` × the median step, then rounded to the fewest significant digits (3 to 6)
 *   that still fit every time stamp (so ms-rounded stamps at 256 Hz give 256, not 255.98).
 * - The median step must be one period (± ¼), and within each segment every time stamp must
 *   be within ¼ period of the segment's start + k / rate.
 *
 * Returns the rate and the segments, or the index of the first offending sample and what
 * was wrong.
 */
export function timeSegments(
  time: Float64Array,
  declaredRate: number | null,
  gapFactor: number,
): TimeSegments {
  const n = time.length;
  if (n === 0) return { ok: false, index: 0, problem: "expected at least one sample" };
  for (let i = 1; i < n; i++) {
    if (!(time[i] > time[i - 1])) {
      return {
        ok: false,
        index: i,
        problem: `expected a time after the previous sample's ${
          fmt(time[i - 1])
        } s (time stamps must increase), got ${fmt(time[i])}`,
      };
    }
  }
  if (n === 1) {
    if (declaredRate === null) {
      return {
        ok: false,
        index: 0,
        problem: "expected at least 2 samples to derive the sampling rate from the time stamps",
      };
    }
    return { ok: true, sampleRate: declaredRate, segments: [{ start: 0, end: 1 }] };
  }
  const steps = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) steps[i - 1] = time[i] - time[i - 1];
  const med = median(steps);
  let rate: number;
  if (declaredRate !== null) {
    rate = declaredRate;
    if (Math.abs(med * rate - 1) > TIME_TOLERANCE_SAMPLES) {
      return {
        ok: false,
        index: 1,
        problem: `expected steps of 1 / ${rate} Hz = ${
          fmt(1 / rate)
        } s (sample_rate), but the median step of the time stamps is ${fmt(med)} s (${
          Number((1 / med).toPrecision(4))
        } Hz)`,
      };
    }
  } else {
    let count = 0, sum = 0;
    for (const d of steps) {
      if (d <= gapFactor * med) {
        count++;
        sum += d;
      }
    }
    const exact = count / sum;
    rate = exact;
    // The roundest rate (3 to 6 significant digits) that still fits every time stamp.
    for (let digits = 3; digits <= 6; digits++) {
      const r = Number(exact.toPrecision(digits));
      if (checkSegments(time, steps, r, gapFactor).ok) {
        rate = r;
        break;
      }
    }
  }
  const result = checkSegments(time, steps, rate, gapFactor);
  if (result.ok) return result;
  const { index: i, start } = result;
  const k = i - start;
  return {
    ok: false,
    index: i,
    problem: `expected ${fmt(time[start] + k / rate)} ± ${TIME_TOLERANCE_SAMPLES} sample (${
      declaredRate === null ? "derived" : "declared"
    } sample_rate ${rate} Hz, ${k} samples after ${fmt(time[start])} s), got ${fmt(time[i])}`,
  };
}

/**
 * Splits at steps longer than `gapFactor` periods of `rate` and checks every time stamp of a
 * segment against its start + k / rate; returns the segments, or the first misfit sample and
 * the start of its segment.
 */
function checkSegments(
  time: Float64Array,
  steps: Float64Array,
  rate: number,
  gapFactor: number,
):
  | { ok: true; sampleRate: number; segments: TimeSegment[] }
  | { ok: false; index: number; start: number } {
  const n = time.length;
  const segments: TimeSegment[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && steps[i - 1] * rate <= gapFactor) {
      if (Math.abs((time[i] - time[start]) * rate - (i - start)) > TIME_TOLERANCE_SAMPLES) {
        return { ok: false, index: i, start };
      }
      continue;
    }
    segments.push({ start, end: i });
    start = i;
  }
  return { ok: true, sampleRate: rate, segments };
}

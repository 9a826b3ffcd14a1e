/**
 * Bands: labelled intervals along an axis (a mode schedule over time, EEG frequency bands
 * over frequency), drawn as shaded rectangles behind curves or as a timeline.
 *
 * @module
 */
import { checkFinite, checkSameLength, describeValue } from "./validate.ts";

/** A labelled interval [start, end) along an axis. */
export interface Band {
  /** Where the interval starts (axis units, e.g. seconds or Hz). */
  start: number;
  /** Where the interval ends (exclusive). */
  end: number;
  /** The category this interval belongs to (e.g. a mode name). */
  label: string;
}

/**
 * Collapses per-sample labels into contiguous bands: each run of equal labels becomes one
 * band from the run's first time to the next run's first time (the last band ends one
 * mean sample step after the last time). Numeric labels are mapped through `names`
 * (e.g. `MODES`); `null`/`undefined` labels (unlabelled samples) produce no band.
 */
export function bandsFromLabels(
  time: ArrayLike<number>,
  labels: ArrayLike<number | string | null | undefined>,
  names?: readonly string[],
): Band[] {
  const where = "bandsFromLabels";
  checkFinite(where, "time", time);
  checkSameLength(where, "time", time, "labels", labels);
  const n = time.length;
  if (n === 0) return [];
  const step = n > 1 ? (time[n - 1] - time[0]) / (n - 1) : 1;
  const name = (i: number): string | null => {
    const l = labels[i];
    if (l === null || l === undefined) return null;
    if (typeof l === "string") return l;
    if (names) {
      const s = names[l];
      if (s === undefined) {
        throw new Error(
          `${where}: labels[${i}] is ${l}, which has no entry in names (length ${names.length})`,
        );
      }
      return s;
    }
    if (!Number.isFinite(l)) {
      throw new Error(`${where}: labels[${i}] is ${describeValue(l)}; expected a label`);
    }
    return String(l);
  };
  const out: Band[] = [];
  let runStart = 0;
  let current = name(0);
  for (let i = 1; i <= n; i++) {
    const next = i < n ? name(i) : null;
    if (i === n || next !== current) {
      if (current !== null) {
        out.push({
          start: time[runStart],
          end: i < n ? time[i] : time[n - 1] + step,
          label: current,
        });
      }
      runStart = i;
      current = next;
    }
  }
  return out;
}

/** Throws unless every band has finite start < end and a non-empty label; returns them. */
export function checkBands(where: string, name: string, bands: unknown): Band[] {
  if (!Array.isArray(bands)) {
    throw new Error(
      `${where}: ${name} must be an array of {start, end, label}, got ${describeValue(bands)}`,
    );
  }
  bands.forEach((b, i) => {
    const ok = b && typeof b === "object" && Number.isFinite(b.start) &&
      Number.isFinite(b.end) && b.end > b.start && typeof b.label === "string" &&
      b.label.length > 0;
    if (!ok) {
      throw new Error(
        `${where}: ${name}[${i}] must be {start, end, label} with finite start < end and a label, got ${
          JSON.stringify(b)
        }`,
      );
    }
  });
  return bands as Band[];
}

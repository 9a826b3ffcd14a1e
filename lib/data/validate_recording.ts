/**
 * Checks that an in-memory {@linkcode Recording} is well formed before it is written or
 * windowed: names usable as CSV columns and manifest fields, equal array lengths, finite
 * values, known mode labels, and sample times consistent with the sampling rate.
 *
 * @module
 */
import { DataError } from "./data_error.ts";
import { MODES } from "../device/modes.ts";
import { describeRecording, type Recording, type RecordingMeta } from "./recording.ts";

/** Names that channels may not take, because the CSV format uses them for other columns. */
export const RESERVED_COLUMNS: readonly string[] = ["time", "mode"];

/** What a channel name or id may contain: letters, digits, `_`, `.`, `-` (no commas, no `;`). */
export const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/**
 * Whether `name` can be a channel: letters, digits, `_`, `.`, `-`; not `time` or `mode`; not
 * ending in `_clean` (the suffix of the ground-truth columns).
 */
export function isChannelName(name: string): boolean {
  return typeof name === "string" && NAME_PATTERN.test(name) &&
    !RESERVED_COLUMNS.includes(name) && !name.endsWith("_clean");
}

/** What {@linkcode isChannelName} accepts, in words, for error messages. */
export const CHANNEL_NAME_RULE =
  "names of letters, digits, '_', '.', '-', other than time/mode and not ending in _clean";

/**
 * How far (in sample periods) a time stamp may be from `time[0] + i / sampleRate` before the
 * recording counts as sampled at another rate. A quarter period tolerates time stamps rounded
 * to milliseconds at 256 Hz, and catches 250 vs 256 Hz within a dozen samples.
 */
export const TIME_TOLERANCE_SAMPLES = 0.25;

/**
 * Index of the first sample whose time disagrees with `time[0] + i / sampleRate` by more
 * than {@linkcode TIME_TOLERANCE_SAMPLES} periods, or -1 when every time stamp fits.
 */
export function firstTimeMismatch(time: ArrayLike<number>, sampleRate: number): number {
  const t0 = time[0];
  for (let i = 1; i < time.length; i++) {
    if (!(Math.abs((time[i] - t0) * sampleRate - i) <= TIME_TOLERANCE_SAMPLES)) return i;
  }
  return -1;
}

/** Throws a {@linkcode DataError} (prefixed by `where`) unless the metadata is usable. */
export function validateRecordingMeta(meta: RecordingMeta, where: string): void {
  for (const key of ["experiment", "sensor", "driver", "session"] as const) {
    const v = meta[key];
    if (typeof v !== "string" || !NAME_PATTERN.test(v)) {
      throw new DataError(
        `${where}: meta.${key}: expected a non-empty id of letters, digits, '_', '.', '-', got ${
          JSON.stringify(v)
        }`,
      );
    }
  }
  if (!(typeof meta.sampleRate === "number" && meta.sampleRate > 0 && isFinite(meta.sampleRate))) {
    throw new DataError(
      `${where}: meta.sampleRate: expected a positive number of Hz, got ${meta.sampleRate}`,
    );
  }
  if (!Array.isArray(meta.channels) || meta.channels.length === 0) {
    throw new DataError(`${where}: meta.channels: expected at least one channel name`);
  }
  const seen = new Set<string>();
  for (const ch of meta.channels) {
    if (!isChannelName(ch)) {
      throw new DataError(
        `${where}: meta.channels: expected ${CHANNEL_NAME_RULE}, got ${JSON.stringify(ch)}`,
      );
    }
    if (seen.has(ch)) throw new DataError(`${where}: meta.channels: channel '${ch}' appears twice`);
    seen.add(ch);
  }
}

function checkFinite(x: Float32Array, where: string, what: string): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new DataError(`${where}: ${what}[${i}]: expected a finite number, got ${x[i]}`);
    }
  }
}

/**
 * Throws a {@linkcode DataError} naming the recording and field unless `rec` is well formed:
 * valid metadata, at least one sample, one signal (and one clean signal, when present) per
 * channel, all arrays as long as `time`, every value finite, mode labels in 0..3, and time
 * stamps consistent with `meta.sampleRate`.
 *
 * @param where Prefix for messages, e.g. "Cannot write data set out/x: recording 3".
 */
export function validateRecording(rec: Recording, where = "Invalid recording"): void {
  const w = `${where} (${rec?.meta ? describeRecording(rec.meta) : "no meta"})`;
  if (!rec?.meta) throw new DataError(`${where}: expected an object with meta, got ${rec}`);
  validateRecordingMeta(rec.meta, w);
  const n = rec.time?.length ?? 0;
  if (!(rec.time instanceof Float64Array) || n === 0) {
    throw new DataError(`${w}: time: expected a non-empty Float64Array`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(rec.time[i])) {
      throw new DataError(`${w}: time[${i}]: expected a finite number, got ${rec.time[i]}`);
    }
  }
  const bad = firstTimeMismatch(rec.time, rec.meta.sampleRate);
  if (bad >= 0) {
    throw new DataError(
      `${w}: time[${bad}]: expected ${
        rec.time[0] + bad / rec.meta.sampleRate
      } s (sampleRate ${rec.meta.sampleRate} Hz), got ${rec.time[bad]}`,
    );
  }
  const C = rec.meta.channels.length;
  const groups: [string, Float32Array[] | null][] = [["signals", rec.signals], [
    "clean",
    rec.clean,
  ]];
  for (const [name, arrays] of groups) {
    if (arrays === null && name === "clean") continue;
    if (!Array.isArray(arrays) || arrays.length !== C) {
      throw new DataError(
        `${w}: ${name}: expected ${C} Float32Array (one per channel ${
          rec.meta.channels.join(",")
        }), got ${Array.isArray(arrays) ? arrays.length : typeof arrays}`,
      );
    }
    for (let c = 0; c < C; c++) {
      const x = arrays[c];
      if (!(x instanceof Float32Array) || x.length !== n) {
        throw new DataError(
          `${w}: ${name}[${c}] (${
            rec.meta.channels[c]
          }): expected a Float32Array of ${n} samples, got ${
            x instanceof Float32Array ? x.length + " samples" : typeof x
          }`,
        );
      }
      checkFinite(x, w, `${name}[${c}] (${rec.meta.channels[c]})`);
    }
  }
  if (rec.modes !== null) {
    if (!(rec.modes instanceof Uint8Array) || rec.modes.length !== n) {
      throw new DataError(`${w}: modes: expected null or a Uint8Array of ${n} labels`);
    }
    for (let i = 0; i < n; i++) {
      if (rec.modes[i] >= MODES.length) {
        throw new DataError(
          `${w}: modes[${i}]: expected a mode index 0..${MODES.length - 1}, got ${rec.modes[i]}`,
        );
      }
    }
  }
}

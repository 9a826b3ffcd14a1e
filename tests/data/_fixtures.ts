/**
 * Small synthetic recordings for the data tests (independent of lib/device).
 *
 * @module
 */
import type { Recording } from "../../lib/data/recording.ts";
import { Rng } from "../../lib/random/rng.ts";

/** Options of {@linkcode syntheticRecording}. */
export interface SyntheticOptions {
  experiment?: string;
  sensor?: string;
  driver?: string;
  session?: string;
  n?: number;
  sampleRate?: number;
  channels?: string[];
  /** Mode label of sample i, or null for an unlabelled recording. */
  mode?: ((i: number) => number) | null;
  clean?: boolean;
  seed?: number;
  /** Time of the first sample. */
  t0?: number;
}

/**
 * A recording of random float32 values spanning many magnitudes (including tiny, huge,
 * negative, and -0), so that text round trips are really exercised.
 */
export function syntheticRecording(opts: SyntheticOptions = {}): Recording {
  const n = opts.n ?? 50;
  const fs = opts.sampleRate ?? 256;
  const channels = opts.channels ?? ["eeg", "ecg", "gsr"];
  const rng = new Rng(opts.seed ?? 1);
  const draw = () => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = rng.normal() * Math.pow(10, rng.int(13) - 6);
    return a;
  };
  const mode = opts.mode === undefined ? (i: number) => Math.floor((4 * i) / n) : opts.mode;
  const time = new Float64Array(n);
  for (let i = 0; i < n; i++) time[i] = (opts.t0 ?? 0) + i / fs;
  return {
    meta: {
      experiment: opts.experiment ?? "e1",
      sensor: opts.sensor ?? "s1",
      driver: opts.driver ?? "e1-d01",
      session: opts.session ?? "s1",
      sampleRate: fs,
      channels,
    },
    time,
    modes: mode === null ? null : Uint8Array.from({ length: n }, (_, i) => mode(i)),
    signals: channels.map(draw),
    clean: opts.clean === false ? null : channels.map(draw),
  };
}

/** Asserts-free bitwise equality of two typed arrays (NaN-safe, -0-aware via the bytes). */
export function sameBits(a: Float32Array | Float64Array, b: Float32Array | Float64Array): boolean {
  if (a.constructor !== b.constructor || a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

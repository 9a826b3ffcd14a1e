/**
 * A set of fixed-length multichannel windows cut from recordings, with a label and the
 * origin of every window, and the helpers to subset it and read single windows.
 *
 * @module
 */

/** Where one window comes from. */
export interface WindowMeta {
  /** Index of the source recording in the array given to `makeWindows`. */
  recording: number;
  /** Experiment id of the source recording. */
  experiment: string;
  /** Sensor id of the source recording. */
  sensor: string;
  /** Driver id of the source recording. */
  driver: string;
  /** Session id of the source recording. */
  session: string;
  /** Time of the window's first sample, in seconds (the recording's time axis). */
  start: number;
  /** Index of the window's first sample in the (resampled) recording. */
  startSample: number;
}

/**
 * `n` windows of `length` samples × `channels.length` channels.
 *
 * `x` is laid out `[n, length, channels]` row-major: sample t of channel c of window i is
 * `x[(i * length + t) * channels.length + c]`.
 */
export interface WindowSet {
  /** The window values, `[n, length, channels]` row-major. */
  x: Float32Array;
  /** Number of windows. */
  n: number;
  /** Samples per window. */
  length: number;
  /** Channel names, in the order of the last axis of `x`. */
  channels: string[];
  /** Sampling rate of the windows, Hz. */
  sampleRate: number;
  /** Mode index (see `MODES`) of each window, or -1 when unlabelled. */
  labels: Int8Array;
  /** Origin of each window. */
  meta: WindowMeta[];
}

function checkIndex(ws: WindowSet, i: number): void {
  if (!(Number.isInteger(i) && i >= 0 && i < ws.n)) {
    throw new RangeError(`window index ${i} out of range: expected a whole number in [0, ${ws.n})`);
  }
}

/** A copy of window `i`, laid out `[length, channels]` row-major. */
export function getWindow(ws: WindowSet, i: number): Float32Array {
  checkIndex(ws, i);
  const size = ws.length * ws.channels.length;
  return ws.x.slice(i * size, (i + 1) * size);
}

/** A copy of one channel (by name) of window `i`: `length` samples. */
export function getWindowChannel(ws: WindowSet, i: number, channel: string): Float32Array {
  checkIndex(ws, i);
  const c = ws.channels.indexOf(channel);
  if (c < 0) {
    throw new RangeError(`unknown channel '${channel}': expected one of ${ws.channels.join(", ")}`);
  }
  const C = ws.channels.length;
  const out = new Float32Array(ws.length);
  const base = i * ws.length * C + c;
  for (let t = 0; t < ws.length; t++) out[t] = ws.x[base + t * C];
  return out;
}

/** A new window set holding the windows at the given indices, in that order (copied). */
export function takeWindows(ws: WindowSet, indices: ArrayLike<number>): WindowSet {
  const size = ws.length * ws.channels.length;
  const x = new Float32Array(indices.length * size);
  const labels = new Int8Array(indices.length);
  const meta = new Array<WindowMeta>(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    checkIndex(ws, i);
    x.set(ws.x.subarray(i * size, (i + 1) * size), k * size);
    labels[k] = ws.labels[i];
    meta[k] = { ...ws.meta[i] };
  }
  return {
    x,
    n: indices.length,
    length: ws.length,
    channels: [...ws.channels],
    sampleRate: ws.sampleRate,
    labels,
    meta,
  };
}

/**
 * A new window set holding the windows for which `keep(meta, label, index)` is true, in their
 * original order (copied); e.g. `selectWindows(ws, (m) => m.experiment === "e1")`.
 */
export function selectWindows(
  ws: WindowSet,
  keep: (meta: WindowMeta, label: number, index: number) => boolean,
): WindowSet {
  const indices: number[] = [];
  for (let i = 0; i < ws.n; i++) if (keep(ws.meta[i], ws.labels[i], i)) indices.push(i);
  return takeWindows(ws, indices);
}

/**
 * The in-memory form of one recording: what one sensor measured on one driver in one
 * session of one experiment.
 *
 * @module
 */

/** Where a recording comes from and how it was sampled. */
export interface RecordingMeta {
  /** Experiment id, e.g. "e1". */
  experiment: string;
  /** Sensor id, e.g. "s3-noisy". */
  sensor: string;
  /** Driver (subject) id, unique across experiments, e.g. "e1-d02". */
  driver: string;
  /** Session id within the driver, e.g. "s1". */
  session: string;
  /** Sampling rate in Hz, the same for every channel. */
  sampleRate: number;
  /** Channel names in column order, e.g. ["eeg", "ecg", "gsr"]. */
  channels: string[];
}

/**
 * One recording. All arrays have the same length (the number of samples).
 *
 * - `time`: seconds since the start of the recording.
 * - `modes`: the mode label (index into `MODES`) of each sample, or `null` when unlabelled.
 * - `signals[c]`: the sensed signal of channel `meta.channels[c]` (what the sensor wrote).
 * - `clean[c]`: the true signal before the sensor (ground truth; only surrogate data has it).
 */
export interface Recording {
  meta: RecordingMeta;
  time: Float64Array;
  modes: Uint8Array | null;
  signals: Float32Array[];
  clean: Float32Array[] | null;
}

/** A short human-readable id of a recording for messages: `experiment/sensor/driver/session`. */
export function describeRecording(meta: RecordingMeta): string {
  return `${meta.experiment}/${meta.sensor}/${meta.driver}/${meta.session}`;
}

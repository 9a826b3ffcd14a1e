/**
 * A window of physiological signals: one Float32Array per named channel, all sampled at the
 * same rate — what the hand-crafted features are computed on.
 *
 * @module
 */
import type { Recording } from "../data/recording.ts";

/** A window: channel names, one signal per channel (equal lengths) and the sampling rate. */
export interface PhysioWindow {
  /** Sampling rate in Hz. */
  sampleRate: number;
  /** Channel names, e.g. ["eeg", "ecg", "gsr"]. */
  channels: readonly string[];
  /** `signals[c]` is channel `channels[c]`. */
  signals: readonly Float32Array[];
}

/**
 * The window [start, end) (sample indices) of a recording's sensed signals, as views
 * (`subarray`, no copy).
 */
export function windowFromRecording(rec: Recording, start: number, end: number): PhysioWindow {
  const n = rec.signals[0]?.length ?? 0;
  if (
    !(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= n)
  ) {
    throw new Error(
      `windowFromRecording: expected integers 0 ≤ start < end ≤ ${n}, got start=${start}, end=${end}`,
    );
  }
  return {
    sampleRate: rec.meta.sampleRate,
    channels: rec.meta.channels,
    signals: rec.signals.map((s) => s.subarray(start, end)),
  };
}

/** The signal of channel `name` in a window; throws naming the channels it has otherwise. */
export function windowChannel(
  w: PhysioWindow,
  name: string,
  where = "windowChannel",
): Float32Array {
  const c = w.channels.indexOf(name);
  if (c < 0 || !w.signals[c]) {
    throw new Error(`${where}: window lacks channel "${name}" (has ${w.channels.join(", ")})`);
  }
  return w.signals[c];
}

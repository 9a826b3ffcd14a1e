/**
 * Validation of everything before any training: the manifest, every recording and events
 * file it lists (the first problem of each), then what must hold across files — the same
 * channels everywhere, and at least one window in every recording. All problems are
 * reported together, one line each.
 *
 * @module
 */
import { DataError } from "../data/data_error.ts";
import { resampledLength } from "../data/resample.ts";
import { formatChannelMap } from "./channel_map.ts";
import { PipelineInputError } from "./input_error.ts";
import { type ByoEntry, readByoManifest } from "./manifest.ts";
import { type ByoRecording, readByoRecording } from "./read_recording.ts";

/** How windows are cut (fixed by a saved model, or chosen from the data and the config). */
export interface WindowPlan {
  /** Channel names, in window order. */
  channels: string[];
  /** Common sampling rate in Hz. */
  sampleRate: number;
  /** Window length in samples at that rate. */
  length: number;
  /** Samples between window starts. */
  stride: number;
}

/** Everything read and checked. */
export interface PipelineInputs {
  /** The manifest's path. */
  manifest: string;
  /** The recordings, in manifest order. */
  recordings: ByoRecording[];
  /** How the windows are cut. */
  plan: WindowPlan;
}

/** What {@linkcode loadPipelineInputs} needs to know. */
export interface PipelineLoadOptions {
  /** The label set. */
  labels: readonly string[];
  /** Gap threshold in sample periods. */
  gapFactor: number;
  /** Channels to use; null: those every recording maps (they must all map the same). */
  channels: string[] | null;
  /** Common rate; null: the lowest rate of the recordings. */
  sampleRate: number | null;
  /** Window length and stride in seconds (ignored when `plan` is given). */
  windowSeconds: number;
  strideSeconds: number | null;
  /** A fixed plan (a saved model's), overriding channels, rate and window. */
  plan?: WindowPlan;
  /** Called after each file is read (for a progress bar). */
  onFile?: (done: number, total: number) => void;
}

/** Shortest window, in samples, that the encoder and the noise metrics can use. */
export const MIN_WINDOW_SAMPLES = 16;

function seconds(x: number): string {
  return `${Number(x.toPrecision(4))} s`;
}

function describe(e: ByoEntry): string {
  return `${e.path} (manifest ${e.origin}, experiment ${e.experiment})`;
}

/**
 * Reads the manifest at `manifestPath` and every recording it lists, and checks them
 * together. Throws a {@linkcode PipelineInputError} listing every problem — bad manifest rows,
 * duplicates, unreadable or malformed recordings and events files (the first problem of
 * each), a channel present in one recording and not another, a recording without a single
 * window — or a one-line {@linkcode DataError} when the manifest itself cannot be read.
 */
export async function loadPipelineInputs(
  manifestPath: string,
  options: PipelineLoadOptions,
): Promise<PipelineInputs> {
  const manifest = await readByoManifest(manifestPath);
  const problems = [...manifest.problems];
  const recordings: ByoRecording[] = [];
  const entries = manifest.entries;
  for (let i = 0; i < entries.length; i++) {
    try {
      recordings.push(await readByoRecording(entries[i], options.labels, options.gapFactor));
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(e.message);
    }
    options.onFile?.(i + 1, entries.length);
  }
  const use = `Cannot use recording`;
  // Channels: the configured (or the model's) set, else the same set everywhere.
  const wanted = options.plan?.channels ?? options.channels;
  let channels: string[] = wanted ?? [];
  if (wanted !== null) {
    for (const r of recordings) {
      const names = r.entry.channels.map((c) => c.name);
      const missing = wanted.filter((c) => !names.includes(c));
      if (missing.length) {
        problems.push(
          `${use} ${describe(r.entry)}: no channel ${missing.join(", ")}; it maps ${
            formatChannelMap(r.entry.channels)
          } and the ${options.plan ? "model" : "config"} needs ${wanted.join(", ")}`,
        );
      }
    }
  } else if (recordings.length) {
    const first = recordings[0];
    channels = first.entry.channels.map((c) => c.name);
    for (const r of recordings.slice(1)) {
      const names = r.entry.channels.map((c) => c.name);
      const missing = channels.filter((c) => !names.includes(c));
      const extra = names.filter((c) => !channels.includes(c));
      if (missing.length || extra.length) {
        problems.push(
          `${use} ${describe(r.entry)}: it maps channels ${names.join(";")} but ${
            describe(first.entry)
          } maps ${channels.join(";")} (${
            [
              missing.length ? `missing ${missing.join(", ")}` : "",
              extra.length ? `extra ${extra.join(", ")}` : "",
            ].filter((s) => s).join("; ")
          }); every recording needs the same channel names, or set "channels" in the config to the ones to use`,
        );
      }
    }
  }
  const rates = recordings.map((r) => r.sampleRate);
  const sampleRate = options.plan?.sampleRate ?? options.sampleRate ??
    (rates.length ? Math.min(...rates) : 1);
  const length = options.plan?.length ?? Math.round(options.windowSeconds * sampleRate);
  const stride = options.plan?.stride ??
    Math.max(1, Math.round((options.strideSeconds ?? options.windowSeconds) * sampleRate));
  if (!options.plan && length < MIN_WINDOW_SAMPLES && recordings.length) {
    problems.push(
      `Cannot use config: windowSeconds ${options.windowSeconds} × ${sampleRate} Hz = ${length} samples; expected at least ${MIN_WINDOW_SAMPLES} samples per window`,
    );
  }
  const windowSeconds = length / sampleRate;
  for (const r of recordings) {
    let longest = 0;
    for (const s of r.segments) {
      longest = Math.max(longest, resampledLength(s.end - s.start, r.sampleRate, sampleRate));
    }
    if (longest < length) {
      const gaps = r.segments.length > 1 ? `, between gaps (${r.segments.length} segments),` : "";
      problems.push(
        `${use} ${describe(r.entry)}: its longest contiguous stretch${gaps} lasts ${
          seconds(longest / sampleRate)
        } at ${sampleRate} Hz, shorter than one window of ${
          seconds(windowSeconds)
        }; expected a recording at least one window long (use shorter windows, windowSeconds, or leave it out)`,
      );
    }
  }
  if (problems.length) throw new PipelineInputError(problems);
  return { manifest: manifestPath, recordings, plan: { channels, sampleRate, length, stride } };
}

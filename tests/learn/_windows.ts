/**
 * Synthetic window sets for the learn tests: modes are sines of different frequencies, each
 * experiment adds its own gain, offset and noise level (a stand-in for its sensor).
 *
 * @module
 */
import { Rng } from "../../lib/random/rng.ts";
import type { WindowMeta, WindowSet } from "../../lib/data/window_set.ts";

/** Options of {@linkcode syntheticWindows}. */
export interface SyntheticWindowOptions {
  /** Windows per (experiment, mode) cell, or one count per experiment. */
  perCell?: number | number[];
  /** Samples per window. */
  length?: number;
  /** Channel names (eeg/ecg/gsr for the sensor simulation). */
  channels?: string[];
  /** Experiment ids; experiment k uses sensor `S${k}`. */
  experiments?: string[];
  /** Mode labels present. */
  modes?: number[];
  /** Sampling rate in Hz. */
  sampleRate?: number;
  /** Noise sd of experiment k is noise·(k + 1). */
  noise?: number;
  seed?: number;
}

/**
 * A labelled WindowSet: window of mode m is sin(2π·f_m·t + φ) per channel (f_m = 2 + 3m Hz,
 * channel c at amplitude 1 + c/2), times experiment k's gain 1 + 0.1k, plus offset 0.5k and
 * Gaussian noise; windows ordered by experiment, then mode, then index.
 */
export function syntheticWindows(options: SyntheticWindowOptions = {}): WindowSet {
  const {
    perCell = 8,
    length = 64,
    channels = ["eeg", "ecg"],
    experiments = ["e1", "e2"],
    modes = [0, 1],
    sampleRate = 64,
    noise = 0.1,
    seed = 1,
  } = options;
  const rng = new Rng(seed);
  const C = channels.length;
  const counts = experiments.map((_, k) => Array.isArray(perCell) ? perCell[k] : perCell);
  const n = counts.reduce((a, b) => a + b, 0) * modes.length;
  const x = new Float32Array(n * length * C);
  const labels = new Int8Array(n);
  const meta: WindowMeta[] = [];
  let i = 0;
  experiments.forEach((exp, k) => {
    for (const m of modes) {
      for (let j = 0; j < counts[k]; j++) {
        const f = 2 + 3 * m;
        const phase = rng.range(0, 2 * Math.PI);
        for (let t = 0; t < length; t++) {
          for (let c = 0; c < C; c++) {
            const s = (1 + c / 2) * Math.sin(2 * Math.PI * f * t / sampleRate + phase + c);
            x[(i * length + t) * C + c] = (1 + 0.1 * k) * s + 0.5 * k +
              noise * (k + 1) * rng.normal();
          }
        }
        labels[i] = m;
        meta.push({
          recording: k,
          experiment: exp,
          sensor: `S${k}`,
          driver: `${exp}-d01`,
          session: "s1",
          start: j,
          startSample: j * length,
        });
        i++;
      }
    }
  });
  return { x, n, length, channels: [...channels], sampleRate, labels, meta };
}

/** A small encoder/head config that trains fast on the synthetic windows. */
export const SMALL_MODEL = {
  encoder: { filters: [8, 16], kernelSizes: [5, 3], poolSizes: [2, 1], embeddingDim: 16 },
  head: { hiddenDims: [16], outputDim: 8 },
};

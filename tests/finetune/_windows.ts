/**
 * A tiny synthetic window set for the fine-tuning and protocol tests: four experiments (each
 * its own sensor: gain, offset, noise), a few drivers each, four modes (sines of different
 * frequencies on eeg/ecg/gsr), and a few unlabelled windows per driver.
 *
 * @module
 */
import { Rng } from "../../lib/random/rng.ts";
import type { WindowMeta, WindowSet } from "../../lib/data/window_set.ts";

/** Options of {@linkcode protocolWindows}. */
export interface ProtocolWindowOptions {
  /** Drivers of each experiment. */
  drivers?: number[];
  /** Labelled windows per (driver, mode). */
  perMode?: number;
  /** Unlabelled windows per driver. */
  unlabelled?: number;
  /** Samples per window. */
  length?: number;
  /** Noise sd of experiment k is noise · (1 + 2·[k = 2]) (the third one is noisy). */
  noise?: number;
  seed?: number;
}

/**
 * Window set with experiments e1…e4 (sensors S1…S4), drivers `${e}-d01`…; a window of mode m
 * is sin(2π(1 + m)t/8 + φ) scaled per channel, times the sensor's gain 1 + 0.2k, plus its
 * offset 0.3k and noise. Windows ordered by experiment, driver, mode; the unlabelled (-1)
 * windows of a driver are random modes.
 */
export function protocolWindows(options: ProtocolWindowOptions = {}): WindowSet {
  const {
    drivers = [3, 2, 2, 2],
    perMode = 3,
    unlabelled = 2,
    length = 32,
    noise = 0.2,
    seed = 1,
  } = options;
  const rng = new Rng(seed);
  const channels = ["eeg", "ecg", "gsr"], C = 3;
  const xs: number[] = [];
  const labels: number[] = [];
  const meta: WindowMeta[] = [];
  drivers.forEach((count, k) => {
    const e = `e${k + 1}`;
    for (let d = 0; d < count; d++) {
      const driver = `${e}-d${String(d + 1).padStart(2, "0")}`;
      const modes: number[] = [];
      for (let m = 0; m < 4; m++) for (let j = 0; j < perMode; j++) modes.push(m);
      for (let j = 0; j < unlabelled; j++) modes.push(-1 - rng.int(4));
      modes.forEach((code, w) => {
        const m = code >= 0 ? code : -1 - code;
        const phase = rng.range(0, 2 * Math.PI);
        const sd = noise * (k === 2 ? 3 : 1);
        for (let t = 0; t < length; t++) {
          for (let c = 0; c < C; c++) {
            const s = (1 + c / 2) * Math.sin(2 * Math.PI * (1 + m) * t / 8 + phase + c);
            xs.push((1 + 0.2 * k) * s + 0.3 * k + sd * rng.normal());
          }
        }
        labels.push(code >= 0 ? code : -1);
        meta.push({
          recording: k * 10 + d,
          experiment: e,
          sensor: `S${k + 1}`,
          driver,
          session: "s1",
          start: w * length / 32,
          startSample: w * length,
        });
      });
    }
  });
  return {
    x: Float32Array.from(xs),
    n: labels.length,
    length,
    channels,
    sampleRate: 32,
    labels: Int8Array.from(labels),
    meta,
  };
}

/** A tiny encoder that trains in milliseconds on {@linkcode protocolWindows}. */
export const TINY_ENCODER = {
  filters: [8],
  kernelSizes: [5],
  poolSizes: [2],
  embeddingDim: 8,
};

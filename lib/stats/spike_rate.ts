/**
 * Sparse spike (artifact) detection by a robust z-score threshold, from the signal alone.
 *
 * Method: the slow baseline (two-pass boxcar low-pass at `detrendCutoffHz`) is subtracted,
 * then each sample gets z = |r − median(r)| / (1.4826·MAD(r)). Samples with z > `threshold`
 * are spike samples; runs of them closer than `refractorySeconds` form one event. A robust
 * scale (MAD) is not inflated by the spikes themselves. Caveat: the detector cannot tell a
 * physiological spike from an artifact, so on raw ECG the R waves count too; compare rates
 * across sensors, or run it on a noise residual (the noise study's artifact rate).
 *
 * @module
 */
import { median, medianAbsoluteDeviation } from "simple-statistics";
import { lowPassBoxcar2 } from "./moving_average.ts";
import { resolveOptions } from "./options.ts";
import { checkPositive, checkSignal } from "./validate.ts";

/** Options of {@linkcode detectSpikes} and {@linkcode spikeRate}. */
export interface SpikeOptions {
  /** Robust z-score above which a sample is part of a spike. */
  threshold: number;
  /** Exceedances closer than this (s) belong to the same event. */
  refractorySeconds: number;
  /** Baseline removed before scoring: low-pass cutoff in Hz; 0 disables. */
  detrendCutoffHz: number;
}

/** Defaults: z > 6, events merged within 0.25 s, baseline below 0.5 Hz removed. */
export const DEFAULT_SPIKE_OPTIONS: Readonly<SpikeOptions> = Object.freeze({
  threshold: 6,
  refractorySeconds: 0.25,
  detrendCutoffHz: 0.5,
});

/**
 * Sample index of the largest |z| of each spike event, in time order. A signal whose MAD is
 * 0 is scored with 1.2533·(mean absolute deviation) instead; a constant signal has no spikes.
 */
export function detectSpikes(
  x: Float32Array,
  sampleRate: number,
  options?: Partial<SpikeOptions>,
): Int32Array {
  checkSignal(x, "detectSpikes: signal", 2);
  checkPositive(sampleRate, "detectSpikes: sampleRate");
  const o = resolveOptions(DEFAULT_SPIKE_OPTIONS, options, "detectSpikes");
  checkPositive(o.threshold, "detectSpikes: option threshold");
  if (!(o.refractorySeconds >= 0)) {
    throw new Error(
      `detectSpikes: option "refractorySeconds" must be ≥ 0, got ${o.refractorySeconds}`,
    );
  }
  let r = x;
  if (o.detrendCutoffHz > 0) {
    const lp = lowPassBoxcar2(x, sampleRate, o.detrendCutoffHz);
    r = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) r[i] = x[i] - lp[i];
  }
  const arr = Array.from(r);
  const med = median(arr);
  let scale = 1.4826 * medianAbsoluteDeviation(arr);
  if (scale === 0) {
    let s = 0;
    for (let i = 0; i < arr.length; i++) s += Math.abs(arr[i] - med);
    scale = 1.2533 * (s / arr.length);
    if (scale === 0) return new Int32Array(0);
  }
  const gap = Math.round(o.refractorySeconds * sampleRate);
  const events: number[] = [];
  let lastEnd = -Infinity, bestI = -1, bestZ = 0;
  for (let i = 0; i < arr.length; i++) {
    const z = Math.abs(arr[i] - med) / scale;
    if (z <= o.threshold) continue;
    if (i - lastEnd > gap) {
      if (bestI >= 0) events.push(bestI);
      bestI = i;
      bestZ = z;
    } else if (z > bestZ) {
      bestI = i;
      bestZ = z;
    }
    lastEnd = i;
  }
  if (bestI >= 0) events.push(bestI);
  return Int32Array.from(events);
}

/** Spike events per minute of signal ({@linkcode detectSpikes} count / duration). */
export function spikeRate(
  x: Float32Array,
  sampleRate: number,
  options?: Partial<SpikeOptions>,
): number {
  const events = detectSpikes(x, sampleRate, options);
  return events.length / (x.length / sampleRate / 60);
}

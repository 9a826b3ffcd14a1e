/**
 * Heart rate and heart-rate variability from R-peak times (Task Force of the ESC/NASPE
 * 1996, "Heart rate variability: standards of measurement", Circulation 93(5)):
 *
 *     HR = 60 / mean(RR)  bpm,    SDNN = sd(RR)  ms,    RMSSD = √(mean((RR[i+1] − RR[i])²))  ms,
 *
 * over the normal-to-normal intervals: RR intervals outside [0.3, 2] s or deviating from the
 * window's median RR by more than 30 % are dropped as missed/extra detections (and a
 * successive difference is used only when both its intervals are kept).
 *
 * @module
 */
import { mean, median, sampleStandardDeviation } from "simple-statistics";
import { resolveOptions } from "../stats/options.ts";

/** Options of {@linkcode heartRateVariability}. */
export interface HeartRateOptions {
  /** Shortest plausible RR interval (s). */
  rrMinSeconds: number;
  /** Longest plausible RR interval (s). */
  rrMaxSeconds: number;
  /** Largest allowed |RR − median RR| / median RR. */
  rrMaxDeviation: number;
}

/** Defaults: RR in [0.3, 2] s, within 30 % of the median. */
export const DEFAULT_HEART_RATE_OPTIONS: Readonly<HeartRateOptions> = Object.freeze({
  rrMinSeconds: 0.3,
  rrMaxSeconds: 2,
  rrMaxDeviation: 0.3,
});

/** Heart rate and HRV of one window; NaN where too few intervals remain. */
export interface HeartRateVariability {
  /** Mean heart rate, beats per minute (needs ≥ 1 kept RR). */
  heartRate: number;
  /** Standard deviation of the kept RR intervals, ms (needs ≥ 2). */
  sdnn: number;
  /** Root mean square of successive RR differences, ms (needs ≥ 1 kept pair). */
  rmssd: number;
  /** Number of RR intervals kept. */
  intervals: number;
}

/** Computes HR, SDNN and RMSSD from ascending R-peak times in seconds. */
export function heartRateVariability(
  peakTimes: Float64Array,
  options?: Partial<HeartRateOptions>,
): HeartRateVariability {
  if (!(peakTimes instanceof Float64Array)) {
    throw new Error("heartRateVariability: peakTimes must be a Float64Array of seconds");
  }
  const o = resolveOptions(DEFAULT_HEART_RATE_OPTIONS, options, "heartRateVariability");
  for (let i = 0; i < peakTimes.length; i++) {
    if (!Number.isFinite(peakTimes[i]) || (i > 0 && peakTimes[i] <= peakTimes[i - 1])) {
      throw new Error(
        `heartRateVariability: peakTimes must be finite and strictly ascending, got ${
          peakTimes[i]
        } at index ${i}`,
      );
    }
  }
  const rr: number[] = [];
  for (let i = 1; i < peakTimes.length; i++) rr.push(peakTimes[i] - peakTimes[i - 1]);
  const plausible = rr.filter((v) => v >= o.rrMinSeconds && v <= o.rrMaxSeconds);
  const med = plausible.length ? median(plausible) : NaN;
  const keep = rr.map((v) =>
    v >= o.rrMinSeconds && v <= o.rrMaxSeconds && Math.abs(v - med) <= o.rrMaxDeviation * med
  );
  const kept = rr.filter((_, i) => keep[i]);
  let sq = 0, pairs = 0;
  for (let i = 1; i < rr.length; i++) {
    if (keep[i] && keep[i - 1]) {
      sq += (rr[i] - rr[i - 1]) ** 2;
      pairs++;
    }
  }
  return {
    heartRate: kept.length ? 60 / mean(kept) : NaN,
    sdnn: kept.length >= 2 ? 1000 * sampleStandardDeviation(kept) : NaN,
    rmssd: pairs ? 1000 * Math.sqrt(sq / pairs) : NaN,
    intervals: kept.length,
  };
}

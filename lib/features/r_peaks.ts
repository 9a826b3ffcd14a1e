/**
 * ECG R-peak detection, after Pan & Tompkins (1985), "A real-time QRS detection algorithm",
 * IEEE Trans. Biomed. Eng. 32(3):230–236, with zero-phase boxcar filters instead of the
 * original integer IIR filters (so no group delay to undo):
 *
 * 1. band-pass ≈ 4–18 Hz: y = MA₂₅ₘₛ(x) − MA₁₂₀ₘₛ(MA₂₅ₘₛ(x)) (MA = centred moving average);
 * 2. derivative d[i] = (y[i+1] − y[i−1])·fs/2, squared: e = d²;
 * 3. moving-window integration m = MA₁₅₀ₘₛ(e);
 * 4. candidates: local maxima of m that are the largest within ±refractory (250 ms);
 * 5. adaptive threshold THR = NPK + 0.25·(SPK − NPK), with running signal/noise peak levels
 *    SPK ← 0.125·peak + 0.875·SPK (accepted) and NPK likewise (rejected), initialised over
 *    the first 2 s as SPK = max(m)/3, NPK = mean(m)/2; search-back: when an RR exceeds 1.66×
 *    the mean of the last 8 RRs, the largest rejected candidate in the gap above THR/2 is
 *    taken as a missed beat;
 * 6. the R peak is the maximum of y within ±75 ms of the candidate, refined to sub-sample
 *    time by fitting a parabola through the three samples around it.
 *
 * Limits: no T-wave discrimination beyond the band-pass and refractory period; R waves
 * are assumed positive unless `polarity: "absolute"`.
 *
 * @module
 */
import { movingAverage } from "../stats/moving_average.ts";
import { resolveOptions } from "../stats/options.ts";
import { checkPositive, checkSignal } from "../stats/validate.ts";

/** Options of {@linkcode detectRPeaks}. */
export interface RPeakOptions {
  /** Refractory period (s): no two beats closer than this (0.25 s → at most 240 bpm). */
  refractorySeconds: number;
  /** THR = NPK + thresholdFraction·(SPK − NPK). */
  thresholdFraction: number;
  /** Length of the initial learning phase (s). */
  learningSeconds: number;
  /** Search back when an RR exceeds this multiple of the recent mean RR; 0 disables. */
  searchBackFactor: number;
  /** "positive": R is the maximum of the band-passed ECG; "absolute": of its magnitude. */
  polarity: "positive" | "absolute";
}

/** Pan–Tompkins defaults. */
export const DEFAULT_R_PEAK_OPTIONS: Readonly<RPeakOptions> = Object.freeze({
  refractorySeconds: 0.25,
  thresholdFraction: 0.25,
  learningSeconds: 2,
  searchBackFactor: 1.66,
  polarity: "positive",
});

/** Detected R peaks. */
export interface RPeaks {
  /** Sample index of each R peak, ascending. */
  indices: Int32Array;
  /** Sub-sample time of each R peak in seconds from the window start. */
  times: Float64Array;
}

function oddLength(seconds: number, sampleRate: number): number {
  const l = Math.max(1, Math.round(seconds * sampleRate));
  return l % 2 === 1 ? l : l + 1;
}

/** The QRS-enhancing band-pass of step 1 (zero phase). */
export function qrsBandPass(ecg: Float32Array, sampleRate: number): Float32Array {
  checkSignal(ecg, "qrsBandPass: ecg", 3);
  checkPositive(sampleRate, "qrsBandPass: sampleRate");
  const lp = movingAverage(ecg, oddLength(0.025, sampleRate));
  const base = movingAverage(lp, oddLength(0.12, sampleRate));
  const y = new Float32Array(ecg.length);
  for (let i = 0; i < y.length; i++) y[i] = lp[i] - base[i];
  return y;
}

/** Detects R peaks in an ECG window sampled at `sampleRate` Hz (method in the module doc). */
export function detectRPeaks(
  ecg: Float32Array,
  sampleRate: number,
  options?: Partial<RPeakOptions>,
): RPeaks {
  checkSignal(ecg, "detectRPeaks: ecg", 3);
  checkPositive(sampleRate, "detectRPeaks: sampleRate");
  const o = resolveOptions(DEFAULT_R_PEAK_OPTIONS, options, "detectRPeaks");
  if (o.polarity !== "positive" && o.polarity !== "absolute") {
    throw new Error(
      `detectRPeaks: option "polarity" must be "positive" or "absolute", got "${o.polarity}"`,
    );
  }
  checkPositive(o.refractorySeconds, "detectRPeaks: option refractorySeconds");
  checkPositive(o.learningSeconds, "detectRPeaks: option learningSeconds");
  const n = ecg.length;
  const y = qrsBandPass(ecg, sampleRate);
  const e = new Float32Array(n);
  for (let i = 1; i < n - 1; i++) {
    const d = (y[i + 1] - y[i - 1]) * sampleRate / 2;
    e[i] = d * d;
  }
  const mLen = oddLength(0.15, sampleRate);
  const m = movingAverage(e, mLen);

  // 4. candidates: local maxima that dominate ±refractory.
  const r = Math.max(1, Math.round(o.refractorySeconds * sampleRate));
  const cands: number[] = [];
  for (let i = 1; i < n - 1; i++) {
    if (!(m[i] > 0 && m[i] > m[i - 1] && m[i] >= m[i + 1])) continue;
    let dominant = true;
    for (let j = Math.max(0, i - r); j <= Math.min(n - 1, i + r) && dominant; j++) {
      if (m[j] > m[i] || (m[j] === m[i] && j < i)) dominant = false;
    }
    if (dominant) cands.push(i);
  }

  // 5. adaptive threshold with search-back.
  const learn = Math.min(n, Math.max(1, Math.round(o.learningSeconds * sampleRate)));
  let mMax = 0, mSum = 0;
  for (let i = 0; i < learn; i++) {
    mMax = Math.max(mMax, m[i]);
    mSum += m[i];
  }
  let spk = mMax / 3, npk = mSum / learn / 2;
  const thr = () => npk + o.thresholdFraction * (spk - npk);
  const beats: number[] = [];
  const rejected: number[] = [];
  for (const c of cands) {
    if (m[c] > thr()) {
      const last = beats.length ? beats[beats.length - 1] : -1;
      if (o.searchBackFactor > 0 && beats.length >= 2) {
        const recent = beats.slice(-9);
        const meanRr = (recent[recent.length - 1] - recent[0]) / (recent.length - 1);
        if (c - last > o.searchBackFactor * meanRr) {
          let best = -1;
          for (const q of rejected) {
            if (q - last >= r && c - q >= r && m[q] > thr() / 2 && (best < 0 || m[q] > m[best])) {
              best = q;
            }
          }
          if (best >= 0) {
            beats.push(best);
            spk = 0.25 * m[best] + 0.75 * spk;
          }
        }
      }
      beats.push(c);
      spk = 0.125 * m[c] + 0.875 * spk;
      rejected.length = 0;
    } else {
      npk = 0.125 * m[c] + 0.875 * npk;
      rejected.push(c);
    }
  }

  // 6. locate R on the band-passed signal, sub-sample by parabolic interpolation.
  const hw = Math.max(1, Math.round(0.075 * sampleRate));
  const score = o.polarity === "positive" ? (v: number) => v : (v: number) => Math.abs(v);
  const indices: number[] = [];
  const times: number[] = [];
  for (const b of beats) {
    let best = Math.max(0, b - hw);
    for (let j = best; j <= Math.min(n - 1, b + hw); j++) {
      if (score(y[j]) > score(y[best])) best = j;
    }
    if (indices.length && best - indices[indices.length - 1] < r) continue;
    let t = best;
    if (best > 0 && best < n - 1) {
      const a = score(y[best - 1]), c0 = score(y[best]), c1 = score(y[best + 1]);
      const den = a - 2 * c0 + c1;
      if (den < 0) t = best + (0.5 * (a - c1)) / den;
    }
    indices.push(best);
    times.push(t / sampleRate);
  }
  return { indices: Int32Array.from(indices), times: Float64Array.from(times) };
}

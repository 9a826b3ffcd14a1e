/**
 * The hand-crafted feature vector (`windowFeatures`: EEG band powers, heart rate and HRV, GSR
 * tonic level and SCRs) of every window of a window set, as one matrix.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import { FEATURE_NAMES, windowFeatures } from "../features/window_features.ts";
import { checkWindowSet } from "../learn/window_groups.ts";

/**
 * The [n, 15] row-major matrix of `windowFeatures` of each window (columns in
 * `FEATURE_NAMES` order; NaN where a window does not define a feature). The windows need
 * channels "eeg", "ecg" and "gsr"; compute it on windows that are not normalised
 * (`makeWindows(..., { normalize: "none" })`) so that the features keep their units (µV², bpm,
 * µS) — the same windows, in the same order, as the normalised set used for learning.
 */
export function windowFeatureMatrix(ws: WindowSet): Float32Array {
  const fn = "windowFeatureMatrix";
  checkWindowSet(fn, ws);
  for (const ch of ["eeg", "ecg", "gsr"]) {
    if (!ws.channels.includes(ch)) {
      throw new Error(`${fn}: the windows lack channel "${ch}" (have ${ws.channels.join(", ")})`);
    }
  }
  const F = FEATURE_NAMES.length, L = ws.length, C = ws.channels.length;
  const out = new Float32Array(ws.n * F);
  const signals = ws.channels.map(() => new Float32Array(L));
  for (let i = 0; i < ws.n; i++) {
    const base = i * L * C;
    for (let t = 0; t < L; t++) {
      for (let c = 0; c < C; c++) signals[c][t] = ws.x[base + t * C + c];
    }
    out.set(
      windowFeatures({ sampleRate: ws.sampleRate, channels: ws.channels, signals }),
      i * F,
    );
  }
  return out;
}

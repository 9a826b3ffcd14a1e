import { assert, assertClose } from "../_assert.ts";
import { Rng } from "../../lib/random/rng.ts";
import { MODE_PHYSIOLOGY, MODES, NO_SHIFT } from "../../lib/device/mod.ts";
import { generateEcg } from "../../lib/device/signals/ecg.ts";
import { generateGsr } from "../../lib/device/signals/gsr.ts";
import type { DriverProfile } from "../../lib/device/physiology.ts";

const average: DriverProfile = {
  alphaFrequency: 10,
  eegScale: 1,
  heartRateScale: NO_SHIFT.heartRateScale,
  hrvScale: 1,
  rAmplitude: 1.2,
  sclScale: 1,
  scrRateScale: 1,
  scrAmplitude: 0.25,
};
const FS = 128;

function constant(mode: number, seconds: number): Uint8Array {
  return new Uint8Array(seconds * FS).fill(mode);
}

Deno.test("generateEcg() beats at the mode's heart rate and HRV grows towards sleep", () => {
  const rmssd: number[] = [];
  MODES.forEach((m, k) => {
    const { rPeaks } = generateEcg(constant(k, 600), FS, average, new Rng(k));
    const rr = Array.from(rPeaks.subarray(1), (t, i) => t - rPeaks[i]);
    const hr = 60 / (rr.reduce((a, b) => a + b, 0) / rr.length);
    assertClose(hr, MODE_PHYSIOLOGY[m].heartRate, { rtol: 0.03 }, `${m} heart rate`);
    const d = rr.slice(1).map((x, i) => x - rr[i]);
    const r = 1000 * Math.sqrt(d.reduce((a, b) => a + b * b, 0) / d.length);
    // The RR model aims at the mode's RMSSD; allow 30 %.
    assertClose(r, MODE_PHYSIOLOGY[m].rmssd, { rtol: 0.3 }, `${m} RMSSD`);
    rmssd.push(r);
  });
  assert.ok(rmssd[0] < rmssd[2] && rmssd[2] < rmssd[3], `RMSSD ${rmssd}`);
});

Deno.test("generateGsr() has fewer SCRs and a lower level asleep than alert", () => {
  const alert = generateGsr(constant(0, 1200), FS, average, new Rng(1));
  const asleep = generateGsr(constant(3, 1200), FS, average, new Rng(2));
  // Poisson counts over 20 min: 8/min → 160 ± 13, 1/min → 20 ± 4.5.
  assertClose(alert.scrOnsets.length, 160, { atol: 40 });
  assertClose(asleep.scrOnsets.length, 20, { atol: 14 });
  const mean = (x: Float32Array) => x.reduce((a, b) => a + b, 0) / x.length;
  assert.ok(mean(asleep.signal) < mean(alert.signal) - 3);
});

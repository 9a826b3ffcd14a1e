import { detectRPeaks, qrsBandPass } from "../../lib/features/r_peaks.ts";
import { heartRateVariability } from "../../lib/features/heart_rate.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { sine } from "../stats/_signals.ts";
import { syntheticEcg } from "./_synth.ts";

function rmssdMs(t: ArrayLike<number>): number {
  let s = 0;
  for (let i = 2; i < t.length; i++) s += (t[i] - 2 * t[i - 1] + t[i - 2]) ** 2;
  return 1000 * Math.sqrt(s / (t.length - 2));
}

Deno.test("detectRPeaks() finds every R peak of a synthetic ECG within 5 ms", () => {
  for (const fs of [128, 256]) {
    const { ecg, rTimes } = syntheticEcg(`ecg-${fs}`, fs, 60);
    const { indices, times } = detectRPeaks(ecg, fs);
    assert.equal(times.length, rTimes.length, `fs ${fs}: beats`);
    times.forEach((t, k) => assertClose(t, rTimes[k], { atol: 0.005 }, `fs ${fs} beat ${k}`));
    indices.forEach((i, k) => assert.ok(Math.abs(i / fs - times[k]) <= 0.5 / fs));
  }
});

Deno.test("detectRPeaks() gives the heart rate within 1 bpm and RMSSD within 2 ms", () => {
  for (const [meanRr, rrSd] of [[0.8, 0.03], [1.1, 0.05], [0.5, 0.01]]) {
    const { ecg, rTimes } = syntheticEcg(`ecg-hrv-${meanRr}`, 256, 120, { meanRr, rrSd });
    const hrv = heartRateVariability(detectRPeaks(ecg, 256).times);
    const trueHr = (60 * (rTimes.length - 1)) / (rTimes[rTimes.length - 1] - rTimes[0]);
    assertClose(hrv.heartRate, trueHr, { atol: 1 }, `RR ${meanRr}`);
    assertClose(hrv.rmssd, rmssdMs(rTimes), { atol: 2 }, `RR ${meanRr}`);
  }
});

Deno.test("detectRPeaks() searches back for a low beat the threshold missed", () => {
  const low = (k: number) => (k === 20 ? 0.45 : 1); // QRS energy ≈ 0.2 of the others
  const { ecg, rTimes } = syntheticEcg("ecg-low", 256, 40, { scale: low });
  assert.equal(detectRPeaks(ecg, 256).times.length, rTimes.length);
  assert.equal(detectRPeaks(ecg, 256, { searchBackFactor: 0 }).times.length, rTimes.length - 1);
});

Deno.test("detectRPeaks() finds inverted R waves with polarity 'absolute'", () => {
  const { ecg, rTimes } = syntheticEcg("ecg-inv", 256, 30);
  const { times } = detectRPeaks(ecg.map((v) => -v), 256, { polarity: "absolute" });
  assert.equal(times.length, rTimes.length);
  times.forEach((t, k) => assertClose(t, rTimes[k], { atol: 0.005 }));
});

Deno.test("detectRPeaks() finds no beats in flat or slow signals", () => {
  assert.equal(detectRPeaks(new Float32Array(256 * 10), 256).times.length, 0);
  assert.ok(detectRPeaks(sine(256 * 10, 256, 0.3, 1), 256).times.length <= 1);
});

Deno.test("qrsBandPass() removes DC and baseline wander", () => {
  const y = qrsBandPass(sine(2560, 256, 0.25, 1).map((v) => v + 5), 256);
  let max = 0;
  for (let i = 100; i < y.length - 100; i++) max = Math.max(max, Math.abs(y[i]));
  assert.ok(max < 0.01, `residual ${max}`);
});

Deno.test("detectRPeaks() rejects a bad polarity", () => {
  assertThrowsWith(
    () => detectRPeaks(new Float32Array(100), 256, { polarity: "up" as "positive" }),
    "polarity",
    '"up"',
  );
});

import { channelNoiseMetrics } from "../../lib/stats/channel_noise.ts";
import { bandPower } from "../../lib/stats/band_power.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { add, sine, white } from "./_signals.ts";

const fs = 256, n = fs * 120;
// Slow content (1 Hz, 0.25 Hz) so first differences stay noise-dominated. Var = 50 + 8 = 58.
const clean = add(sine(n, fs, 1, 10), sine(n, fs, 0.25, 4));
const w = white(n, 1, "channel-noise");
const sensed = clean.map((v, i) => 1.2 * v + 0.5 + w[i]);

Deno.test("channelNoiseMetrics() gets SNR, gain and noise right against ground truth", () => {
  const m = channelNoiseMetrics(sensed, clean, fs);
  // Gain-corrected: Var(1.2·clean)/σ² = 1.44·58 → 19.22 dB.
  assertClose(m.snrDb!, 10 * Math.log10(1.44 * 58), { atol: 0.05 });
  // Raw: noise = 0.2·clean + 0.5 + w, MS = 0.04·58 + 0.25 + 1 = 3.57 → 12.11 dB.
  assertClose(m.snrDbRaw!, 10 * Math.log10(58 / 3.57), { atol: 0.05 });
  assertClose(m.gain!, 1.2, { atol: 0.002 });
  assertClose(m.offset!, 0.5, { atol: 0.02 });
  assertClose(m.noiseRms!, 1, { rtol: 0.01 });
  assertClose(m.kurtosis!, 0, { atol: 0.1 });
  assert.equal(m.artifactRate, 0);
  assertClose(bandPower(m.noisePsd!, 0, Infinity), 1, { rtol: 0.03 });
  // Δx also holds the 1 Hz sine's slope (amplitude 12·2π/256): σ̂² ≈ 1 + 0.295²/4.
  assertClose(m.madDiffSigma, Math.sqrt(1 + 0.295 ** 2 / 4), { rtol: 0.03 });
  assert.equal(m.clipFraction, 0);
});

Deno.test("channelNoiseMetrics() with correctGain off measures the raw difference", () => {
  const m = channelNoiseMetrics(sensed, clean, fs, { correctGain: false });
  assertClose(m.noiseRms!, Math.sqrt(3.57), { rtol: 0.01 });
  assert.equal(m.gain, 1);
  assertClose(m.snrDb!, 10 * Math.log10(1.44 * 58), { atol: 0.05 }); // reported both ways
});

Deno.test("channelNoiseMetrics() without ground truth leaves those metrics null", () => {
  const m = channelNoiseMetrics(sensed, null, fs);
  for (const k of ["snrDb", "snrDbRaw", "gain", "noiseRms", "drift", "kurtosis", "noisePsd"]) {
    assert.equal(m[k as keyof typeof m], null, k);
  }
  assertClose(m.madDiffSigma, Math.sqrt(1 + 0.295 ** 2 / 4), { rtol: 0.03 });
  assert.equal(m.sensedPsd.sampleRate, fs);
});

Deno.test("channelNoiseMetrics() rejects a clean signal of another length", () => {
  assertThrowsWith(
    () => channelNoiseMetrics(sensed, clean.subarray(1), fs),
    "channelNoiseMetrics",
    `got ${n} and ${n - 1}`,
  );
});

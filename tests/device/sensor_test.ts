import { assert, assertClose } from "../_assert.ts";
import { Rng } from "../../lib/random/rng.ts";
import {
  deviceConfig,
  generateRecording,
  senseChannel,
  SENSOR_PRESETS,
  throughSensor,
} from "../../lib/device/mod.ts";
import { noiseStudy } from "../../lib/stats/noise_study.ts";
import type { ChannelNoise } from "../../lib/device/sensor.ts";

const silent: ChannelNoise = {
  gain: 1,
  offset: 0,
  highpass: null,
  lowpass: 1e9,
  wander: 0,
  wanderBand: 0.3,
  white: 0,
  pink: 0,
  mains: 0,
  range: [-1e6, 1e6],
  bits: 24,
  motion: 0,
  pop: 0,
};

Deno.test("senseChannel() returns the clean signal when the sensor adds nothing", () => {
  const clean = Float32Array.from({ length: 2000 }, (_, i) => Math.sin(i / 7) * 10);
  const out = senseChannel(clean, 128, silent, 50, [], 0, new Rng(1));
  assert.deepEqual(out, clean);
});

Deno.test("senseChannel() applies gain and offset, clips at the ADC range and quantises", () => {
  const clean = Float32Array.from({ length: 1000 }, (_, i) => (i - 500) / 10);
  const noise = { ...silent, gain: 2, offset: 1, range: [-40, 40] as const, bits: 6 };
  const out = senseChannel(clean, 128, noise, 50, [], 0, new Rng(1));
  const step = 80 / 64;
  for (let i = 0; i < out.length; i++) {
    const expected = Math.min(40, Math.max(-40, 2 * clean[i] + 1));
    assert.ok(Math.abs(out[i] - expected) <= step / 2 + 1e-5, `sample ${i}`);
    const k = (out[i] + 40) / step;
    assertClose(k, Math.round(k), { atol: 1e-4 }, `sample ${i} on the ADC grid`);
  }
  assert.equal(out[0], -40);
  assert.equal(out[999], 40);
});

Deno.test("senseChannel() adds white noise of the configured RMS", () => {
  const clean = new Float32Array(20000);
  const out = senseChannel(clean, 256, { ...silent, white: 3 }, 50, [], 0, new Rng(5));
  const rms = Math.sqrt(out.reduce((a, b) => a + b * b, 0) / out.length);
  assertClose(rms, 3, { rtol: 0.03 });
});

Deno.test("the sensors' EEG and ECG SNR order is as designed: A > D > B ≫ C", () => {
  const cfg = deviceConfig({ seed: 3 }, { scale: 0.4 });
  const exp = cfg.experiments[0];
  const base = generateRecording(cfg, { ...exp, duration: 180 }, 0, 1).recording;
  const recs = Object.keys(SENSOR_PRESETS).map((s, k) => ({
    ...throughSensor(base, s, 10 + k),
    meta: { ...base.meta, experiment: s, sensor: s, sampleRate: SENSOR_PRESETS[s].sampleRate },
  }));
  const rows = noiseStudy(recs);
  const snr = (sensor: string, ch: string) =>
    rows.find((r) => r.sensor === sensor && r.channel === ch)!.snrDb!.mean;
  const order = ["A-reference", "D-clinical", "B-dry", "C-wearable"];
  for (const ch of ["eeg", "ecg"]) {
    const s = order.map((name) => snr(name, ch));
    assert.ok(s[0] > s[1] && s[1] > s[2] && s[2] > s[3], `${ch} SNR ${s}`);
    // "Much more noise": C's noise RMS is at least twice that of every other sensor (designed: ≈ 2.5–4×).
    const rms = order.map((name) =>
      rows.find((r) => r.sensor === name && r.channel === ch)!.noiseRms!.mean
    );
    for (const x of rms.slice(0, 3)) assert.ok(rms[3] > 2 * x, `${ch} noise RMS ${rms}`);
  }
});

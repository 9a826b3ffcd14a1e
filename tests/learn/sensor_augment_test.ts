import {
  resolveSensorSimulationOptions,
  SENSOR_SIMULATION_DEFAULTS,
  sensorSimulation,
} from "../../lib/learn/sensor_augment.ts";
import type { ChannelNoise, SensorModel } from "../../lib/device/sensor.ts";
import { mainsPeak } from "../../lib/stats/mains_peak.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";

const QUIET: ChannelNoise = {
  gain: 1,
  offset: 0,
  highpass: null,
  lowpass: 1000,
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

/** A test sensor without recording-to-recording variation. */
function sensor(
  name: string,
  channels: Record<string, Partial<ChannelNoise>>,
  mainsFrequency: 50 | 60 = 50,
): SensorModel {
  return {
    name,
    description: "test",
    sampleRate: 256,
    mainsFrequency,
    motionRate: 0,
    popRate: 0,
    variation: 0,
    channels: Object.fromEntries(
      Object.entries(channels).map(([k, v]) => [k, { ...QUIET, ...v }]),
    ),
  };
}

/** Channel c of a [length, channels] window. */
function channelOf(w: Float32Array, channels: number, c: number): Float32Array {
  const out = new Float32Array(w.length / channels);
  for (let t = 0; t < out.length; t++) out[t] = w[t * channels + c];
  return out;
}

function meanSquare(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s / x.length;
}

/** Amplitude of the sinusoid at `f` Hz in x (exact when the window holds whole periods). */
function amplitudeAt(x: Float32Array, f: number, fs: number): number {
  let re = 0, im = 0;
  for (let t = 0; t < x.length; t++) {
    re += x[t] * Math.cos(2 * Math.PI * f * t / fs);
    im += x[t] * Math.sin(2 * Math.PI * f * t / fs);
  }
  return 2 * Math.hypot(re, im) / x.length;
}

function sineWindow(length: number, channels: number, fs: number): Float32Array {
  const w = new Float32Array(length * channels);
  for (let t = 0; t < length; t++) {
    for (let c = 0; c < channels; c++) {
      w[t * channels + c] = (c + 1) * Math.sin(2 * Math.PI * 3 * t / fs);
    }
  }
  return w;
}

Deno.test("sensorSimulation() adds white noise of the sensor's variance in absolute units", () => {
  const s = sensor("W", { eeg: { white: 2 }, ecg: { white: 0.5 } });
  const aug = sensorSimulation({
    channels: ["eeg", "ecg"],
    sensors: [s],
    amplitude: "absolute",
  });
  const length = 20000;
  const w = new Float32Array(length * 2);
  const out = aug(w, length, 2, new Rng(1));
  // Variance of n = 20000 normals has relative sd √(2/n) = 1 %; allow 5 %.
  assertClose(meanSquare(channelOf(out, 2, 0)), 4, { rtol: 0.05 }, "eeg variance");
  assertClose(meanSquare(channelOf(out, 2, 1)), 0.25, { rtol: 0.05 }, "ecg variance");
});

Deno.test("sensorSimulation() adds 1/f noise of exactly the sensor's RMS, correlated in time", () => {
  const aug = sensorSimulation({
    channels: ["eeg"],
    sensors: [sensor("P", { eeg: { pink: 3 } })],
    amplitude: "absolute",
  });
  const out = aug(new Float32Array(4096), 4096, 1, new Rng(2));
  assertClose(Math.sqrt(meanSquare(out)), 3, { rtol: 1e-5 }, "pink RMS");
  let lag1 = 0;
  for (let t = 1; t < out.length; t++) lag1 += out[t] * out[t - 1];
  // White noise has lag-1 autocorrelation ≈ 0; Kellet's pink noise about 0.8.
  assert.ok(lag1 / (out.length - 1) / meanSquare(out) > 0.5, "pink noise is not correlated");
});

Deno.test("sensorSimulation() puts mains at the sensor's 50 or 60 Hz, attenuated by its low-pass", () => {
  const fs = 256, length = 2560; // whole periods of 50 and 60 Hz
  for (const f of [50, 60] as const) {
    const aug = sensorSimulation({
      channels: ["eeg"],
      sampleRate: fs,
      sensors: [sensor(`M${f}`, { eeg: { mains: 1, lowpass: 100 } }, f)],
      amplitude: "absolute",
    });
    const out = aug(new Float32Array(length), length, 1, new Rng(3));
    const peak = mainsPeak(out, fs);
    assert.equal(peak.frequency, f);
    // |H(f)| of the forward–backward 4th-order low-pass at 100 Hz: 1/(1 + (f/100)^8).
    assertClose(amplitudeAt(out, f, fs), 1 / (1 + (f / 100) ** 8), { atol: 1e-3 }, `${f} Hz`);
    // The third harmonic (150/180 Hz) lies above the 128 Hz Nyquist frequency: left out.
    assertClose(amplitudeAt(out, 110 - f, fs), 0, { atol: 1e-3 }, "other frequencies");
  }
  const c = sensorSimulation({
    channels: ["eeg"],
    sampleRate: fs,
    sensors: [sensor("C", { eeg: { mains: 1, lowpass: 45 } })],
    amplitude: "absolute",
  });
  const out = c(new Float32Array(length), length, 1, new Rng(4));
  assertClose(amplitudeAt(out, 50, fs), 1 / (1 + (50 / 45) ** 8), { atol: 1e-3 }, "45 Hz low-pass");
});

Deno.test("sensorSimulation() drift has the wander RMS on average and vanishes behind a high-pass", () => {
  const fs = 32, length = 32 * 20;
  const drift = (highpass: number | null) => {
    const aug = sensorSimulation({
      channels: ["gsr"],
      sampleRate: fs,
      sensors: [sensor("D", { gsr: { wander: 0.5, highpass } })],
      amplitude: "absolute",
    });
    const rng = new Rng(5);
    let ms = 0, step = 0;
    const views = 300;
    for (let v = 0; v < views; v++) {
      const out = aug(new Float32Array(length), length, 1, rng);
      ms += meanSquare(out) / views;
      for (let t = 1; t < length; t++) step = Math.max(step, Math.abs(out[t] - out[t - 1]));
    }
    return { rms: Math.sqrt(ms), step };
  };
  const dc = drift(null);
  // E[sin²] = ½ for a uniform phase, so the expected mean square is wander² exactly.
  assertClose(dc.rms, 0.5, { rtol: 0.1 }, "drift RMS");
  // Four sinusoids of amplitude 0.5·√(2/4) below 0.3 Hz change by at most Σ a·2π·0.3/fs per
  // sample (white noise of the same RMS would jump by about 0.7 on average).
  const bound = 4 * 0.5 * Math.sqrt(2 / 4) * 2 * Math.PI * 0.3 / fs;
  assert.ok(dc.step <= bound, `drift is not slow: step ${dc.step} > ${bound}`);
  assert.ok(drift(0.5).rms < 0.05, "a 0.5 Hz high-pass should remove most of the drift");
});

Deno.test("sensorSimulation() applies gain and offset exactly, scaled by strength", () => {
  const s = sensor("G", { eeg: { gain: 1.5, offset: 2 }, ecg: { gain: 0.8, offset: -1 } });
  const w = sineWindow(64, 2, 64);
  const at = (strength: number) =>
    sensorSimulation({ channels: ["eeg", "ecg"], sensors: [s], amplitude: "absolute", strength })(
      w,
      64,
      2,
      new Rng(6),
    );
  const expected = (g: number[], o: number[]) => w.map((v, i) => g[i % 2] * v + o[i % 2]);
  assertAllClose(at(1), expected([1.5, 0.8], [2, -1]), { atol: 1e-5 });
  assertAllClose(at(0.5), expected([Math.sqrt(1.5), Math.sqrt(0.8)], [1, -0.5]), { atol: 1e-5 });
  assert.deepEqual(at(0), w, "strength 0 must be the identity");
});

Deno.test("sensorSimulation() relative amplitudes follow the window's sd and commute with scaling", () => {
  const s = sensor("R", { eeg: { white: 2, offset: 1, mains: 1, pink: 1, wander: 1, gain: 1.1 } });
  const o = { channels: ["eeg"], sensors: [s], typicalSd: { eeg: 4 } };
  const length = 8192;
  const w = sineWindow(length, 1, 256); // sd 1/√2
  const a = sensorSimulation(o)(w, length, 1, new Rng(7));
  const b = sensorSimulation(o)(w.map((v) => 10 * v), length, 1, new Rng(7));
  assertAllClose(b, a.map((v) => 10 * v), { atol: 1e-4, rtol: 1e-5 }, "scale equivariance");
  const white = sensorSimulation({ ...o, sensors: [sensor("W", { eeg: { white: 2 } })] })(
    w,
    length,
    1,
    new Rng(8),
  );
  const noise = white.map((v, i) => v - w[i]);
  // k = sd(window)/typicalSd = (1/√2)/4, so the noise sd is 2k.
  assertClose(Math.sqrt(meanSquare(noise)), 2 * Math.SQRT1_2 / 4, { rtol: 0.05 }, "noise sd");
});

Deno.test("sensorSimulation() renormalize gives each channel mean 0 and sd 1", () => {
  const aug = sensorSimulation({ channels: ["eeg", "ecg", "gsr"], renormalize: true });
  const out = aug(sineWindow(256, 3, 256), 256, 3, new Rng(9));
  for (let c = 0; c < 3; c++) {
    const x = channelOf(out, 3, c);
    const mean = x.reduce((p, v) => p + v, 0) / x.length;
    assertClose(mean, 0, { atol: 1e-5 }, `mean ${c}`);
    assertClose(Math.sqrt(meanSquare(x.map((v) => v - mean))), 1, { atol: 1e-4 }, `sd ${c}`);
  }
});

Deno.test("sensorSimulation() draws among its sensors, per view", () => {
  const aug = sensorSimulation({
    channels: ["eeg"],
    sensors: [
      sensor("M50", { eeg: { mains: 1 } }, 50),
      sensor("M60", { eeg: { mains: 1 } }, 60),
    ],
    amplitude: "absolute",
  });
  const rng = new Rng(10);
  const seen = new Map<number, number>();
  for (let v = 0; v < 40; v++) {
    const f = mainsPeak(aug(new Float32Array(1024), 1024, 1, rng), 256).frequency!;
    seen.set(f, (seen.get(f) ?? 0) + 1);
  }
  assert.deepEqual([...seen.keys()].sort(), [50, 60]);
  // Binomial(40, ½): both counts lie in [10, 30] with probability > 0.998.
  for (const n of seen.values()) assert.ok(n >= 10 && n <= 30, `unbalanced picks: ${n}`);
});

Deno.test("sensorSimulation() is seeded, pure, and defaults to the four presets", () => {
  for (const draw of ["preset", "span"] as const) {
    const aug = sensorSimulation({ draw });
    const w = sineWindow(256, 3, 256);
    const copy = w.slice();
    const a = aug(w, 256, 3, new Rng(11));
    assert.deepEqual(aug(w, 256, 3, new Rng(11)), a, `${draw}: same seed`);
    assert.notDeepEqual(aug(w, 256, 3, new Rng(12)), a, `${draw}: other seed`);
    assert.deepEqual(w, copy, `${draw}: input modified`);
    assert.ok(a.every(Number.isFinite));
  }
  assert.deepEqual(SENSOR_SIMULATION_DEFAULTS.sensors, [
    "A-reference",
    "B-dry",
    "C-wearable",
    "D-clinical",
  ]);
});

Deno.test("sensorSimulation() rejects bad options and mismatched windows", () => {
  assertThrowsWith(() => sensorSimulation({ gain: 2 } as never), "unknown option 'gain'");
  assertThrowsWith(() => sensorSimulation({ strength: -1 }), "option strength", "≥ 0");
  assertThrowsWith(() => sensorSimulation({ sampleRate: 0 }), "option sampleRate");
  assertThrowsWith(() => sensorSimulation({ draw: "all" as never }), "option draw", '"preset"');
  assertThrowsWith(
    () => sensorSimulation({ sensors: ["Z-phone"] }),
    "Unknown sensor preset 'Z-phone'",
  );
  assertThrowsWith(() => sensorSimulation({ sensors: [] }), "option sensors");
  assertThrowsWith(
    () => sensorSimulation({ channels: ["eeg", "temp"], amplitude: "absolute" }),
    "sensor 'A-reference' has no channel 'temp'",
  );
  assertThrowsWith(
    () => sensorSimulation({ typicalSd: { eeg: 12, ecg: 0.2 } }),
    "option typicalSd.gsr",
  );
  assertThrowsWith(
    () => sensorSimulation()(new Float32Array(20), 10, 2, new Rng(1)),
    "window has 2 channels",
    "eeg, ecg, gsr",
  );
  assertThrowsWith(
    () => sensorSimulation()(new Float32Array([0, 0, NaN]), 1, 3, new Rng(1)),
    "sensorSimulation: window sample 0, channel 2 is NaN",
  );
  assertThrowsWith(
    () => resolveSensorSimulationOptions(null as never),
    "options must be an object",
  );
});

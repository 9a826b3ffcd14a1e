import { assert, assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";
import { makeWindows } from "../../lib/data/windows.ts";
import { resampledLength, resampleRecording } from "../../lib/data/resample.ts";
import type { Recording } from "../../lib/data/recording.ts";
import { meanStd } from "../../lib/data/zscore.ts";
import { syntheticRecording } from "./_fixtures.ts";

/** 10 samples at 2 Hz; a[i] = i, b[i] = 100 + i; modes 0,0,0,0,1,1,1,1,1,2. */
function recA(): Recording {
  const n = 10;
  return {
    meta: {
      experiment: "e1",
      sensor: "s1",
      driver: "e1-d01",
      session: "s1",
      sampleRate: 2,
      channels: ["a", "b"],
    },
    time: Float64Array.from({ length: n }, (_, i) => i / 2),
    modes: Uint8Array.of(0, 0, 0, 0, 1, 1, 1, 1, 1, 2),
    signals: [
      Float32Array.from({ length: n }, (_, i) => i),
      Float32Array.from({ length: n }, (_, i) => 100 + i),
    ],
    clean: [new Float32Array(n).fill(-1), new Float32Array(n).fill(-2)],
  };
}

/** 5 unlabelled samples at 2 Hz starting at t = 10 s, channels in the other order. */
function recB(): Recording {
  return {
    meta: {
      experiment: "e2",
      sensor: "s3-noisy",
      driver: "e2-d07",
      session: "s2",
      sampleRate: 2,
      channels: ["b", "a"],
    },
    time: Float64Array.from({ length: 5 }, (_, i) => 10 + i / 2),
    modes: null,
    signals: [Float32Array.of(50, 51, 52, 53, 54), Float32Array.of(-1, -2, -3, -4, -5)],
    clean: null,
  };
}

Deno.test("makeWindows() with the pure policy keeps only single-mode windows (worked by hand)", () => {
  const ws = makeWindows([recA()], { length: 3, stride: 2 });
  // Starts 0, 2, 4, 6; the window at 2 spans modes 0,0,1 and is dropped.
  assert.equal(ws.n, 3);
  assert.equal(ws.length, 3);
  assert.deepEqual(ws.channels, ["a", "b"]);
  assert.equal(ws.sampleRate, 2);
  assert.deepEqual(Array.from(ws.labels), [0, 1, 1]);
  assert.deepEqual(Array.from(ws.x), [
    0,
    100,
    1,
    101,
    2,
    102,
    4,
    104,
    5,
    105,
    6,
    106,
    6,
    106,
    7,
    107,
    8,
    108,
  ]);
  assert.deepEqual(ws.meta.map((m) => [m.startSample, m.start]), [[0, 0], [4, 2], [6, 3]]);
  assert.deepEqual(ws.meta[0], {
    recording: 0,
    experiment: "e1",
    sensor: "s1",
    driver: "e1-d01",
    session: "s1",
    start: 0,
    startSample: 0,
  });
});

Deno.test("makeWindows() with the majority policy keeps every window and breaks ties low", () => {
  const ws = makeWindows([recA()], { length: 3, stride: 2, labelPolicy: "majority" });
  assert.deepEqual(Array.from(ws.labels), [0, 0, 1, 1]); // window at 2: modes 0,0,1 → 0
  const pairs = makeWindows([recA()], { length: 2, stride: 1, labelPolicy: "majority" });
  assert.equal(pairs.n, 9);
  // Window at 3 is modes 0,1 (tie → 0); window at 8 is modes 1,2 (tie → 1).
  assert.equal(pairs.labels[3], 0);
  assert.equal(pairs.labels[8], 1);
  const purePairs = makeWindows([recA()], { length: 2, stride: 1 });
  assert.deepEqual(purePairs.meta.map((m) => m.startSample), [0, 1, 2, 4, 5, 6, 7]);
});

Deno.test("makeWindows() labels unlabelled recordings -1, selects channels by name and order", () => {
  const ws = makeWindows([recA(), recB()], { length: 3, channels: ["b", "a"] });
  // recA: starts 0, 3, 6 (stride = length); 3..5 spans modes 0,1,1 → dropped. recB: start 0.
  assert.deepEqual(ws.meta.map((m) => [m.recording, m.startSample]), [[0, 0], [0, 6], [1, 0]]);
  assert.deepEqual(Array.from(ws.labels), [0, 1, -1]);
  assert.deepEqual(Array.from(ws.x.subarray(0, 6)), [100, 0, 101, 1, 102, 2]);
  assert.deepEqual(Array.from(ws.x.subarray(12, 18)), [50, -1, 51, -2, 52, -3]);
  assert.equal(ws.meta[2].start, 10);
  assert.equal(ws.meta[2].sensor, "s3-noisy");
  const onlyA = makeWindows([recB()], { length: 5, channels: ["a"] });
  assert.deepEqual(Array.from(onlyA.x), [-1, -2, -3, -4, -5]);
});

Deno.test("makeWindows() cuts the clean signals when asked, and refuses when there are none", () => {
  const ws = makeWindows([recA()], { length: 4, source: "clean" });
  assert.deepEqual(Array.from(ws.x.subarray(0, 4)), [-1, -2, -1, -2]);
  assertThrowsWith(
    () => makeWindows([recB()], { length: 4, source: "clean" }),
    "recording 0",
    "clean signals",
  );
});

Deno.test("makeWindows() gives no windows for a recording shorter than one window", () => {
  const ws = makeWindows([recB()], { length: 6 });
  assert.equal(ws.n, 0);
  assert.equal(ws.x.length, 0);
  assert.equal(ws.labels.length, 0);
});

Deno.test("makeWindows() with window normalisation gives each window-channel mean 0 and sd 1", () => {
  const rec = syntheticRecording({ n: 2048, mode: null, seed: 4 });
  rec.signals[2].fill(3.5); // a constant channel becomes zeros
  const ws = makeWindows([rec], { length: 128, stride: 64, normalize: "window" });
  assert.equal(ws.n, 31); // starts 0, 64, …, 1920
  for (let i = 0; i < ws.n; i++) {
    for (let c = 0; c < 2; c++) {
      const { mean, std } = meanStd(ws.x, i * 128 * 3 + c, 128, 3);
      assertClose(mean, 0, { atol: 1e-6 });
      assertClose(std, 1, { atol: 1e-5 });
    }
    const { mean, std } = meanStd(ws.x, i * 128 * 3 + 2, 128, 3);
    assert.deepEqual([mean, std], [0, 0]);
  }
});

Deno.test("makeWindows() with recording normalisation z-scores each channel over its recording", () => {
  const a = syntheticRecording({ n: 1024, mode: null, seed: 8 });
  const b = syntheticRecording({ n: 512, mode: null, seed: 9, driver: "e1-d02" });
  b.signals[0] = b.signals[0].map((v) => 1000 + 5 * v);
  const ws = makeWindows([a, b], { length: 256, normalize: "recording" });
  assert.equal(ws.n, 6);
  // The windows tile each recording exactly, so per recording and channel: mean 0, sd 1.
  for (const [first, count] of [[0, 4], [4, 2]]) {
    for (let c = 0; c < 3; c++) {
      const { mean, std } = meanStd(ws.x, first * 256 * 3 + c, count * 256, 3);
      assertClose(mean, 0, { atol: 1e-5 });
      assertClose(std, 1, { atol: 1e-5 });
    }
  }
  // …but single windows are not z-scored one by one.
  const w0 = meanStd(ws.x, 0, 256, 3);
  assert.ok(Math.abs(w0.mean) > 1e-4 || Math.abs(w0.std - 1) > 1e-3);
});

Deno.test("makeWindows() resamples recordings to the requested rate", () => {
  const fast = syntheticRecording({ n: 2560, sampleRate: 256, mode: (i) => (i < 1280 ? 0 : 2) });
  const slow = syntheticRecording({ n: 640, sampleRate: 64, driver: "e1-d09", mode: null });
  const ws = makeWindows([fast, slow], { length: 64, sampleRate: 64 });
  assert.equal(ws.sampleRate, 64);
  assert.equal(resampledLength(2560, 256, 64), 640); // floor(2559 / 4) + 1
  // fast → 640 samples: starts 0 … 576 (10 windows); the switch at input 1280 lands on
  // output 320, the start of window 5.
  const fromFast = ws.meta.filter((w) => w.recording === 0);
  assert.equal(fromFast.length, 10);
  assert.deepEqual(Array.from(ws.labels.subarray(0, 10)), [0, 0, 0, 0, 0, 2, 2, 2, 2, 2]);
  assertClose(fromFast[5].start, 320 / 64, { atol: 1e-12 });
  assert.equal(ws.n, 10 + 10);
  // The slow recording is already at 64 Hz: its values come through unchanged.
  assertAllClose(ws.x.subarray(10 * 64 * 3, 10 * 64 * 3 + 3), [
    slow.signals[0][0],
    slow.signals[1][0],
    slow.signals[2][0],
  ], { atol: 0 });
});

Deno.test("makeWindows() at another rate equals windowing the resampled recording", () => {
  const rec = syntheticRecording({
    n: 3000,
    sampleRate: 256,
    t0: 4,
    mode: (i) => (i < 1000 ? 1 : 2),
  });
  const a = makeWindows([rec], {
    length: 50,
    stride: 20,
    sampleRate: 100,
    channels: ["gsr", "eeg"],
  });
  const b = makeWindows([resampleRecording(rec, 100)], {
    length: 50,
    stride: 20,
    channels: ["gsr", "eeg"],
  });
  assert.deepEqual(a, b);
  assert.ok(a.n > 40);
});

Deno.test("makeWindows() refuses mixed rates without sampleRate, missing channels and no recordings", () => {
  const a = syntheticRecording({ n: 512, sampleRate: 256 });
  const b = syntheticRecording({ n: 512, sampleRate: 128, driver: "e1-d05" });
  assertThrowsWith(
    () => makeWindows([a, b], { length: 64 }),
    "different sample rates (256 Hz in e1/s1/e1-d01/s1, 128 Hz in e1/s1/e1-d05/s1); set option sampleRate",
  );
  assertThrowsWith(
    () => makeWindows([a], { length: 64, channels: ["eeg", "emg"] }),
    "recording 0 (e1/s1/e1-d01/s1): no channel 'emg'; it has eeg, ecg, gsr",
  );
  assertThrowsWith(() => makeWindows([], {}), "expected at least one recording");
  const nan = syntheticRecording({ n: 64 });
  nan.signals[0][5] = NaN;
  assertThrowsWith(
    () => makeWindows([nan], { length: 8 }),
    "makeWindows: recording 0",
    "signals[0] (eeg)[5]",
  );
});

Deno.test("makeWindows() refuses unknown options and bad option values", () => {
  const a = syntheticRecording({ n: 64 });
  // deno-lint-ignore no-explicit-any
  assertThrowsWith(() => makeWindows([a], { lenght: 8 } as any), "unknown option 'lenght'");
  assertThrowsWith(
    () => makeWindows([a], { length: 0 }),
    "option length: expected a positive whole number, got 0",
  );
});

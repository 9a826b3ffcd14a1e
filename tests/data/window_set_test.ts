import { assert, assertThrowsWith } from "../_assert.ts";
import {
  getWindow,
  getWindowChannel,
  selectWindows,
  takeWindows,
  type WindowSet,
} from "../../lib/data/window_set.ts";

/** 3 windows × 2 samples × 2 channels; value = 100·window + 10·sample + channel. */
function tinySet(): WindowSet {
  const x = new Float32Array(12);
  for (let i = 0; i < 3; i++) {
    for (let t = 0; t < 2; t++) {
      for (let c = 0; c < 2; c++) x[(i * 2 + t) * 2 + c] = 100 * i + 10 * t + c;
    }
  }
  const meta = ["e1", "e2", "e1"].map((experiment, i) => ({
    recording: i,
    experiment,
    sensor: "s1",
    driver: `d${i}`,
    session: "s1",
    start: i * 1.5,
    startSample: i * 3,
  }));
  return {
    x,
    n: 3,
    length: 2,
    channels: ["eeg", "gsr"],
    sampleRate: 2,
    labels: Int8Array.of(0, -1, 3),
    meta,
  };
}

Deno.test("getWindow() returns a copy of one window laid out [length, channels]", () => {
  const ws = tinySet();
  const w = getWindow(ws, 1);
  assert.deepEqual(Array.from(w), [100, 101, 110, 111]);
  w[0] = -5;
  assert.equal(ws.x[4], 100, "a copy, not a view");
  assertThrowsWith(() => getWindow(ws, 3), "window index 3 out of range", "[0, 3)");
  assertThrowsWith(() => getWindow(ws, 0.5), "out of range");
});

Deno.test("getWindowChannel() returns one channel of one window", () => {
  const ws = tinySet();
  assert.deepEqual(Array.from(getWindowChannel(ws, 2, "gsr")), [201, 211]);
  assertThrowsWith(
    () => getWindowChannel(ws, 0, "ecg"),
    "unknown channel 'ecg': expected one of eeg, gsr",
  );
});

Deno.test("selectWindows() keeps the windows a predicate accepts, in order", () => {
  const ws = tinySet();
  const e1 = selectWindows(ws, (m) => m.experiment === "e1");
  assert.equal(e1.n, 2);
  assert.deepEqual(Array.from(e1.x), [0, 1, 10, 11, 200, 201, 210, 211]);
  assert.deepEqual(Array.from(e1.labels), [0, 3]);
  assert.deepEqual(e1.meta.map((m) => m.driver), ["d0", "d2"]);
  assert.deepEqual(e1.channels, ws.channels);
  const labelled = selectWindows(ws, (_m, label) => label >= 0);
  assert.deepEqual(labelled.meta.map((m) => m.recording), [0, 2]);
  assert.equal(selectWindows(ws, () => false).n, 0);
});

Deno.test("takeWindows() gathers windows by index, repeats allowed", () => {
  const ws = tinySet();
  const t = takeWindows(ws, [2, 0, 2]);
  assert.equal(t.n, 3);
  assert.deepEqual(Array.from(t.labels), [3, 0, 3]);
  assert.deepEqual(Array.from(t.x.subarray(0, 4)), [200, 201, 210, 211]);
  t.meta[0].driver = "changed";
  assert.equal(ws.meta[2].driver, "d2", "meta copied");
  assertThrowsWith(() => takeWindows(ws, [0, -1]), "window index -1 out of range");
});

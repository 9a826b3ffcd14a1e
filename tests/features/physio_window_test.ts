import type { Recording } from "../../lib/data/recording.ts";
import { windowChannel, windowFromRecording } from "../../lib/features/physio_window.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

const rec: Recording = {
  meta: {
    experiment: "e1",
    sensor: "s1",
    driver: "d",
    session: "s",
    sampleRate: 4,
    channels: ["eeg", "gsr"],
  },
  time: Float64Array.from([0, 0.25, 0.5, 0.75, 1]),
  modes: null,
  signals: [Float32Array.from([0, 1, 2, 3, 4]), Float32Array.from([5, 6, 7, 8, 9])],
  clean: null,
};

Deno.test("windowFromRecording() views samples [start, end) of every channel", () => {
  const w = windowFromRecording(rec, 1, 4);
  assert.equal(w.sampleRate, 4);
  assert.deepEqual(Array.from(windowChannel(w, "gsr")), [6, 7, 8]);
  assert.equal(windowChannel(w, "eeg").buffer, rec.signals[0].buffer); // a view, not a copy
});

Deno.test("windowFromRecording() and windowChannel() reject bad ranges and missing channels", () => {
  assertThrowsWith(() => windowFromRecording(rec, 3, 6), "0 ≤ start < end ≤ 5", "end=6");
  assertThrowsWith(
    () => windowChannel(windowFromRecording(rec, 0, 5), "ecg"),
    'lacks channel "ecg"',
    "eeg, gsr",
  );
});

import { assert, assertThrowsWith } from "../_assert.ts";
import {
  firstTimeMismatch,
  isChannelName,
  validateRecording,
  validateRecordingMeta,
} from "../../lib/data/validate_recording.ts";
import { syntheticRecording } from "./_fixtures.ts";

Deno.test("firstTimeMismatch() finds the first sample off the rate by more than a quarter period", () => {
  assert.equal(firstTimeMismatch([0, 0.25, 0.5, 0.75], 4), -1);
  assert.equal(firstTimeMismatch([5, 5.25, 5.5, 5.75], 4), -1); // any start time
  assert.equal(firstTimeMismatch([0, 0.25, 0.5625, 0.75], 4), -1); // 0.25 period late: tolerated
  assert.equal(firstTimeMismatch([0, 0.25, 0.57, 0.75], 4), 2); // 0.28 period late
  assert.equal(firstTimeMismatch([0, 0.25, 0.75, 1], 4), 2); // a missing sample
  assert.equal(firstTimeMismatch([0, 0.2, 0.4, 0.6, 0.8], 4), 2); // 5 Hz data at 4 Hz: 0.4·4 = 1.6
  assert.equal(firstTimeMismatch([0, NaN], 4), 1);
  assert.equal(firstTimeMismatch([1], 4), -1);
});

Deno.test("validateRecordingMeta() refuses bad ids, rates and channel names", () => {
  const { meta } = syntheticRecording({ n: 4 });
  validateRecordingMeta(meta, "here");
  assertThrowsWith(
    () => validateRecordingMeta({ ...meta, driver: "" }, "here"),
    "here: meta.driver: expected a non-empty id",
  );
  assertThrowsWith(
    () => validateRecordingMeta({ ...meta, sampleRate: -1 }, "here"),
    "meta.sampleRate: expected a positive number of Hz, got -1",
  );
  assertThrowsWith(
    () => validateRecordingMeta({ ...meta, channels: [] }, "here"),
    "meta.channels: expected at least one channel",
  );
  assertThrowsWith(
    () => validateRecordingMeta({ ...meta, channels: ["mode"] }, "here"),
    "other than time/mode and not ending in _clean",
  );
  assertThrowsWith(
    () => validateRecordingMeta({ ...meta, channels: ["a", "a"] }, "here"),
    "channel 'a' appears twice",
  );
});

Deno.test("isChannelName() refuses reserved names, the _clean suffix and separators", () => {
  for (const ok of ["eeg", "EEG_2", "ch.1-a", "clean"]) assert.ok(isChannelName(ok), ok);
  for (const bad of ["", "time", "mode", "eeg_clean", "a,b", "a;b", "a b"]) {
    assert.ok(!isChannelName(bad), bad);
  }
});

Deno.test("validateRecording() accepts a well-formed recording and names the faulty field otherwise", () => {
  validateRecording(syntheticRecording({ n: 20 }));
  validateRecording(syntheticRecording({ n: 20, mode: null, clean: false }));
  const r = syntheticRecording({ n: 20 });
  r.time = new Float64Array(0);
  assertThrowsWith(
    () => validateRecording(r, "ctx"),
    "ctx (e1/s1/e1-d01/s1): time: expected a non-empty Float64Array",
  );
  const s = syntheticRecording({ n: 20 });
  s.signals = s.signals.slice(0, 2);
  assertThrowsWith(
    () => validateRecording(s),
    "signals: expected 3 Float32Array (one per channel eeg,ecg,gsr), got 2",
  );
  const m = syntheticRecording({ n: 20 });
  m.modes = new Uint8Array(19);
  assertThrowsWith(() => validateRecording(m), "modes: expected null or a Uint8Array of 20 labels");
  const t = syntheticRecording({ n: 20 });
  t.time[3] = Infinity;
  assertThrowsWith(() => validateRecording(t), "time[3]: expected a finite number, got Infinity");
});

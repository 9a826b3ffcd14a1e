import { assert, assertThrowsWith } from "../_assert.ts";
import {
  deviceConfig,
  generateDataset,
  generateRecording,
  recordingCount,
} from "../../lib/device/mod.ts";

const small = deviceConfig({ seed: 11 }, { scale: 0.25 });

function bits(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

Deno.test("generateRecording() gives bit-identical data when the seed is the same", () => {
  const exp = small.experiments[2];
  const a = generateRecording(small, exp, 1, 1).recording;
  const b = generateRecording(small, exp, 1, 1).recording;
  for (let c = 0; c < 3; c++) {
    assert.deepEqual(bits(a.signals[c]), bits(b.signals[c]));
    assert.deepEqual(bits(a.clean![c]), bits(b.clean![c]));
  }
  assert.deepEqual(a.modes, b.modes);
  const other = generateRecording({ ...small, seed: 12 }, exp, 1, 1).recording;
  assert.notDeepEqual(bits(a.signals[0]), bits(other.signals[0]));
});

Deno.test("generateDataset() contains each recording exactly as generated alone", () => {
  const ds = generateDataset(small);
  assert.equal(ds.length, recordingCount(small));
  const exp = small.experiments[1];
  const alone = generateRecording(small, exp, 1, 2).recording;
  const inSet = ds.find((g) =>
    g.recording.meta.driver === alone.meta.driver &&
    g.recording.meta.session === "s2"
  )!.recording;
  assert.deepEqual(bits(inSet.signals[1]), bits(alone.signals[1]));
});

Deno.test("generateRecording() keeps metadata, sampling rate and lengths consistent", () => {
  for (const exp of small.experiments) {
    const r = generateRecording(small, exp, 0, 1).recording;
    const n = Math.round(exp.duration * r.meta.sampleRate);
    assert.equal(r.time.length, n);
    assert.equal(r.modes!.length, n);
    for (const s of [...r.signals, ...r.clean!]) assert.equal(s.length, n);
    assert.equal(r.meta.experiment, exp.id);
    assert.equal(r.meta.sensor, exp.sensor);
    assert.equal(r.meta.driver, `${exp.id}-d01`);
    assert.equal(r.time[n - 1], (n - 1) / r.meta.sampleRate);
    for (const s of r.signals) assert.ok(s.every(Number.isFinite));
  }
});

Deno.test("deviceConfig() rejects unknown options and impossible experiments", () => {
  // deno-lint-ignore no-explicit-any
  assertThrowsWith(() => deviceConfig({ sed: 1 } as any), "Unknown device option 'sed'");
  assertThrowsWith(
    () => deviceConfig({ experiments: [{ ...small.experiments[0], drivers: 0 }] }),
    "experiment e1: drivers must be an integer ≥ 1",
  );
  assertThrowsWith(() => deviceConfig({}, { scale: 2 }), "scale must be in (0, 1]");
});

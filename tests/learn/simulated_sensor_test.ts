import {
  drawPresetSensor,
  drawSpanSensor,
  resolveSensors,
  sensorSpan,
} from "../../lib/learn/simulated_sensor.ts";
import { SENSOR_PRESETS } from "../../lib/device/presets.ts";
import type { SensorModel } from "../../lib/device/sensor.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";

const ALL = Object.values(SENSOR_PRESETS) as SensorModel[];
const CHANNELS = ["eeg", "ecg", "gsr"];

Deno.test("sensorSpan() gives each parameter's min and max over the presets", () => {
  const span = sensorSpan(ALL, CHANNELS);
  assert.deepEqual(span.mainsFrequencies, [50, 60]);
  for (const c of CHANNELS) {
    for (const k of ["gain", "offset", "wander", "white", "pink", "mains", "lowpass"] as const) {
      const values = ALL.map((s) => s.channels[c][k]);
      assert.deepEqual(span.channels[c][k], { min: Math.min(...values), max: Math.max(...values) });
    }
  }
  // The presets as written: EEG gains 0.92 (B) … 1.15 (C), offsets −8 (C) … 3 (B).
  assert.deepEqual(span.channels.eeg.gain, { min: 0.92, max: 1.15 });
  assert.deepEqual(span.channels.eeg.offset, { min: -8, max: 3 });
  assert.deepEqual(span.channels.eeg.highpass, { min: 0.1, max: 0.5 });
  assert.equal(span.channels.gsr.highpass, null, "GSR is DC-coupled on every preset");
  assert.equal(span.channels.gsr.mains.min, 0);
});

Deno.test("drawSpanSensor() stays in the span, log-uniform in gain, both mains frequencies", () => {
  const span = sensorSpan(ALL, CHANNELS);
  const rng = new Rng(1);
  const draws = 2000;
  let belowGeometricMean = 0, belowMiddle = 0, fifty = 0;
  const g = span.channels.eeg.gain;
  const geometric = Math.sqrt(g.min * g.max);
  for (let i = 0; i < draws; i++) {
    const s = drawSpanSensor(span, rng);
    assert.equal(s.name, "span");
    if (s.mainsFrequency === 50) fifty++;
    for (const c of CHANNELS) {
      const r = span.channels[c];
      const p = s.channels[c];
      for (const k of ["gain", "offset", "wander", "white", "pink", "mains", "lowpass"] as const) {
        assert.ok(p[k] >= r[k].min && p[k] <= r[k].max, `${c}.${k} = ${p[k]} outside span`);
      }
      assert.equal(p.highpass === null, r.highpass === null);
    }
    if (s.channels.eeg.gain < geometric) belowGeometricMean++;
    if (s.channels.eeg.offset < (-8 + 3) / 2) belowMiddle++;
  }
  // Binomial(2000, ½) has sd 22: ±5 sd = ±0.056 of the fraction.
  assertClose(belowGeometricMean / draws, 0.5, { atol: 0.056 }, "log-uniform gain median");
  assertClose(belowMiddle / draws, 0.5, { atol: 0.056 }, "uniform offset median");
  assertClose(fifty / draws, 0.5, { atol: 0.056 }, "mains 50 Hz share");
});

Deno.test("drawPresetSensor() reproduces a preset without variation and varies it with", () => {
  const a = SENSOR_PRESETS["A-reference"] as SensorModel;
  const exact = drawPresetSensor({ ...a, variation: 0 }, CHANNELS, new Rng(2));
  assert.equal(exact.name, "A-reference");
  assert.equal(exact.mainsFrequency, 50);
  for (const c of CHANNELS) {
    const { range: _r, bits: _b, motion: _m, pop: _p, ...want } = a.channels[c];
    assert.deepEqual(exact.channels[c], want);
  }
  const varied = drawPresetSensor(a, ["eeg"], new Rng(3)).channels.eeg;
  assert.notEqual(varied.white, a.channels.eeg.white);
  // Log-normal factors with sd 0.15: within a factor e^(5·0.15) ≈ 2.1.
  assert.ok(varied.white > a.channels.eeg.white / 2.2 && varied.white < a.channels.eeg.white * 2.2);
});

Deno.test("resolveSensors() maps names to presets and rejects unknown names or channels", () => {
  const custom = { ...SENSOR_PRESETS["B-dry"], name: "custom" } as SensorModel;
  const got = resolveSensors("f", ["A-reference", custom], ["eeg"]);
  assert.deepEqual(got.map((s) => s.name), ["A-reference", "custom"]);
  assertThrowsWith(() => resolveSensors("f", ["nope"], ["eeg"]), "f: option sensors[0]", "'nope'");
  assertThrowsWith(() => resolveSensors("f", [42 as never], ["eeg"]), "sensors[0] must be");
  assertThrowsWith(
    () => resolveSensors("f", ["B-dry"], ["emg"]),
    "sensor 'B-dry' has no channel 'emg'",
  );
  assertThrowsWith(() => resolveSensors("f", [], ["eeg"]), "non-empty array");
});

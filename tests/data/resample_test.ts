import { assert, assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";
import {
  resampledLength,
  resampleLabels,
  resampleRecording,
  resampleSignals,
} from "../../lib/data/resample.ts";
import { syntheticRecording } from "./_fixtures.ts";

function sine(n: number, rate: number, freq: number, amp = 1, phase = 0): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = amp * Math.sin(2 * Math.PI * freq * (i / rate) + phase);
  return x;
}

/** Root mean square of x[from, x.length - from). */
function interiorRms(x: Float32Array, from: number): number {
  let s = 0;
  for (let i = from; i < x.length - from; i++) s += x[i] * x[i];
  return Math.sqrt(s / (x.length - 2 * from));
}

Deno.test("resampledLength() counts the outputs that fit in the input's time span", () => {
  assert.equal(resampledLength(2560, 256, 100), 1000); // floor(2559 · 100/256) + 1
  assert.equal(resampledLength(2560, 256, 128), 1280);
  assert.equal(resampledLength(2500, 250, 256), 2559); // floor(2499 · 256/250 = 2558.98) + 1
  assert.equal(resampledLength(1, 256, 100), 1);
  assert.equal(resampledLength(0, 256, 100), 0);
  assertThrowsWith(() => resampledLength(10, 0, 100), "fromRate: expected a positive number of Hz");
  assertThrowsWith(() => resampledLength(10, 256, NaN), "toRate");
});

Deno.test("resampleSignals() keeps a 5 Hz sine's amplitude, frequency and phase from 256 to 100 Hz", () => {
  const x = sine(256 * 20, 256, 5, 3, 0.4);
  const [y] = resampleSignals([x], 256, 100);
  assert.equal(y.length, resampledLength(x.length, 256, 100));
  const expected = sine(y.length, 100, 5, 3, 0.4);
  // Away from the edges (where the kernel is truncated) the match is to float32 noise.
  assertAllClose(y.subarray(100, y.length - 100), expected.subarray(100, y.length - 100), {
    atol: 3e-4,
  });
  assertClose(interiorRms(y, 100), 3 / Math.SQRT2, { rtol: 2e-3 });
});

Deno.test("resampleSignals() suppresses a sine above the new Nyquist frequency that naive decimation aliases", () => {
  // 40 Hz at 256 Hz → 64 Hz (Nyquist 32 Hz) would alias to 24 Hz at full amplitude.
  const x = sine(256 * 20, 256, 40);
  const naive = x.filter((_, i) => i % 4 === 0);
  assertClose(interiorRms(naive, 0), Math.SQRT1_2, { rtol: 1e-3 });
  const [y] = resampleSignals([x], 256, 64);
  assert.ok(interiorRms(y, 100) < 1e-4, `alias RMS ${interiorRms(y, 100)} (≥ 80 dB down)`);
  // Just above the new Nyquist frequency is suppressed too, and the pass band is flat.
  const [near] = resampleSignals([sine(256 * 20, 256, 33)], 256, 64);
  assert.ok(interiorRms(near, 100) < 1e-4, `33 Hz RMS ${interiorRms(near, 100)}`);
  const [pass] = resampleSignals([sine(256 * 20, 256, 20)], 256, 64);
  assertClose(interiorRms(pass, 100), Math.SQRT1_2, { rtol: 1e-3 });
});

Deno.test("resampleSignals() upsamples a sine exactly enough (100 → 256 Hz)", () => {
  const x = sine(100 * 20, 100, 7, 1, 1);
  const [y] = resampleSignals([x], 100, 256);
  const expected = sine(y.length, 256, 7, 1, 1);
  assertAllClose(y.subarray(300, y.length - 300), expected.subarray(300, y.length - 300), {
    atol: 3e-4,
  });
});

Deno.test("resampleSignals() keeps a constant exactly, also at the edges", () => {
  const x = new Float32Array(500).fill(7.25);
  for (const [a, b] of [[256, 100], [100, 256], [256, 128]]) {
    const [y] = resampleSignals([x], a, b);
    assertAllClose(y, new Float32Array(y.length).fill(7.25), { atol: 1e-5 }, `${a}→${b}`);
  }
});

Deno.test("resampleSignals() treats channels independently and copies at equal rates", () => {
  const a = sine(1000, 256, 3), b = sine(1000, 256, 9, 2);
  const [ya, yb] = resampleSignals([a, b], 256, 128);
  const [ya1] = resampleSignals([a], 256, 128);
  const [yb1] = resampleSignals([b], 256, 128);
  assert.deepEqual(ya, ya1);
  assert.deepEqual(yb, yb1);
  const [same] = resampleSignals([a], 256, 256);
  assert.deepEqual(same, a);
  assert.notEqual(same, a);
  assertThrowsWith(() => resampleSignals([a, new Float32Array(3)], 256, 128), "equal lengths");
});

Deno.test("resampleRecording() resamples signals and clean, takes nearest modes, rebuilds time", () => {
  const rec = syntheticRecording({
    n: 1024,
    sampleRate: 256,
    t0: 2,
    mode: (i) => (i < 500 ? 1 : 3),
  });
  const out = resampleRecording(rec, 100);
  const m = resampledLength(1024, 256, 100);
  assert.equal(out.meta.sampleRate, 100);
  assert.equal(rec.meta.sampleRate, 256, "input untouched");
  assert.equal(out.time.length, m);
  assertClose(out.time[10], 2 + 10 / 100, { atol: 1e-12 });
  assert.equal(out.signals.length, 3);
  assert.equal(out.clean!.length, 3);
  assert.equal(out.clean![2].length, m);
  // Sample j sits at input position j · 2.56; input 500 is the first "asleep" sample.
  assert.equal(out.modes![195], 1); // position 499.2 → input 499
  assert.equal(out.modes![196], 3); // position 501.76 → input 502
  assert.equal(resampleRecording(rec, 256), rec);
  const unlabelled = resampleRecording(syntheticRecording({ mode: null, clean: false }), 128);
  assert.equal(unlabelled.modes, null);
  assert.equal(unlabelled.clean, null);
});

Deno.test("resampleLabels() takes the label of the nearest input sample", () => {
  // 8 samples at 4 Hz → 3 Hz: positions 0, 1.33, 2.67, 4, 5.33 → inputs 0, 1, 3, 4, 5.
  const out = resampleLabels(Uint8Array.of(0, 1, 2, 3, 0, 1, 2, 3), 4, 3);
  assert.deepEqual(Array.from(out), [0, 1, 3, 0, 1, 3]);
});

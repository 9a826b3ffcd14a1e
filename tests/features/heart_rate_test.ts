import { heartRateVariability } from "../../lib/features/heart_rate.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";

Deno.test("heartRateVariability() matches hand-worked HR, SDNN and RMSSD", () => {
  // RR = [1, 1.1, 0.9] s: HR 60 bpm, SDNN 100 ms, RMSSD √((0.1² + 0.2²)/2) = 158.1 ms.
  const h = heartRateVariability(Float64Array.from([0, 1, 2.1, 3.0]));
  assertClose(h.heartRate, 60, { atol: 1e-9 });
  assertClose(h.sdnn, 100, { atol: 1e-9 });
  assertClose(h.rmssd, 1000 * Math.sqrt(0.025), { atol: 1e-9 });
  assert.equal(h.intervals, 3);
});

Deno.test("heartRateVariability() drops a missed beat's double interval", () => {
  // RR = [0.8, 0.82, 1.6 (missed beat), 0.78, 0.8]: the 1.6 s interval and its pairs go.
  const h = heartRateVariability(Float64Array.from([0, 0.8, 1.62, 3.22, 4.0, 4.8]));
  assert.equal(h.intervals, 4);
  assertClose(h.heartRate, 60 / 0.8, { atol: 1e-9 });
  assertClose(h.rmssd, 1000 * Math.sqrt((0.02 ** 2 + 0.02 ** 2) / 2), { atol: 1e-6 });
});

Deno.test("heartRateVariability() is NaN where too few beats remain", () => {
  const one = heartRateVariability(Float64Array.from([0, 0.9]));
  assertClose(one.heartRate, 60 / 0.9);
  assert.ok(Number.isNaN(one.sdnn) && Number.isNaN(one.rmssd));
  assert.ok(Number.isNaN(heartRateVariability(new Float64Array(0)).heartRate));
});

Deno.test("heartRateVariability() rejects unsorted times", () => {
  assertThrowsWith(
    () => heartRateVariability(Float64Array.from([0, 1, 0.5])),
    "strictly ascending",
    "index 2",
  );
});

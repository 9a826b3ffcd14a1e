import { timeSegments } from "../../lib/byo/time_segments.ts";
import { assert } from "../_assert.ts";

function times(rate: number, n: number, t0 = 0): number[] {
  return Array.from({ length: n }, (_, i) => t0 + i / rate);
}

Deno.test("timeSegments() splits at gaps longer than gapFactor periods", () => {
  const t = Float64Array.from([...times(10, 5), ...times(10, 4, 2), ...times(10, 3, 2.5)]);
  // 0 … 0.4, then 2 … 2.3 (gap 1.6 s), then 2.5 … 2.7 (gap 0.2 s = 2 periods > 1.5).
  const r = timeSegments(t, 10, 1.5);
  assert.ok(r.ok);
  assert.deepEqual(r.segments, [{ start: 0, end: 5 }, { start: 5, end: 9 }, { start: 9, end: 12 }]);
  assert.equal(r.sampleRate, 10);
  // With a larger gap factor the 2-period step is no longer a gap but a misfit sample.
  const strict = timeSegments(t, 10, 2.5);
  assert.ok(!strict.ok);
  assert.equal(strict.index, 9);
  assert.ok(
    strict.problem.includes(
      "expected 2.4 ± 0.25 sample (declared sample_rate 10 Hz, 4 samples after 2 s), got 2.5",
    ),
    strict.problem,
  );
});

Deno.test("timeSegments() rejects time stamps out of order at the offending sample", () => {
  const r = timeSegments(Float64Array.from([0, 0.1, 0.2, 0.15, 0.3]), 10, 1.5);
  assert.ok(!r.ok);
  assert.equal(r.index, 3);
  assert.equal(
    r.problem,
    "expected a time after the previous sample's 0.2 s (time stamps must increase), got 0.15",
  );
  assert.ok(!timeSegments(Float64Array.from([0, 0, 0.1]), 10, 1.5).ok);
});

Deno.test("timeSegments() catches a declared rate that contradicts the time stamps", () => {
  // Recorded at 250 Hz, declared 256 Hz: the drift passes ¼ sample after about a dozen samples.
  const r = timeSegments(Float64Array.from(times(250, 100)), 256, 1.5);
  assert.ok(!r.ok);
  assert.ok(r.index > 5 && r.index < 20, String(r.index));
  assert.ok(r.problem.includes("declared sample_rate 256 Hz"), r.problem);
  // Recorded at 128 Hz, declared 256 Hz: every step would be a gap; the median step says so.
  const half = timeSegments(Float64Array.from(times(128, 100)), 256, 1.5);
  assert.ok(!half.ok);
  assert.equal(
    half.problem,
    "expected steps of 1 / 256 Hz = 0.00390625 s (sample_rate), but the median step of the time stamps is 0.0078125 s (128 Hz)",
  );
});

Deno.test("timeSegments() derives the roundest rate that fits, across gaps", () => {
  // 256 Hz stamped to the millisecond, with a 10-s gap.
  const t = Float64Array.from(
    [...times(256, 2000), ...times(256, 1000, 20)].map((x) => Math.round(x * 1000) / 1000),
  );
  const r = timeSegments(t, null, 1.5);
  assert.ok(r.ok);
  assert.equal(r.sampleRate, 256);
  assert.deepEqual(r.segments, [{ start: 0, end: 2000 }, { start: 2000, end: 3000 }]);
  // A rate that is not round is kept to the digits the stamps need.
  const odd = timeSegments(Float64Array.from(times(173.61, 5000)), null, 1.5);
  assert.ok(odd.ok);
  assert.ok(Math.abs(odd.sampleRate - 173.61) < 0.01, String(odd.sampleRate));
  assert.ok(!timeSegments(Float64Array.from([1]), null, 1.5).ok);
  assert.deepEqual(timeSegments(Float64Array.from([1]), 50, 1.5), {
    ok: true,
    sampleRate: 50,
    segments: [{ start: 0, end: 1 }],
  });
});

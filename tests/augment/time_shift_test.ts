import { timeShift } from "../../lib/augment/time_shift.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { assertSeededAndPure, channel, rampWindow } from "./_windows.ts";

/** The shift s with out[t] = in[t − s] on a ramp channel 0 (x = t), read at the middle. */
function shiftOf(out: Float32Array, channels: number, length: number): number {
  const mid = Math.floor(length / 2);
  return mid - out[mid * channels];
}

Deno.test("timeShift() moves all channels by one whole shift within ±maxShift·length", () => {
  const length = 100;
  const aug = timeShift({ maxShift: 0.1 });
  const w = rampWindow(length, 2);
  const seen = new Set<number>();
  const rng = new Rng(3);
  for (let i = 0; i < 300; i++) {
    const out = aug(w, length, 2, rng);
    const s = shiftOf(out, 2, length);
    seen.add(s);
    assert.ok(Math.abs(s) <= 10, `shift ${s} exceeds 10`);
    for (let t = 0; t < length; t++) {
      const src = Math.min(Math.max(t - s, 0), length - 1);
      assert.equal(out[t * 2], src);
      assert.equal(out[t * 2 + 1], src + 1000);
    }
  }
  assert.equal(seen.size, 21, "every shift in −10…10 should occur in 300 draws");
});

Deno.test("timeShift() with fill 'wrap' is a circular shift", () => {
  const w = rampWindow(20, 1);
  const out = timeShift({ maxShift: 0.5, fill: "wrap" })(w, 20, 1, new Rng(4));
  const s = shiftOf(out, 1, 20);
  assert.notEqual(s, 0);
  assert.deepEqual(channel(out, 1, 0), channel(w, 1, 0).map((_, t) => (((t - s) % 20) + 20) % 20));
});

Deno.test("timeShift() is the identity for maxShift 0 and is seeded and pure", () => {
  const w = rampWindow(30, 2);
  assert.deepEqual(timeShift({ maxShift: 0 })(w, 30, 2, new Rng(1)), w);
  assertSeededAndPure(timeShift({ maxShift: 0.3 }), w, 2);
});

Deno.test("timeShift() rejects bad options", () => {
  assertThrowsWith(() => timeShift({ maxShift: 1 }), "timeShift: option maxShift", "< 1");
  assertThrowsWith(() => timeShift({ fill: "zero" } as never), "option fill must be one of");
});

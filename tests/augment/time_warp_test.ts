import { timeWarp } from "../../lib/augment/time_warp.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { assertSeededAndPure, gaussianWindow, rampWindow } from "./_windows.ts";

Deno.test("timeWarp() with strength 0 is the identity, bit for bit", () => {
  const w = gaussianWindow(1, 257, [0, 3], [1, 2]);
  assert.deepEqual(timeWarp({ strength: 0, knots: 6 })(w, 257, 2, new Rng(2)), w);
});

Deno.test("timeWarp() reads the window at a monotone warped time that keeps both ends", () => {
  // On a ramp x = t the output is the warped time τ(t) itself.
  const length = 200;
  const w = rampWindow(length, 2);
  const rng = new Rng(3);
  let maxDeviation = 0;
  for (let i = 0; i < 50; i++) {
    const out = timeWarp({ strength: 0.5, knots: 3 })(w, length, 2, rng);
    assert.equal(out[0], 0);
    assert.equal(out[(length - 1) * 2], length - 1);
    for (let t = 1; t < length; t++) {
      assert.ok(out[t * 2] > out[(t - 1) * 2], `τ not increasing at ${t}`);
      assert.ok(Math.abs(out[t * 2 + 1] - 1000 - out[t * 2]) < 1e-3, "channels warped apart");
      maxDeviation = Math.max(maxDeviation, Math.abs(out[t * 2] - t));
    }
  }
  assert.ok(maxDeviation > 5, `warps too weak: largest |τ(t) − t| = ${maxDeviation}`);
});

Deno.test("timeWarp() strength is the sd of the log local speed at the knots", () => {
  // With knots 0 the speed runs linearly from v₀ to v₁, log(v₁/v₀) ~ N(0, 2·strength²); the
  // ramp's output slope at the ends is proportional to v₀ and v₁.
  const length = 1001;
  const w = rampWindow(length, 1);
  const rng = new Rng(5);
  const logRatios: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const out = timeWarp({ strength: 0.3, knots: 0 })(w, length, 1, rng);
    logRatios.push(Math.log((out[length - 1] - out[length - 2]) / (out[1] - out[0])));
  }
  const mean = logRatios.reduce((a, b) => a + b, 0) / logRatios.length;
  const sd = Math.sqrt(logRatios.reduce((a, b) => a + (b - mean) ** 2, 0) / logRatios.length);
  assertClose(mean, 0, { atol: 0.04 });
  assertClose(sd, 0.3 * Math.SQRT2, { rtol: 0.06 });
});

Deno.test("timeWarp() is seeded and pure, and handles a one-sample window", () => {
  assertSeededAndPure(timeWarp(), gaussianWindow(4, 100, [0], [1]), 1);
  assert.deepEqual(Array.from(timeWarp()(new Float32Array([9]), 1, 1, new Rng(1))), [9]);
});

Deno.test("timeWarp() rejects bad options", () => {
  assertThrowsWith(() => timeWarp({ knots: 1.5 }), "timeWarp: option knots must be an integer");
  assertThrowsWith(() => timeWarp({ strength: -1 }), "option strength");
});

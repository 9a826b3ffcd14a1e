import { clipFraction } from "../../lib/stats/clip_fraction.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { sine, white } from "./_signals.ts";

Deno.test("clipFraction() of a sine clipped at ±0.8 is the analytic time above the rails", () => {
  const x = sine(128 * 100, 128, 1.3, 1, 0.1).map((v) => Math.max(-0.8, Math.min(0.8, v)));
  // Fraction of time |sin| > 0.8: 1 − (2/π)·asin(0.8) = 0.4097.
  const expected = 1 - (2 / Math.PI) * Math.asin(0.8);
  assertClose(clipFraction(x), expected, { atol: 0.005 });
  assertClose(clipFraction(x, { rails: [-0.8, 0.8] }), expected, { atol: 0.005 });
});

Deno.test("clipFraction() counts a single clipped rail only", () => {
  const x = white(20_000, 1, "clip-one").map((v) => Math.min(v, 1));
  // P(Z > 1) = 0.1587.
  assertClose(clipFraction(x), 0.1587, { atol: 0.01 });
});

Deno.test("clipFraction() is 0 for unclipped float and quantised Gaussian noise", () => {
  assert.equal(clipFraction(white(20_000, 1, "clip-none")), 0);
  const q = white(20_000, 1, "clip-q").map((v) => Math.round(v / 0.1) * 0.1);
  assert.equal(clipFraction(q), 0);
  assert.equal(clipFraction(new Float32Array(10).fill(3)), 0);
});

Deno.test("clipFraction() rejects malformed rails", () => {
  assertThrowsWith(
    () => clipFraction(new Float32Array(4), { rails: [1, 0] }),
    "clipFraction",
    "rails",
  );
});

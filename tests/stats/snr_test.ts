import { meanSquare, snrDb } from "../../lib/stats/snr.ts";
import { assertClose } from "../_assert.ts";
import { sine, white } from "./_signals.ts";

Deno.test("snrDb() is 10·log10(Var(signal)/MS(noise)) on a hand-worked example", () => {
  // Var([1,−1,1,−1]) = 1; MS([.5,.5,.5,.5]) = 0.25 → 10·log10(4).
  const s = Float32Array.from([1, -1, 1, -1]);
  assertClose(snrDb(s, new Float32Array(4).fill(0.5)), 10 * Math.log10(4), { atol: 1e-9 });
  assertClose(meanSquare(Float32Array.from([1, 2, 2])), 3);
});

Deno.test("snrDb() of a sine plus known-variance white noise matches the analytic value", () => {
  const n = 1 << 16;
  const s = sine(n, 256, 7, 4);
  const w = white(n, 0.5, "snr");
  // Var = A²/2 = 8, noise power σ² = 0.25 → 10·log10(32) = 15.05 dB.
  assertClose(snrDb(s, w), 10 * Math.log10(32), { atol: 0.05 });
});

Deno.test("snrDb() ignores the signal's mean but counts the noise's", () => {
  const s = Float32Array.from([6, 4, 6, 4]);
  assertClose(snrDb(s, new Float32Array(4).fill(1)), 0, { atol: 1e-9 });
});

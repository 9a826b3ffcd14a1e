import { lowPassBoxcar2, movingAverage } from "../../lib/stats/moving_average.ts";
import { assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";
import { sine } from "./_signals.ts";

function rms(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / (to - from));
}

Deno.test("movingAverage() averages a centred window that shrinks at the ends", () => {
  const y = movingAverage(Float32Array.from([1, 2, 3, 4, 5]), 3);
  assertAllClose(y, [1.5, 2, 3, 4, 4.5]);
  assertAllClose(movingAverage(Float32Array.from([1, 2, 3]), 1), [1, 2, 3]);
});

Deno.test("movingAverage() rejects an even length", () => {
  assertThrowsWith(() => movingAverage(new Float32Array(5), 4), "odd integer", "got 4");
});

Deno.test("lowPassBoxcar2() passes DC, is −3 dB at the cutoff and stops well above it", () => {
  const fs = 128, n = 128 * 60;
  assertAllClose(
    lowPassBoxcar2(new Float32Array(n).fill(2), fs, 0.5),
    new Float32Array(n).fill(2),
    {
      atol: 1e-5,
    },
  );
  const mid = [n / 4, (3 * n) / 4] as const;
  const atCut = lowPassBoxcar2(sine(n, fs, 0.5, 1), fs, 0.5);
  assertClose(rms(atCut, ...mid) / Math.SQRT1_2, Math.SQRT1_2, { atol: 0.03 });
  const above = lowPassBoxcar2(sine(n, fs, 5, 1), fs, 0.5);
  if (rms(above, ...mid) > 0.01) throw new Error(`5 Hz leaks: rms ${rms(above, ...mid)}`);
});

import { baselineWanderPower } from "../../lib/stats/baseline_wander.ts";
import { assert, assertClose } from "../_assert.ts";
import { add, sine, white } from "./_signals.ts";

Deno.test("baselineWanderPower() measures a slow sine's power and ignores fast content", () => {
  const fs = 128, n = fs * 120;
  const x = add(sine(n, fs, 0.1, 2), sine(n, fs, 10, 5), new Float32Array(n).fill(7));
  assertClose(baselineWanderPower(x, fs), 2, { rtol: 0.05 });
});

Deno.test("baselineWanderPower() of white noise is a small fraction of its variance", () => {
  const p = baselineWanderPower(white(128 * 120, 1, "bw-white"), 128);
  assert.ok(p < 0.02, `got ${p}`);
});

import { channelStandardDeviations } from "../../lib/augment/channel_stats.ts";
import { scaling } from "../../lib/augment/scaling.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { assertSeededAndPure, gaussianWindow } from "./_windows.ts";

Deno.test("scaling() multiplies every sample of a channel by one gain, scaling its sd", () => {
  const w = gaussianWindow(1, 200, [0, 10, -3], [1, 4, 0.5]);
  const out = scaling({ sigma: 0.3 })(w, 200, 3, new Rng(9));
  const before = channelStandardDeviations(w, 200, 3);
  const after = channelStandardDeviations(out, 200, 3);
  for (let c = 0; c < 3; c++) {
    const gain = out[c] / w[c];
    for (let t = 0; t < 200; t++) {
      assertClose(out[t * 3 + c], gain * w[t * 3 + c], { atol: 1e-5, rtol: 1e-6 });
    }
    assertClose(after[c], Math.abs(gain) * before[c], { rtol: 1e-5 }, `sd of channel ${c}`);
  }
});

Deno.test("scaling() draws gains with mean 1 and sd sigma", () => {
  const rng = new Rng(10);
  const aug = scaling({ sigma: 0.25 });
  const w = new Float32Array([1, 1]);
  const gains: number[] = [];
  for (let i = 0; i < 4000; i++) gains.push(...aug(w, 1, 2, rng));
  const mean = gains.reduce((s, g) => s + g, 0) / gains.length;
  const sd = Math.sqrt(gains.reduce((s, g) => s + (g - mean) ** 2, 0) / gains.length);
  assertClose(mean, 1, { atol: 4 * 0.25 / Math.sqrt(gains.length) });
  assertClose(sd, 0.25, { rtol: 0.05 });
});

Deno.test("scaling() is the identity for sigma 0 and is seeded and pure", () => {
  const w = gaussianWindow(2, 30, [5], [1]);
  assert.deepEqual(scaling({ sigma: 0 })(w, 30, 1, new Rng(1)), w);
  assertSeededAndPure(scaling(), w, 1);
});

Deno.test("scaling() rejects bad options", () => {
  assertThrowsWith(() => scaling({ sigma: Infinity }), "scaling: option sigma");
});

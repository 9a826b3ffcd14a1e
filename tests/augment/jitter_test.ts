import { jitter } from "../../lib/augment/jitter.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { assertSeededAndPure, gaussianWindow } from "./_windows.ts";

Deno.test("jitter() adds zero-mean noise with variance (sigma·sd)² per channel", () => {
  const length = 20000;
  const sds = [1, 50, 0.02];
  const w = gaussianWindow(1, length, [0, 300, 5], sds);
  const out = jitter({ sigma: 0.2 })(w, length, 3, new Rng(2));
  for (let c = 0; c < 3; c++) {
    let sum = 0;
    let sq = 0;
    for (let t = 0; t < length; t++) {
      const d = out[t * 3 + c] - w[t * 3 + c];
      sum += d;
      sq += d * d;
    }
    const target = (0.2 * sds[c]) ** 2;
    // Sample variance of n normals has relative sd √(2/n) ≈ 1%; allow 5%.
    assertClose(sq / length, target, { rtol: 0.05 }, `variance of channel ${c}`);
    assertClose(sum / length, 0, { atol: 4 * 0.2 * sds[c] / Math.sqrt(length) }, `mean ${c}`);
  }
});

Deno.test("jitter() is the identity for sigma 0 and leaves constant channels unchanged", () => {
  const w = gaussianWindow(3, 50, [1, 7], [2, 0]);
  assert.deepEqual(jitter({ sigma: 0 })(w, 50, 2, new Rng(1)), w);
  const out = jitter({ sigma: 1 })(w, 50, 2, new Rng(1));
  for (let t = 0; t < 50; t++) assert.equal(out[t * 2 + 1], 7);
});

Deno.test("jitter() is seeded and does not modify its input", () => {
  assertSeededAndPure(jitter(), gaussianWindow(4, 64, [0, 1], [1, 2]), 2);
});

Deno.test("jitter() rejects bad options and bad windows", () => {
  assertThrowsWith(() => jitter({ sigma: -0.1 }), "jitter: option sigma", "≥ 0", "-0.1");
  assertThrowsWith(() => jitter({ noise: 1 } as never), "unknown option 'noise'");
  assertThrowsWith(
    () => jitter()(new Float32Array(3), 2, 2, new Rng(1)),
    "jitter: window has 3 values",
  );
});

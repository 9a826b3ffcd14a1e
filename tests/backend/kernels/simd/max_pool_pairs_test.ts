import {
  maxPoolPairsGrad,
  maxPoolPairsModule,
} from "../../../../lib/backend/kernels/simd/max_pool_pairs.ts";
import { assert, assertAllClose } from "../../../_assert.ts";

for (const shared of [false, true]) {
  Deno.test(`maxPoolPairsGrad() routes each pair's gradient to its first maximum (${shared ? "shared" : "unshared"} memory)`, () => {
    assert.ok(WebAssembly.validate(maxPoolPairsModule(shared)));
    const memory = new WebAssembly.Memory(
      shared ? { initial: 1, maximum: 65536, shared: true } : { initial: 1 },
    );
    const grad = maxPoolPairsGrad(memory)!;
    assert.equal(maxPoolPairsGrad(memory), grad, "instantiated once per memory");
    const h = new Float32Array(memory.buffer);
    // One row of 5 columns × 4 channels: pairs (0, 1) and (2, 3); column 4 is in no window.
    // Channel by channel, pair (0, 1): 3 > 1; tie 1 = 1; NaN loses to 2; −∞ and −∞: none.
    // Pair (2, 3): tie; 9 > 4; tie; none.
    h.set([
      3,
      1,
      NaN,
      -Infinity,
      1,
      1,
      2,
      -Infinity,
      4,
      4,
      5,
      -Infinity,
      4,
      9,
      5,
      -Infinity,
      7,
      7,
      7,
      7,
    ]);
    h.set([10, 20, 30, 40, 50, 60, 70, 80], 100);
    h.fill(99, 200, 220);
    grad(0, 400, 800, 1, 2, 5, 4);
    assertAllClose(
      h.subarray(200, 220),
      [10, 20, 0, 0, 0, 0, 30, 0, 50, 0, 70, 0, 0, 60, 0, 0, 0, 0, 0, 0],
      { atol: 0 },
    );
  });
}

Deno.test("maxPoolPairsGrad() walks several rows of several pairs and 8 channels", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const grad = maxPoolPairsGrad(memory)!;
  const h = new Float32Array(memory.buffer);
  const rows = 3, iw = 4, ow = 2, ch = 8;
  const x = Float32Array.from({ length: rows * iw * ch }, (_, i) => Math.sin(i * 1.7));
  const g = Float32Array.from({ length: rows * ow * ch }, (_, i) => i + 1);
  h.set(x, 0);
  h.set(g, 1000);
  grad(0, 4000, 8000, rows, ow, iw, ch);
  const expected = new Float32Array(rows * iw * ch);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < ow; j++) {
      for (let c = 0; c < ch; c++) {
        const i0 = (r * iw + 2 * j) * ch + c, i1 = i0 + ch;
        expected[x[i1] > x[i0] ? i1 : i0] = g[(r * ow + j) * ch + c];
      }
    }
  }
  assertAllClose(h.subarray(2000, 2000 + expected.length), expected, { atol: 0 });
});

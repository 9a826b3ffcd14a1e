import { tf } from "../../../lib/backend/tf.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assert } from "../../_assert.ts";
import { checkKernelAgainstCpu, randomTensor, runKernelOn, wasmReady } from "../_kernel_check.ts";

await wasmReady();

type Pad = "valid" | "same";

Deno.test("MaxPool (wasm) matches cpu on random 1-D pools along the height and the width", async () => {
  const rng = new Rng("max-pool-1d");
  for (let i = 0; i < 30; i++) {
    const b = 1 + rng.int(4), len = 1 + rng.int(30), ch = i % 5 === 4 ? 3 : 4 * (1 + rng.int(4));
    const f = 1 + rng.int(Math.min(4, len)), s = 1 + rng.int(3);
    const alongHeight = i % 2 === 0;
    const shape = alongHeight ? [b, len, 1, ch] : [b, 1, len, ch];
    const filterSize = alongHeight ? [f, 1] : [1, f];
    const strides = alongHeight ? [s, 1] : [1, s];
    const x = randomTensor(rng, shape);
    await checkKernelAgainstCpu(
      "MaxPool",
      { x },
      { filterSize, strides, pad: "valid" },
      0,
      JSON.stringify({ shape, filterSize, strides }),
    );
    x.dispose();
  }
});

Deno.test("MaxPool (wasm) still matches cpu on padded and 2-D pools (the backend's own kernel)", async () => {
  const rng = new Rng("max-pool-fallback");
  const cases: Array<[number[], number[], number[], Pad]> = [
    [[2, 9, 1, 8], [2, 1], [2, 1], "same"],
    [[2, 6, 5, 4], [2, 2], [2, 2], "valid"],
    [[1, 7, 7, 8], [3, 3], [1, 1], "same"],
  ];
  for (const [shape, filterSize, strides, pad] of cases) {
    const x = randomTensor(rng, shape);
    await checkKernelAgainstCpu(
      "MaxPool",
      { x },
      { filterSize, strides, pad },
      0,
      JSON.stringify(shape),
    );
    x.dispose();
  }
});

Deno.test("MaxPool (wasm) skips NaN like cpu: a window's maximum ignores NaN, an all-NaN window gives −∞", async () => {
  // Pairs along the height of [1, 6, 1, 4]: windows (rows 0–1), (2–3), (4–5).
  const v = new Float32Array(24).map((_, i) => i);
  v[0] = NaN; // window 0, channel 0: max(NaN, 4) = 4
  v[8] = NaN; // window 1, channel 0: both NaN → −∞
  v[12] = NaN;
  const x = tf.tensor4d(v, [1, 6, 1, 4]);
  const attrs = { filterSize: [2, 1], strides: [2, 1], pad: "valid" };
  const cpu = await runKernelOn("cpu", "MaxPool", { x }, attrs);
  const wasm = await runKernelOn("wasm", "MaxPool", { x }, attrs);
  assert.deepEqual([...wasm.values], [...cpu.values]);
  assert.deepEqual([...wasm.values.slice(0, 8)], [4, 5, 6, 7, -Infinity, 13, 14, 15]);
  x.dispose();
});

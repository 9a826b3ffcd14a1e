import { tf } from "../../../lib/backend/tf.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assert, assertAllClose } from "../../_assert.ts";
import { checkKernelAgainstCpu, randomTensor, runKernelOn, wasmReady } from "../_kernel_check.ts";

await wasmReady();

Deno.test("Sum (wasm) matches cpu within 1e-5 over leading, inner, mixed and all axes", async () => {
  const rng = new Rng("sum");
  const cases: [number[], number | number[], boolean][] = [
    [[6, 5, 4], [0, 1], false],
    [[6, 5, 4], [1, 0], true],
    [[6, 5, 4], 0, false],
    [[7, 3], [0], true],
    [[6, 5, 4], [1], false],
    [[6, 5, 4], [0, 2], false],
    [[6, 5, 4], -1, true],
    [[6, 5, 4], [0, 1, 2], false],
    [[256, 58, 64], [0, 1], false],
  ];
  for (const [shape, axis, keepDims] of cases) {
    const x = randomTensor(rng, shape);
    await checkKernelAgainstCpu(
      "Sum",
      { x },
      { axis, keepDims },
      1e-5,
      JSON.stringify([shape, axis]),
    );
    x.dispose();
  }
});

Deno.test("Sum (wasm) over the leading axes gives the hand-worked column sums", async () => {
  const x = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
  const got = await runKernelOn("wasm", "Sum", { x }, { axis: [0, 1], keepDims: true });
  assert.deepEqual(got.shape, [1, 1, 2]);
  assertAllClose(got.values, [16, 20], { atol: 0 });
  x.dispose();
});

Deno.test("Sum (wasm) redoes in float64 a float32 block sum that overflowed (3e38 + 3e38 − 3e38 = 3e38, as on cpu)", async () => {
  const col = [3e38, 3e38, -3e38];
  const x = tf.tensor3d(col.flatMap((v) => [v, v, v, v]), [1, 3, 4]);
  const cpu = await runKernelOn("cpu", "Sum", { x }, { axis: [1], keepDims: false });
  const wasm = await runKernelOn("wasm", "Sum", { x }, { axis: [1], keepDims: false });
  assert.ok(cpu.values.every((v) => Math.abs(v - 3e38) < 1e32), `cpu ${cpu.values}`);
  assert.deepEqual([...wasm.values], [...cpu.values]);
  x.dispose();
});

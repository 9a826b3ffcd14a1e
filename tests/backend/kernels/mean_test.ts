import { tf } from "../../../lib/backend/tf.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assert, assertAllClose } from "../../_assert.ts";
import { checkKernelAgainstCpu, randomTensor, runKernelOn, wasmReady } from "../_kernel_check.ts";

await wasmReady();

Deno.test("Mean (wasm) matches cpu within 1e-5 over middle, leading, last, scattered and all axes", async () => {
  const rng = new Rng("mean");
  const cases: [number[], number | number[], boolean][] = [
    [[6, 5, 8], [1], false], // global average pooling (SIMD: 8 channels)
    [[6, 5, 8], [1], true],
    [[6, 5, 3], [1], false], // 3 channels: the JavaScript loop
    [[4, 3, 5, 4], [1, 2], false],
    [[4, 3, 5, 4], [2, 1], true],
    [[7, 3, 4], [0], false], // leading block
    [[6, 5, 4], -1, true], // last axis: the backend's own kernel
    [[6, 5, 4], [0, 2], false], // not consecutive: the backend's own kernel
    [[6, 5, 4], [0, 1, 2], false], // every axis: the backend's own kernel
    [[128, 58, 64], [1], false], // the W encoder's pooling
  ];
  for (const [shape, axis, keepDims] of cases) {
    const x = randomTensor(rng, shape);
    await checkKernelAgainstCpu(
      "Mean",
      { x },
      { axis, keepDims },
      1e-5,
      JSON.stringify([shape, axis, keepDims]),
    );
    x.dispose();
  }
});

Deno.test("Mean (wasm) over the middle axis gives the hand-worked means", async () => {
  // x[a, r, c]: a = 0: rows [1, 2, 3, 4], [5, 6, 7, 8]; a = 1: [0, 0, 0, 4], [2, 2, 2, 0]
  const x = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 4, 2, 2, 2, 0], [2, 2, 4]);
  const got = await runKernelOn("wasm", "Mean", { x }, { axis: [1], keepDims: false });
  assert.deepEqual(got.shape, [2, 4]);
  assertAllClose(got.values, [3, 4, 5, 6, 1, 1, 1, 2], { atol: 0 });
  x.dispose();
});

Deno.test("Mean (wasm) does not overflow where the mean is finite (float32 sums of large values)", async () => {
  for (const shape of [[1, 2, 1], [1, 2, 4]]) {
    const x = tf.fill(shape, 3e38);
    const cpu = await runKernelOn("cpu", "Mean", { x }, { axis: [1], keepDims: false });
    const wasm = await runKernelOn("wasm", "Mean", { x }, { axis: [1], keepDims: false });
    assert.ok(cpu.values.every((v) => Math.abs(v - 3e38) < 1e32), `cpu ${cpu.values}`);
    assert.deepEqual([...wasm.values], [...cpu.values], JSON.stringify(shape));
    x.dispose();
  }
});

import { tf } from "../../../lib/backend/tf.ts";
import { assert, assertAllClose } from "../../_assert.ts";
import { wasmDataIds, wasmReady } from "../_kernel_check.ts";

await wasmReady();

Deno.test("Identity (wasm) shares the data (no new buffer) and survives disposing its input", () => {
  const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
  x.dataSync();
  const before = wasmDataIds();
  const y = tf.engine().runKernel("Identity", { x }) as tf.Tensor;
  assert.equal(wasmDataIds(), before, "no copy made");
  assert.deepEqual(y.shape, [2, 2]);
  x.dispose();
  assertAllClose(y.dataSync(), [1, 2, 3, 4], { atol: 0 });
  y.dispose();
  assert.equal(wasmDataIds(), before - 1, "data freed with the last reference");
});

Deno.test("tf.clone() on wasm gives equal values and leaks nothing", () => {
  const before = tf.memory().numTensors, ids = wasmDataIds();
  tf.tidy(() => {
    const x = tf.range(0, 6).reshape([2, 3]);
    assertAllClose(tf.clone(x).dataSync(), [0, 1, 2, 3, 4, 5], { atol: 0 });
  });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(wasmDataIds(), ids);
});

import { tf } from "../../../lib/backend/tf.ts";
import { assert, assertAllClose } from "../../_assert.ts";
import { wasmDataIds, wasmReady } from "../_kernel_check.ts";

await wasmReady();

Deno.test("Cast (wasm) to the same dtype shares the data (no new buffer) and frees it last", () => {
  const x = tf.tensor2d([1.5, -2, 3, 4], [2, 2]);
  x.dataSync();
  const before = wasmDataIds();
  const y = tf.cast(x, "float32");
  assert.equal(wasmDataIds(), before, "no copy made");
  assert.equal(y.dtype, "float32");
  x.dispose();
  assertAllClose(y.dataSync(), [1.5, -2, 3, 4], { atol: 0 });
  y.dispose();
  assert.equal(wasmDataIds(), before - 1, "data freed with the last reference");
});

Deno.test("Cast (wasm) still converts float32 ↔ int32 as the cpu backend does, without leaks", () => {
  const before = tf.memory().numTensors, ids = wasmDataIds();
  tf.tidy(() => {
    const x = tf.tensor1d([1.7, -2.2, 0, 3]);
    const i = tf.cast(x, "int32");
    assert.equal(i.dtype, "int32");
    assert.deepEqual([...i.dataSync()], [1, -2, 0, 3]);
    assertAllClose(tf.cast(i, "float32").dataSync(), [1, -2, 0, 3], { atol: 0 });
  });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(wasmDataIds(), ids);
});

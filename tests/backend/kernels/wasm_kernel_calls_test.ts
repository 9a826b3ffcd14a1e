import { tf } from "../../../lib/backend/tf.ts";
import {
  heapF32All,
  heapIndex,
  type WasmBackendLike,
} from "../../../lib/backend/kernels/wasm_kernel_calls.ts";
import { assert, assertThrowsWith } from "../../_assert.ts";
import { wasmReady } from "../_kernel_check.ts";

await wasmReady();

Deno.test("heapIndex() locates a tensor's values in heapF32All()'s view of the wasm heap", () => {
  const backend = tf.backend() as unknown as WasmBackendLike;
  const x = tf.tensor1d([3.5, -1, 7]);
  const at = heapIndex(backend, { dataId: x.dataId, shape: x.shape, dtype: x.dtype });
  assert.deepEqual([...heapF32All(backend).subarray(at, at + 3)], [3.5, -1, 7]);
  x.dispose();
});

Deno.test("heapIndex() rejects a tensor that is not float32", () => {
  const backend = tf.backend() as unknown as WasmBackendLike;
  const x = tf.tensor1d([1, 2], "int32");
  assertThrowsWith(
    () => heapIndex(backend, { dataId: x.dataId, shape: x.shape, dtype: x.dtype }),
    "expected a float32 tensor, got int32",
  );
  x.dispose();
});

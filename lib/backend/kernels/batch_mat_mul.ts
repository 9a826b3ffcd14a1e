/**
 * `BatchMatMul` for the tfjs `wasm` backend with transposed operands materialised first.
 *
 * The backend's own kernel is fast for C = A·B (XNNPACK) but falls to a slow path when
 * `transposeA` or `transposeB` is set, which every matmul gradient does (dW = xᵀ·dy,
 * dx = dy·Wᵀ) and which z·zᵀ similarity matrices need: 5–15× slower on our shapes. Here
 * the transposed operand is first copied into row-major order with the backend's
 * `Transpose` kernel (a cheap memory pass), then the fast plain product runs:
 *
 *   C[b] = op(A[b]) · op(B[b]),  op(M) = Mᵀ when the flag is set.
 *
 * @module
 */
import type { tf } from "../tf.ts";
import {
  callWasmKernel,
  kernelInput,
  releaseTensorInfos,
  type TensorInfo,
  type WasmBackendLike,
} from "./wasm_kernel_calls.ts";

/** Swaps the last two axes of `t` into a new row-major tensor. */
function transposeLastTwo(t: TensorInfo, backend: WasmBackendLike): TensorInfo {
  const r = t.shape.length;
  const perm = [...Array(r).keys()];
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return callWasmKernel("Transpose", backend, { x: t }, { perm });
}

/**
 * Kernel config for `BatchMatMul` on wasm: transposes materialised, then `original` (the
 * backend's own kernel function) without transpose flags.
 */
export function makeBatchMatMulKernel(original: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "BatchMatMul",
    backendName: "wasm",
    kernelFunc: (args) => {
      const { inputs, attrs } = args;
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      if (!transposeA && !transposeB) return original(args);
      const backend = args.backend as unknown as WasmBackendLike;
      const a0 = kernelInput("BatchMatMul", inputs, "a");
      const b0 = kernelInput("BatchMatMul", inputs, "b");
      const a = transposeA ? transposeLastTwo(a0, backend) : a0;
      const b = transposeB ? transposeLastTwo(b0, backend) : b0;
      const out = original({
        inputs: { a, b },
        backend: args.backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      }) as TensorInfo;
      if (transposeA) releaseTensorInfos(backend, a);
      if (transposeB) releaseTensorInfos(backend, b);
      return out;
    },
  };
}

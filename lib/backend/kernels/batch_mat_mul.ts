/**
 * `BatchMatMul` for the tfjs `wasm` backend, routed to XNNPACK whenever possible.
 *
 * The backend's own kernel calls XNNPACK only for C = A·B with no transpose flags and a
 * batch of 1 on both sides; everything else — `transposeA`/`transposeB`, which every matmul
 * gradient sets (dW = xᵀ·dy, dx = dy·Wᵀ) and z·zᵀ similarity matrices need, and batched
 * products — falls to a plain triple loop, 5–15× slower on our shapes. Here
 *
 *   C[b] = op(A[b]) · op(B[b]),  op(M) = Mᵀ when the flag is set,
 *
 * is computed as: transposed operands copied into row-major order with the backend's
 * `Transpose` kernel (a cheap memory pass); a batched A times an unbatched B as one product
 * of A seen as [batch·M, K]; other batches one XNNPACK product per batch entry.
 *
 * @module
 */
import type { tf } from "../tf.ts";
import {
  callWasmKernel,
  heapF32,
  kernelInput,
  releaseTensorInfos,
  reshapedView,
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

/** Copies batch entry `i` of a row-major [n, rows, cols] tensor into a new [1, rows, cols]. */
function batchEntry(t: TensorInfo, i: number, backend: WasmBackendLike): TensorInfo {
  const [rows, cols] = t.shape.slice(-2);
  const out = backend.makeOutput([1, rows, cols], "float32");
  const size = rows * cols;
  heapF32(backend, out).set(heapF32(backend, t).subarray(i * size, (i + 1) * size));
  return out;
}

/** Product sizes of everything before the last two axes. */
function batchOf(t: TensorInfo): number {
  return t.shape.slice(0, -2).reduce((p, d) => p * d, 1);
}

/**
 * Kernel config for `BatchMatMul` on wasm: the cases above routed to `original` (the
 * backend's own kernel function) in its fast form; other dtypes and batch shapes that
 * broadcast otherwise than from a batch of 1 go to `original` as they are.
 */
export function makeBatchMatMulKernel(original: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "BatchMatMul",
    backendName: "wasm",
    kernelFunc: (args) => {
      const { inputs, attrs } = args;
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      const a0 = kernelInput("BatchMatMul", inputs, "a");
      const b0 = kernelInput("BatchMatMul", inputs, "b");
      const batchA = batchOf(a0), batchB = batchOf(b0);
      const fast = !transposeA && !transposeB && batchA === 1 && batchB === 1;
      const batchesMatch = batchA === batchB || batchA === 1 || batchB === 1;
      if (fast || !batchesMatch || a0.dtype !== "float32" || b0.dtype !== "float32") {
        return original(args);
      }
      const backend = args.backend as unknown as WasmBackendLike;
      const plain = (a: TensorInfo, b: TensorInfo): TensorInfo =>
        original({
          inputs: { a, b },
          backend: args.backend,
          attrs: { ...attrs, transposeA: false, transposeB: false },
        }) as TensorInfo;
      const a = transposeA ? transposeLastTwo(a0, backend) : a0;
      const b = transposeB ? transposeLastTwo(b0, backend) : b0;
      const [m, k] = a.shape.slice(-2), n = b.shape[b.shape.length - 1];
      const batch = Math.max(batchA, batchB);
      const outShape = [...(batchA >= batchB ? a0 : b0).shape.slice(0, -2), m, n];
      let out: TensorInfo;
      if (batch === 1) {
        out = plain(reshapedView(a, [1, m, k]), reshapedView(b, [1, k, n]));
      } else if (batchB === 1) {
        out = plain(reshapedView(a, [1, batchA * m, k]), reshapedView(b, [1, k, n]));
      } else {
        out = backend.makeOutput([batch, m, n], "float32");
        for (let i = 0; i < batch; i++) {
          const ai = batchA === 1 ? reshapedView(a, [1, m, k]) : batchEntry(a, i, backend);
          const bi = batchEntry(b, i, backend);
          const ci = plain(ai, bi);
          heapF32(backend, out).set(heapF32(backend, ci), i * m * n);
          releaseTensorInfos(backend, ci, bi);
          if (batchA !== 1) releaseTensorInfos(backend, ai);
        }
      }
      if (transposeA) releaseTensorInfos(backend, a);
      if (transposeB) releaseTensorInfos(backend, b);
      return reshapedView(out, outShape);
    },
  };
}

/**
 * `Sum` over leading axes for the tfjs `wasm` backend.
 *
 * Bias gradients reduce an activation [B, …, C] over every axis but the last; the wasm
 * backend's `Sum` first transposes the reduced axes to the end (a full copy) and then
 * reduces. Reducing a leading block of axes needs no transpose: with the input seen as a
 * matrix X[r, c] (r over the reduced axes, c over the kept ones),
 *
 *   out[c] = Σ_r X[r, c]
 *
 * is one streaming pass: a WebAssembly SIMD kernel (`simd/column_sums.ts`, float32 within
 * blocks of rows, float64 across them) when the kept size is a multiple of 4, else a
 * JavaScript loop accumulating in float64 (like the `cpu` backend). Other reductions fall
 * back to the backend's own kernel.
 *
 * @module
 */
import { tf } from "../tf.ts";
import {
  heapF32,
  heapOffset,
  kernelInput,
  releaseTensorInfos,
  type TensorInfo,
  type WasmBackendLike,
  wasmMemory,
} from "./wasm_kernel_calls.ts";
import { columnSums } from "./simd/column_sums.ts";

/**
 * Sums a float32 tensor over its leading axes `0 … k−1`, or returns `null` when `axes` is
 * not such a block (or covers every axis, or the dtype is not float32).
 */
export function sumLeadingAxesWasm(
  x: TensorInfo,
  axes: number[],
  keepDims: boolean,
  backend: WasmBackendLike,
): TensorInfo | null {
  const rank = x.shape.length;
  const sorted = [...axes].sort((p, q) => p - q);
  const k = sorted.length;
  if (x.dtype !== "float32" || k === 0 || k >= rank || sorted.some((a, i) => a !== i)) {
    return null;
  }
  let rows = 1, cols = 1;
  for (let i = 0; i < rank; i++) {
    if (i < k) rows *= x.shape[i];
    else cols *= x.shape[i];
  }
  const outShape = keepDims ? x.shape.map((d, i) => (i < k ? 1 : d)) : x.shape.slice(k);
  const out = backend.makeOutput(outShape, "float32");
  const memory = wasmMemory(backend);
  const simd = cols % 4 === 0 && memory ? columnSums(memory) : null;
  if (simd) {
    const scratch = backend.makeOutput([3 * cols], "float32");
    simd(
      heapOffset(backend, x),
      heapOffset(backend, scratch),
      heapOffset(backend, out),
      rows,
      cols,
    );
    releaseTensorInfos(backend, scratch);
    return out;
  }
  const src = heapF32(backend, x), dst = heapF32(backend, out);
  const acc = new Float64Array(cols);
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    for (let c = 0; c < cols; c++) acc[c] += src[o + c];
  }
  dst.set(acc);
  return out;
}

/** Kernel config for `Sum` on wasm: leading-axes sums here, others via `original`. */
export function makeSumKernel(original: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "Sum",
    backendName: "wasm",
    kernelFunc: (args) => {
      const x = kernelInput("Sum", args.inputs, "x");
      const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
      const axes = tf.util.parseAxisParam(axis, x.shape);
      return sumLeadingAxesWasm(x, axes, keepDims, args.backend as unknown as WasmBackendLike) ??
        original(args);
    },
  };
}

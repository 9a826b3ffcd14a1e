/**
 * `Mean` over a block of consecutive axes before the last for the tfjs `wasm` backend — the
 * global average pooling of a 1-D encoder (mean over the positions of [B, L, C]).
 *
 * The backend's own `Mean` first transposes the reduced axes to the end (a full copy). With
 * the input seen as X[a, r, c] (a over the axes before the block, r over the block, c over
 * the axes after it),
 *
 *   out[a, c] = (1/R) Σ_r X[a, r, c]
 *
 * is one streaming pass per a: the column-sum SIMD kernel (`simd/column_sums.ts`, float32
 * within blocks of rows, float64 across them) when the kept trailing size is a multiple of 4,
 * else — and wherever a float32 block sum overflowed — a JavaScript loop accumulating in
 * float64. Other reductions fall back to the backend's own kernel.
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
 * The mean of a float32 tensor over `axes`, or `null` when `axes` is not a non-empty block
 * of consecutive axes that leaves the last axis out (or the dtype is not float32).
 */
export function meanAxesBlockWasm(
  x: TensorInfo,
  axes: number[],
  keepDims: boolean,
  backend: WasmBackendLike,
): TensorInfo | null {
  const rank = x.shape.length;
  const sorted = [...new Set(axes)].sort((p, q) => p - q);
  const k0 = sorted[0], k1 = sorted[sorted.length - 1] + 1;
  if (
    x.dtype !== "float32" || sorted.length === 0 || sorted.length !== k1 - k0 || k1 >= rank
  ) return null;
  let outer = 1, rows = 1, cols = 1;
  x.shape.forEach((d, i) => {
    if (i < k0) outer *= d;
    else if (i < k1) rows *= d;
    else cols *= d;
  });
  if (rows === 0) return null;
  const outShape = keepDims
    ? x.shape.map((d, i) => (i >= k0 && i < k1 ? 1 : d))
    : x.shape.filter((_, i) => i < k0 || i >= k1);
  const out = backend.makeOutput(outShape, "float32");
  const memory = wasmMemory(backend);
  const simd = cols % 4 === 0 && memory ? columnSums(memory) : null;
  if (simd) {
    const scratch = backend.makeOutput([3 * cols], "float32");
    const xAt = heapOffset(backend, x), sAt = heapOffset(backend, scratch);
    const oAt = heapOffset(backend, out);
    for (let a = 0; a < outer; a++) {
      simd(xAt + 4 * a * rows * cols, sAt, oAt + 4 * a * cols, rows, cols);
    }
    releaseTensorInfos(backend, scratch);
    const dst = heapF32(backend, out);
    let finite = true;
    for (let i = 0; i < dst.length; i++) finite = Number.isFinite(dst[i] /= rows) && finite;
    // A float32 block sum can overflow where the mean does not: redo in float64.
    if (finite) return out;
  }
  const src = heapF32(backend, x), dst = heapF32(backend, out);
  const acc = new Float64Array(cols);
  for (let a = 0; a < outer; a++) {
    acc.fill(0);
    for (let r = 0, o = a * rows * cols; r < rows; r++, o += cols) {
      for (let c = 0; c < cols; c++) acc[c] += src[o + c];
    }
    for (let c = 0; c < cols; c++) dst[a * cols + c] = acc[c] / rows;
  }
  return out;
}

/** Kernel config for `Mean` on wasm: blocks of axes before the last here, others via `original`. */
export function makeMeanKernel(original: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "Mean",
    backendName: "wasm",
    kernelFunc: (args) => {
      const x = kernelInput("Mean", args.inputs, "x");
      const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
      const axes = tf.util.parseAxisParam(axis, x.shape);
      return meanAxesBlockWasm(x, axes, keepDims, args.backend as unknown as WasmBackendLike) ??
        original(args);
    },
  };
}

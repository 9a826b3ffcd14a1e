/**
 * Sums (or means) over a block of consecutive axes before the last one on the tfjs `wasm`
 * backend's heap — the bias gradient (leading axes of [B, …, C]) and global average pooling
 * (the positions of [B, L, C]).
 *
 * The backend's own `Sum` and `Mean` first transpose the reduced axes to the end (a full
 * copy). With the input seen as X[a, r, c] (a over the axes before the block, r over the
 * block, c over the axes after it),
 *
 *   out[a, c] = s · Σ_r X[a, r, c]      (s = 1 for a sum, 1/R for a mean)
 *
 * is one streaming pass per a: the column-sum SIMD kernel (`simd/column_sums.ts`, float32
 * within blocks of rows, float64 across them) when the kept trailing size is a multiple of 4,
 * else — and wherever a float32 block sum overflowed — a JavaScript loop accumulating in
 * float64 (like the `cpu` backend).
 *
 * @module
 */
import {
  heapF32,
  heapOffset,
  releaseTensorInfos,
  type TensorInfo,
  type WasmBackendLike,
  wasmMemory,
} from "./wasm_kernel_calls.ts";
import { columnSums } from "./simd/column_sums.ts";

/**
 * The sum (`mean` false) or mean of a float32 tensor over `axes`, or `null` when `axes` is
 * not a non-empty block of consecutive axes that leaves the last axis out, the block is
 * empty, or the dtype is not float32.
 */
export function reduceAxesBlockWasm(
  x: TensorInfo,
  axes: number[],
  keepDims: boolean,
  mean: boolean,
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
  const scale = mean ? 1 / rows : 1;
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
    for (let i = 0; i < dst.length; i++) {
      if (mean) dst[i] /= rows;
      finite &&= Number.isFinite(dst[i]);
    }
    // A float32 block sum can overflow where the float64 one does not: redo it so.
    if (finite) return out;
  }
  const src = heapF32(backend, x), dst = heapF32(backend, out);
  const acc = new Float64Array(cols);
  for (let a = 0; a < outer; a++) {
    acc.fill(0);
    for (let r = 0, o = a * rows * cols; r < rows; r++, o += cols) {
      for (let c = 0; c < cols; c++) acc[c] += src[o + c];
    }
    for (let c = 0; c < cols; c++) dst[a * cols + c] = acc[c] * scale;
  }
  return out;
}

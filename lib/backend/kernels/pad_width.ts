/**
 * Zero padding along the width of [B, 1, W, C] data on the tfjs wasm backend's heap, for the
 * 1-D convolution kernels (which read their input unpadded).
 *
 * @module
 */
import {
  heapF32All,
  heapIndex,
  type TensorInfo,
  type WasmBackendLike,
} from "./wasm_kernel_calls.ts";

/**
 * A new [B, wp, C] tensor whose row b is `left` zero positions, then positions 0 … of x's
 * row b (as many as fit), then zeros up to `wp` positions. x is [B, 1, W, C] (or [B, W, C]).
 * The caller releases the result.
 */
export function padWidth(
  backend: WasmBackendLike,
  x: TensorInfo,
  left: number,
  wp: number,
): TensorInfo {
  const nb = x.shape[0], w = x.shape[x.shape.length - 2], c = x.shape[x.shape.length - 1];
  if (!(Number.isInteger(left) && left >= 0 && Number.isInteger(wp) && wp >= 1)) {
    throw new Error(`padWidth: expected left ≥ 0 and wp ≥ 1, got ${left} and ${wp}`);
  }
  const out = backend.makeOutput([nb, wp, c], "float32");
  // Views only after the allocation, which may have moved the heap.
  const heap = heapF32All(backend);
  const src = heapIndex(backend, x), dst = heapIndex(backend, out);
  const lead = Math.min(left, wp) * c, len = Math.max(0, Math.min(w, wp - left)) * c;
  for (let b = 0; b < nb; b++) {
    const d = dst + b * wp * c, s = src + b * w * c;
    heap.fill(0, d, d + lead);
    heap.copyWithin(d + lead, s, s + len);
    heap.fill(0, d + lead + len, d + wp * c);
  }
  return out;
}

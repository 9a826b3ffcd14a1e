/**
 * A fast `MaxPoolGrad` for the tfjs `wasm` backend, written as one pass over the output
 * gradient directly on the wasm heap (the backend's own kernel is several times slower on
 * the 1-D pools of our encoders). Pools of two-cell windows with stride 2 (MaxPooling1D(2))
 * over a multiple of 4 channels run as a WebAssembly SIMD kernel (`simd/max_pool_pairs.ts`).
 *
 * For each output position (b, i, j, c) the gradient dy[b, i, j, c] goes to the input
 * position of the maximum of its pooling window (padding excluded); ties go to the first
 * maximum in row-major window order, and a window with no value above −∞ (or only NaN)
 * passes no gradient, exactly as tfjs's `cpu` backend does:
 *
 *   dx[b, p, q, c] = Σ_{(i, j): argmax of window (i, j) = (p, q)} dy[b, i, j, c]
 *
 * @module
 */
import { tf } from "../tf.ts";
import {
  heapF32,
  heapOffset,
  kernelInput,
  type TensorInfo,
  type WasmBackendLike,
  wasmMemory,
} from "./wasm_kernel_calls.ts";
import { maxPoolPairsGrad } from "./simd/max_pool_pairs.ts";

/** Attributes tfjs passes to `MaxPoolGrad`. */
export interface MaxPoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/** Computes the max-pool input gradient (NHWC) on the wasm heap. */
export function maxPoolGradWasm(
  dy: TensorInfo,
  input: TensorInfo,
  attrs: MaxPoolGradAttrs,
  backend: WasmBackendLike,
): TensorInfo {
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: ch, outHeight, outWidth } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const fh = info.effectiveFilterHeight, fw = info.effectiveFilterWidth;
  const pt = info.padInfo.top, pl = info.padInfo.left;
  const dxInfo = backend.makeOutput(input.shape, "float32");
  // Windows of two cells adjacent in memory: 1 × 2 along the width (pool [1, 2]), or 2 × 1
  // along the height of a one-column image (pool [2, 1] on [b, w, 1, c], as tfjs-layers'
  // MaxPooling1D calls it).
  const alongWidth = fh === 1 && sh === 1 && fw === 2 && sw === 2 && outHeight === inHeight &&
    2 * outWidth <= inWidth;
  const alongHeight = fw === 1 && inWidth === 1 && outWidth === 1 && fh === 2 && sh === 2 &&
    2 * outHeight <= inHeight;
  if ((alongWidth || alongHeight) && pt === 0 && pl === 0 && ch % 4 === 0) {
    const memory = wasmMemory(backend);
    const simd = memory && maxPoolPairsGrad(memory);
    if (simd) {
      const [x, g, dx] = [input, dy, dxInfo].map((t) => heapOffset(backend, t));
      if (alongWidth) simd(x, g, dx, batchSize * inHeight, outWidth, inWidth, ch);
      else simd(x, g, dx, batchSize, outHeight, inHeight, ch);
      return dxInfo;
    }
  }
  // Views only after the allocation above, which may have moved the heap.
  const x = heapF32(backend, input), g = heapF32(backend, dy), dx = heapF32(backend, dxInfo);
  if (sh === fh && sw === fw && pt === 0 && pl === 0) {
    disjointWindows(x, g, dx, batchSize, inHeight, inWidth, ch, outHeight, outWidth, fh, fw);
  } else {
    overlappingWindows(x, g, dx, info);
  }
  return dxInfo;
}

/**
 * Windows that tile the input without overlap or top/left padding (stride = pool size, the
 * usual pooling; windows may run past the bottom/right edge): every input cell belongs to at most one window, so dx is written once per cell.
 */
function disjointWindows(
  x: Float32Array,
  g: Float32Array,
  dx: Float32Array,
  nb: number,
  ih: number,
  iw: number,
  ch: number,
  oh: number,
  ow: number,
  fh: number,
  fw: number,
): void {
  if (oh * fh < ih || ow * fw < iw) dx.fill(0); // cells no window covers
  const rowIn = iw * ch, imgIn = ih * rowIn;
  const cells = new Int32Array(fh * fw); // flat offsets of the window's cells (channel 0)
  let o = 0; // flat index into dy, laid out [b, i, j, c]
  for (let b = 0; b < nb; b++) {
    for (let i = 0; i < oh; i++) {
      const rHi = Math.min(ih, i * fh + fh);
      for (let j = 0; j < ow; j++, o += ch) {
        const qHi = Math.min(iw, j * fw + fw);
        let n = 0;
        for (let r = i * fh; r < rHi; r++) {
          for (let q = j * fw; q < qHi; q++) cells[n++] = b * imgIn + r * rowIn + q * ch;
        }
        for (let c = 0; c < ch; c++) {
          let best = -Infinity, at = -1;
          for (let m = 0; m < n; m++) {
            const v = x[cells[m] + c];
            if (v > best) {
              best = v;
              at = m;
            }
          }
          const grad = g[o + c];
          for (let m = 0; m < n; m++) dx[cells[m] + c] = m === at ? grad : 0;
        }
      }
    }
  }
}

/** Any windows (overlapping, padded): accumulate dy into the argmax of each window. */
function overlappingWindows(
  x: Float32Array,
  g: Float32Array,
  dx: Float32Array,
  info: tf.backend_util.Conv2DInfo,
): void {
  const { batchSize, inHeight, inWidth, inChannels: ch, outHeight, outWidth } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const fh = info.effectiveFilterHeight, fw = info.effectiveFilterWidth;
  const pt = info.padInfo.top, pl = info.padInfo.left;
  dx.fill(0);
  const rowIn = inWidth * ch, imgIn = inHeight * rowIn;
  const best = new Float32Array(ch), at = new Int32Array(ch);
  let o = 0; // flat index into dy, laid out [b, i, j, c]
  for (let b = 0; b < batchSize; b++) {
    for (let i = 0; i < outHeight; i++) {
      const r0 = i * sh - pt;
      const rLo = Math.max(0, r0), rHi = Math.min(inHeight, r0 + fh);
      for (let j = 0; j < outWidth; j++, o += ch) {
        const c0 = j * sw - pl;
        const cLo = Math.max(0, c0), cHi = Math.min(inWidth, c0 + fw);
        best.fill(-Infinity);
        at.fill(-1);
        for (let r = rLo; r < rHi; r++) {
          for (let q = cLo; q < cHi; q++) {
            const base = b * imgIn + r * rowIn + q * ch;
            for (let c = 0; c < ch; c++) {
              const v = x[base + c];
              if (v > best[c]) {
                best[c] = v;
                at[c] = base + c;
              }
            }
          }
        }
        for (let c = 0; c < ch; c++) if (at[c] >= 0) dx[at[c]] += g[o + c];
      }
    }
  }
}
/** Kernel config registering {@linkcode maxPoolGradWasm} as `MaxPoolGrad` on wasm. */
export const maxPoolGradKernel: tf.KernelConfig = {
  kernelName: "MaxPoolGrad",
  backendName: "wasm",
  kernelFunc: ({ inputs, backend, attrs }) =>
    maxPoolGradWasm(
      kernelInput("MaxPoolGrad", inputs, "dy"),
      kernelInput("MaxPoolGrad", inputs, "input"),
      attrs as unknown as MaxPoolGradAttrs,
      backend as unknown as WasmBackendLike,
    ),
};

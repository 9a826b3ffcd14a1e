/**
 * `Conv2DBackpropFilter` for the tfjs `wasm` backend, which does not ship one.
 *
 * The filter gradient of y = conv2d(x, W) (NHWC, strides sh/sw, padding pt/pl on top/left) is
 *
 *   dW[kh, kw, ci, co] = Σ_{b, i, j} x[b, i·sh + kh − pt, j·sw + kw − pl, ci] · dy[b, i, j, co]
 *
 * i.e. a matrix product dW = Pᵀ · dy, with Pᵀ[(kh, kw, ci), (b, i, j)] the transposed
 * patch matrix of x (zero where the window reaches into the padding) and dy seen as
 * [(b, i, j), co]. It is computed over chunks of images whose Pᵀ block is built directly in
 * that layout on the wasm heap (contiguous row copies from x transposed to [ci, B, H, W]);
 * each block product runs on the backend's XNNPACK matmul and the partial products are
 * summed in float64. About twice as fast as writing the gradient as a forward convolution of
 * the transposed input with the transposed output gradient (dilation = stride), which is kept
 * for images whose patch matrix would be too large ({@linkcode MAX_PATCH_ELEMENTS}).
 *
 * @module
 */
import { tf } from "../tf.ts";
import {
  callWasmKernel,
  heapF32,
  heapF32All,
  heapIndex,
  heapOffset,
  kernelInput,
  releaseTensorInfos,
  reshapedView,
  type TensorInfo,
  type WasmBackendLike,
  wasmMemory,
} from "./wasm_kernel_calls.ts";
import { stridedRows } from "./simd/strided_rows.ts";
import { tileRegions } from "./simd/conv1d_filter_gemm.ts";
import { conv1dKernels } from "./simd/conv1d_kernels.ts";
import { type KernelJob, kernelThreadsFor, runKernelJobs } from "../kernel_threads.ts";
import { padWidth } from "./pad_width.ts";

/** Attributes tfjs passes to `Conv2DBackpropFilter`. */
export interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape: [number, number, number, number];
}

/**
 * Largest patch matrix of one image (in float32 elements, 256 MiB) for the matmul path;
 * larger ones use the convolution path.
 */
export const MAX_PATCH_ELEMENTS = 64 * 1024 * 1024;

/** Columns (output positions) per chunk of the matmul path. */
const CHUNK_COLUMNS = 4096;
/** Patch rows (fh·fw·ci) from which the matmul path works in chunks. */
export const CHUNK_MIN_ROWS = 32;

/** Positions per chunk of the 1-D kernel (x and dy of a chunk stay in the L1 cache). */
const GEMM1D_CHUNK = 128;
/** Blocks of images of the 1-D kernel (each block one float64 accumulator). */
export const GEMM1D_BLOCKS = 8;

/** Which formulation {@linkcode conv2dBackpropFilterWasm} uses. */
export type Conv2DBackpropFilterMethod = "auto" | "gemm1d" | "matmul" | "conv";

function convInfoOf(x: TensorInfo, attrs: Conv2DBackpropFilterAttrs) {
  if (attrs.dataFormat !== "NHWC") {
    throw new Error(
      `Conv2DBackpropFilter (wasm): dataFormat must be 'NHWC', got '${attrs.dataFormat}'`,
    );
  }
  return tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}

/**
 * Computes the conv2d filter gradient on the wasm backend: as Pᵀ · dy (`"matmul"`), as a
 * forward convolution (`"conv"`), or the matmul unless its patch matrix is too large
 * (`"auto"`, the default). `chunkColumns` sets the matmul's chunk size (for benchmarks and
 * tests; it applies from {@linkcode CHUNK_MIN_ROWS} patch rows).
 */
export function conv2dBackpropFilterWasm(
  x: TensorInfo,
  dy: TensorInfo,
  attrs: Conv2DBackpropFilterAttrs,
  backend: WasmBackendLike,
  method: Conv2DBackpropFilterMethod = "auto",
  chunkColumns = CHUNK_COLUMNS,
): TensorInfo {
  if (x.dtype !== "float32" || dy.dtype !== "float32") {
    throw new Error(
      `Conv2DBackpropFilter (wasm): x and dy must be float32, got ${x.dtype} and ${dy.dtype}`,
    );
  }
  const info = convInfoOf(x, attrs);
  if (method === "gemm1d" || method === "auto") {
    const out = viaGemm1d(x, dy, info, backend);
    if (out !== null) return out;
    if (method === "gemm1d") {
      throw new Error(
        "Conv2DBackpropFilter (wasm): the 1-D kernel needs a 1-row input and filter, stride 1 " +
          "along the width, output channels a multiple of 4 and wasm SIMD",
      );
    }
  }
  const patchElements = info.filterHeight * info.filterWidth * info.inChannels *
    info.outHeight * info.outWidth;
  const useMatmul = method === "matmul" ||
    (method === "auto" && patchElements <= MAX_PATCH_ELEMENTS);
  if (!useMatmul) return viaConv(x, dy, info, backend);
  const rows = info.filterHeight * info.filterWidth * info.inChannels;
  return rows < CHUNK_MIN_ROWS && rows < info.outChannels
    ? viaMatmulTransposed(x, dy, info, backend)
    : viaMatmul(x, dy, info, backend, chunkColumns);
}

/**
 * The 1-D case (one input row, filter height 1, stride 1 along the width, output channels a
 * multiple of 4) by the SIMD kernel of simd/conv1d_filter_gemm.ts: no patch matrix; the
 * images split into {@linkcode GEMM1D_BLOCKS} blocks shared out between the kernel threads,
 * each block with its own float64 accumulator, summed in block order (so the result does not
 * depend on the thread count). Returns null when the case or the kernel does not apply.
 */
function viaGemm1d(
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: WasmBackendLike,
): TensorInfo | null {
  const { batchSize: nb, inWidth: iw, inChannels: ci, outChannels: co } = info;
  const { filterWidth: fw, outWidth: ow } = info;
  if (
    info.inHeight !== 1 || info.filterHeight !== 1 || info.outHeight !== 1 ||
    info.strideWidth !== 1 || info.dilationWidth !== 1 || co < 4 || co % 4 !== 0 || ci < 1 ||
    nb < 1 || ow < 1 || x.dtype !== "float32" || dy.dtype !== "float32"
  ) return null;
  const memory = wasmMemory(backend);
  if (memory === null) return null;
  const kernel = conv1dKernels(memory);
  if (kernel === null) return null;
  const m = fw * ci;
  const pl = info.padInfo.left;
  const wp = ow - 1 + fw; // width the positions read: x padded (or cut) to it
  const padded = pl !== 0 || wp > iw;
  const pool = kernelThreadsFor(kernel.module, memory);
  const threads = pool?.threads ?? 1;
  // Images in a fixed number of blocks, each with its own float64 accumulator, summed in
  // block order at the end: the result does not depend on the thread count.
  const blocks = Math.min(GEMM1D_BLOCKS, nb);
  const temps: TensorInfo[] = [];
  let dW: TensorInfo | null = null;
  try {
    const xp = padded ? padWidth(backend, x, pl, wp) : x;
    if (padded) temps.push(xp);
    const acc = backend.makeOutput([blocks * m * co * 2], "float32"); // float64 [blocks, M, co]
    temps.push(acc);
    const accOffset = heapOffset(backend, acc);
    if (accOffset % 8 !== 0) return null;
    new Float64Array(heapF32All(backend).buffer, accOffset, blocks * m * co).fill(0);
    const xBytes = heapOffset(backend, xp), dyBytes = heapOffset(backend, dy);
    const regions = tileRegions(m, co);
    const call = (r: (typeof regions)[number], k: number) => {
      const b0 = Math.floor((k * nb) / blocks), b1 = Math.floor(((k + 1) * nb) / blocks);
      return {
        fn: `tile_${r.mr}x${r.nv}`,
        args: [
          xBytes + (b0 * wp * ci + r.m0) * 4,
          dyBytes + (b0 * ow * co + r.n0) * 4,
          accOffset + ((k * m + r.m0) * co + r.n0) * 8,
          b1 - b0,
          ow,
          wp * ci * 4,
          ci * 4,
          co * 4,
          co * 8,
          r.mTiles,
          r.nTiles,
          GEMM1D_CHUNK,
        ],
      };
    };
    // One job per thread: a contiguous run of blocks, each through every region.
    const used = Math.min(threads, blocks);
    const jobs: KernelJob[] = Array.from({ length: used }, (_, t) => {
      const k0 = Math.floor((t * blocks) / used), k1 = Math.floor(((t + 1) * blocks) / used);
      const calls: KernelJob = [];
      for (let k = k0; k < k1; k++) for (const r of regions) calls.push(call(r, k));
      return calls;
    });
    runKernelJobs(pool, jobs, (c) => kernel.fns[c.fn](...c.args));
    dW = backend.makeOutput([1, fw, ci, co], "float32");
    // The allocation may have moved the heap: fresh views.
    const total = new Float64Array(heapF32All(backend).buffer, accOffset, blocks * m * co);
    const out = heapF32(backend, dW);
    for (let e = 0; e < m * co; e++) {
      let s = 0;
      for (let k = 0; k < blocks; k++) s += total[k * m * co + e];
      out[e] = s;
    }
    return dW;
  } catch (e) {
    if (dW !== null) releaseTensorInfos(backend, dW);
    throw e;
  } finally {
    releaseTensorInfos(backend, ...temps);
  }
}

function viaMatmul(
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: WasmBackendLike,
  chunkColumns: number,
): TensorInfo {
  const { batchSize: nb, inHeight: ih, inWidth: iw, inChannels: ci, outChannels: co } = info;
  const { filterHeight: fh, filterWidth: fw, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const pt = info.padInfo.top, pl = info.padInfo.left;
  const rows = fh * fw * ci, perImage = oh * ow;
  // Images per chunk: with many patch rows the product runs over chunks of about
  // `chunkColumns` columns, whose operands stay in cache (XNNPACK packs dy and re-reads it
  // once per few patch rows), and the partial products are summed in float64. With few rows
  // one product is faster, above all with several threads.
  const chunk = rows < CHUNK_MIN_ROWS
    ? nb
    : Math.max(1, Math.min(nb, Math.round(chunkColumns / perImage)));
  const xT = callWasmKernel("Transpose", backend, { x }, { perm: [3, 0, 1, 2] }); // [ci, B, H, W]
  // Patch rows are copied by a WebAssembly loop where it can run (stride 1 along the width);
  // else one JavaScript copy per row.
  const memory = wasmMemory(backend);
  const rowsKernel = sw === 1 && memory !== null ? stridedRows(memory) : null;
  const acc = new Float64Array(rows * co);
  for (let b0 = 0; b0 < nb; b0 += chunk) {
    const images = Math.min(chunk, nb - b0), cols = images * perImage;
    const patches = backend.makeOutput([1, rows, cols], "float32");
    // The whole dy is used as it is; a chunk of it is copied out (a tensor of its own).
    const whole = images === nb;
    const dyChunk = whole
      ? reshapedView(dy, [1, cols, co])
      : backend.makeOutput([1, cols, co], "float32");
    // Views only after the allocations above, which may have moved the heap.
    // One view of the whole heap: rows are copied with copyWithin (a native memmove, no
    // subarray objects), several times faster than set(subarray) for short rows.
    const heap = heapF32All(backend);
    const src = heapIndex(backend, xT), dst = heapIndex(backend, patches);
    if (!whole) {
      heapF32(backend, dyChunk).set(
        heapF32(backend, dy).subarray(b0 * perImage * co, (b0 + images) * perImage * co),
      );
    }
    for (let kh = 0; kh < fh; kh++) {
      for (let kw = 0; kw < fw; kw++) {
        // Columns j of a patch row that read inside x: jLo ≤ j < jHi.
        const jLo = Math.min(ow, Math.max(0, Math.ceil((pl - kw) / sw)));
        const jHi = Math.max(jLo, Math.min(ow, Math.ceil((iw - kw + pl) / sw)));
        for (let c = 0; c < ci; c++) {
          let o = ((kh * fw + kw) * ci + c) * cols;
          if (rowsKernel !== null) {
            // One call per (kh, kw, c, i), looping over the chunk's images in WebAssembly.
            for (let i = 0; i < oh; i++) {
              const r = i * sh + kh - pt, inside = r >= 0 && r < ih;
              const row = src + ((c * nb + b0) * ih + r) * iw + kw - pl; // column j = 0
              rowsKernel(
                4 * (dst + o + i * ow),
                inside ? 4 * (row + jLo) : 0,
                images,
                4 * perImage,
                4 * ih * iw,
                4 * (inside ? jLo : ow),
                inside ? 4 * (jHi - jLo) : 0,
                inside ? 4 * (ow - jHi) : 0,
              );
            }
            continue;
          }
          for (let b = b0; b < b0 + images; b++) {
            for (let i = 0; i < oh; i++, o += ow) {
              const r = i * sh + kh - pt;
              const d = dst + o;
              if (r < 0 || r >= ih) {
                heap.fill(0, d, d + ow);
                continue;
              }
              const row = src + ((c * nb + b) * ih + r) * iw + kw - pl; // column j = 0
              if (jLo > 0) heap.fill(0, d, d + jLo);
              if (sw === 1) {
                heap.copyWithin(d + jLo, row + jLo, row + jHi);
              } else {
                for (let j = jLo; j < jHi; j++) heap[d + j] = heap[row + j * sw];
              }
              if (jHi < ow) heap.fill(0, d + jHi, d + ow);
            }
          }
        }
      }
    }
    const part = callWasmKernel("BatchMatMul", backend, { a: patches, b: dyChunk }, {
      transposeA: false,
      transposeB: false,
    });
    const p = heapF32(backend, part);
    for (let e = 0; e < acc.length; e++) acc[e] += p[e];
    releaseTensorInfos(backend, patches, part);
    if (!whole) releaseTensorInfos(backend, dyChunk);
  }
  releaseTensorInfos(backend, xT);
  const dW = backend.makeOutput([fh, fw, ci, co], "float32");
  heapF32(backend, dW).set(acc);
  return dW;
}

/**
 * dWᵀ = dyᵀ · P in one product, for filters with fewer patch rows than output channels (a
 * first layer on one input channel): XNNPACK then packs the patch matrix P [(b, i, j),
 * (kh, kw, ci)] — the smaller operand; its packing costs ~4–10 ns per element — instead of
 * dy.
 */
function viaMatmulTransposed(
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: WasmBackendLike,
): TensorInfo {
  const { batchSize: nb, inHeight: ih, inWidth: iw, inChannels: ci, outChannels: co } = info;
  const { filterHeight: fh, filterWidth: fw, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const pt = info.padInfo.top, pl = info.padInfo.left;
  const rows = fh * fw * ci, cols = nb * oh * ow;
  const dyT = callWasmKernel("Transpose", backend, { x: reshapedView(dy, [1, cols, co]) }, {
    perm: [0, 2, 1],
  });
  const patches = backend.makeOutput([1, cols, rows], "float32");
  // Views only after the allocations above, which may have moved the heap.
  const src = heapF32(backend, x), dst = heapF32(backend, patches);
  let o = 0;
  for (let b = 0; b < nb; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        for (let kh = 0; kh < fh; kh++) {
          const r = i * sh + kh - pt;
          for (let kw = 0; kw < fw; kw++, o += ci) {
            const q = j * sw + kw - pl;
            if (r < 0 || r >= ih || q < 0 || q >= iw) {
              dst.fill(0, o, o + ci);
            } else {
              const at = ((b * ih + r) * iw + q) * ci;
              for (let c = 0; c < ci; c++) dst[o + c] = src[at + c];
            }
          }
        }
      }
    }
  }
  const prodT = callWasmKernel("BatchMatMul", backend, { a: dyT, b: patches }, {
    transposeA: false,
    transposeB: false,
  });
  releaseTensorInfos(backend, dyT, patches);
  const dW = callWasmKernel("Transpose", backend, { x: prodT }, { perm: [0, 2, 1] });
  releaseTensorInfos(backend, prodT);
  return reshapedView(dW, [fh, fw, ci, co]);
}

function viaConv(
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: WasmBackendLike,
): TensorInfo {
  const { inHeight: ih, inWidth: iw, filterHeight: fh, filterWidth: fw } = info;
  const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
  const pt = info.padInfo.top, pl = info.padInfo.left;
  // Bottom/right padding that makes the output exactly fh × fw; when negative (rows the
  // forward conv never read), pad 0 and crop the output instead.
  const pb = (oh - 1) * sh + fh - ih - pt;
  const pr = (ow - 1) * sw + fw - iw - pl;
  // x' = [ci, H, W, B] as the input, dy' = [oh, ow, B, co] as the filter.
  const xT = callWasmKernel("Transpose", backend, { x }, { perm: [3, 1, 2, 0] });
  const dyT = callWasmKernel("Transpose", backend, { x: dy }, { perm: [1, 2, 0, 3] });
  const conv = callWasmKernel("Conv2D", backend, { x: xT, filter: dyT }, {
    strides: [1, 1],
    dilations: [sh, sw],
    pad: [[0, 0], [pt, Math.max(0, pb)], [pl, Math.max(0, pr)], [0, 0]],
    dataFormat: "NHWC",
  });
  releaseTensorInfos(backend, xT, dyT);
  let cropped = conv;
  if (pb < 0 || pr < 0) {
    cropped = callWasmKernel("Slice", backend, { x: conv }, {
      begin: [0, 0, 0, 0],
      size: [conv.shape[0], fh, fw, conv.shape[3]],
    });
    releaseTensorInfos(backend, conv);
  }
  const dW = callWasmKernel("Transpose", backend, { x: cropped }, { perm: [1, 2, 0, 3] });
  releaseTensorInfos(backend, cropped);
  return dW;
}

/** Kernel config registering {@linkcode conv2dBackpropFilterWasm} as `Conv2DBackpropFilter`. */
export const conv2dBackpropFilterKernel: tf.KernelConfig = {
  kernelName: "Conv2DBackpropFilter",
  backendName: "wasm",
  kernelFunc: ({ inputs, backend, attrs }) =>
    conv2dBackpropFilterWasm(
      kernelInput("Conv2DBackpropFilter", inputs, "x"),
      kernelInput("Conv2DBackpropFilter", inputs, "dy"),
      attrs as unknown as Conv2DBackpropFilterAttrs,
      backend as unknown as WasmBackendLike,
    ),
};

/**
 * A faster `Conv2D` for the tfjs `wasm` backend on 1-D convolutions (one input row, filter
 * height 1, stride and dilation 1 along the width, output channels a multiple of 4): the
 * SIMD kernel of simd/conv1d_forward.ts, with the images split between the kernel threads
 * (kernel_threads.ts). Every other case goes to the backend's own (XNNPACK) kernel.
 *
 * {@linkcode conv1dForwardWasm} also serves the input gradient (conv2d_backprop_input.ts),
 * which is a forward convolution of the padded output gradient with the flipped filter.
 *
 * @module
 */
import { tf } from "../tf.ts";
import { kernelThreadsFor, runKernelJobs } from "../kernel_threads.ts";
import { forwardRegions, packedOffset, packFilter } from "./simd/conv1d_forward.ts";
import { conv1dKernels } from "./simd/conv1d_kernels.ts";
import { padWidth } from "./pad_width.ts";
import {
  heapF32,
  heapOffset,
  kernelInput,
  releaseTensorInfos,
  type TensorInfo,
  type WasmBackendLike,
  wasmMemory,
} from "./wasm_kernel_calls.ts";

/**
 * y = conv1d(x, filter) at stride 1 with `left`/`right` zero positions of padding: x is
 * [B, 1, W, ci], filter [1, fw, ci, co], y [B, 1, W + left + right − fw + 1, co]. Returns
 * null when the kernel does not apply (other shapes or dtypes, co not a multiple of 4, no
 * output position, no wasm SIMD); the caller then uses the backend's own kernel.
 */
export function conv1dForwardWasm(
  x: TensorInfo,
  filter: TensorInfo,
  left: number,
  right: number,
  backend: WasmBackendLike,
): TensorInfo | null {
  if (x.shape.length !== 4 || filter.shape.length !== 4) return null;
  const [nb, ih, iw, ci] = x.shape;
  const [fh, fw, fci, co] = filter.shape;
  if (ih !== 1 || fh !== 1 || fci !== ci || ci < 1 || co < 4 || co % 4 !== 0 || nb < 1) {
    return null;
  }
  if (x.dtype !== "float32" || filter.dtype !== "float32") return null;
  if (!(left >= 0 && right >= 0)) return null;
  const wp = iw + left + right, ow = wp - fw + 1;
  if (ow < 1) return null;
  const memory = wasmMemory(backend);
  if (memory === null) return null;
  const kernels = conv1dKernels(memory);
  if (kernels === null) return null;
  const m = fw * ci;
  const pool = kernelThreadsFor(kernels.module, memory);
  const threads = Math.max(1, Math.min(pool?.threads ?? 1, nb));
  const padded = left > 0 || right > 0;
  const temps: TensorInfo[] = [];
  let y: TensorInfo | null = null;
  try {
    const xp = padded ? padWidth(backend, x, left, wp) : x;
    if (padded) temps.push(xp);
    const packed = backend.makeOutput([m * co], "float32");
    temps.push(packed);
    y = backend.makeOutput([nb, 1, ow, co], "float32");
    // Views only after the allocations above, which may have moved the heap.
    packFilter(heapF32(backend, filter), m, co, heapF32(backend, packed));
    const xBytes = heapOffset(backend, xp), fBytes = heapOffset(backend, packed);
    const yBytes = heapOffset(backend, y);
    const regions = forwardRegions(ow, co);
    // One job per thread: its images through every region.
    const jobs = Array.from({ length: threads }, (_, t) => {
      const b0 = Math.floor((t * nb) / threads), b1 = Math.floor(((t + 1) * nb) / threads);
      return regions.map((r) => ({
        fn: `conv_${r.mr}x${r.nv}`,
        args: [
          xBytes + b0 * wp * ci * 4,
          fBytes + packedOffset(r, m),
          yBytes + (b0 * ow * co + r.n0) * 4,
          b1 - b0,
          r.p0,
          r.pTiles,
          r.nTiles,
          wp * ci * 4,
          ci * 4,
          ow * co * 4,
          co * 4,
          m * r.nv * 16,
          m >> 2,
          m & 3,
        ],
      }));
    });
    runKernelJobs(pool, jobs, (call) => kernels.fns[call.fn](...call.args));
    return y;
  } catch (e) {
    if (y !== null) releaseTensorInfos(backend, y);
    throw e;
  } finally {
    releaseTensorInfos(backend, ...temps);
  }
}

/** Attributes tfjs passes to `Conv2D`. */
export interface Conv2DAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dilations: [number, number] | number;
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/**
 * Kernel config for `Conv2D` on wasm: {@linkcode conv1dForwardWasm} for 1-D convolutions at
 * stride and dilation 1 in NHWC, else `fallback` (the backend's original kernel function).
 */
export function makeConv2dKernel(fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "Conv2D",
    backendName: "wasm",
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = args;
      const x = kernelInput("Conv2D", inputs, "x");
      const filter = kernelInput("Conv2D", inputs, "filter");
      const a = attrs as unknown as Conv2DAttrs;
      if (a.dataFormat === "NHWC" && x.shape.length === 4 && filter.shape.length === 4) {
        const info = tf.backend_util.computeConv2DInfo(
          x.shape as [number, number, number, number],
          filter.shape as [number, number, number, number],
          a.strides,
          a.dilations,
          a.pad,
          a.dimRoundingMode,
        );
        if (
          info.strideWidth === 1 && info.dilationWidth === 1 && info.dilationHeight === 1 &&
          info.padInfo.top === 0 && info.padInfo.bottom === 0 && info.outHeight === 1
        ) {
          const y = conv1dForwardWasm(
            x,
            filter,
            info.padInfo.left,
            info.padInfo.right,
            backend as unknown as WasmBackendLike,
          );
          if (y !== null && y.shape[2] === info.outWidth) return y;
          if (y !== null) {
            (backend as unknown as WasmBackendLike).disposeData(y.dataId);
          }
        }
      }
      return fallback(args);
    },
  };
}

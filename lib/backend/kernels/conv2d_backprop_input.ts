/**
 * A fast `Conv2DBackpropInput` for the tfjs `wasm` backend (its own is a plain loop).
 *
 * At stride 1 the input gradient of y = conv2d(x, W) (NHWC, padding pt/pl on top/left) is
 *
 *   dx[b, i, j, ci] = Σ_{kh, kw, co} dy[b, i + pt − kh, j + pl − kw, co] · W[kh, kw, ci, co]
 *
 * i.e. a forward convolution of dy, padded by (fh − 1 − pt) on top and (fw − 1 − pl) on the
 * left, with the filter flipped in both spatial axes and its channel axes swapped:
 * W'[a, c, co, ci] = W[fh − 1 − a, fw − 1 − c, ci, co]. That convolution runs on our 1-D
 * SIMD kernel (conv2d.ts) where it applies, else on XNNPACK.
 * Strides above 1 need a dilated dy (a transposed convolution) and fall back to the wasm
 * backend's original kernel, as do explicit paddings wider than the filter.
 *
 * @module
 */
import { tf } from "../tf.ts";
import {
  callWasmKernel,
  heapF32,
  kernelInput,
  releaseTensorInfos,
  type TensorInfo,
  type WasmBackendLike,
} from "./wasm_kernel_calls.ts";
import { conv1dForwardWasm } from "./conv2d.ts";

/** Attributes tfjs passes to `Conv2DBackpropInput`. */
export interface Conv2DBackpropInputAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  inputShape: [number, number, number, number];
}

/**
 * The filter [fh, fw, ci, co] rotated by 180° in space with its channel axes swapped:
 * out[h, w, o, i] = filter[fh − 1 − h, fw − 1 − w, i, o], a new [fh, fw, co, ci] tensor.
 * One JavaScript loop over the (small) filter: the backend's Reverse and Transpose kernels
 * cost about half a millisecond each on W's filters.
 */
export function flippedTransposedFilter(filter: TensorInfo, backend: WasmBackendLike): TensorInfo {
  const [fh, fw, ci, co] = filter.shape;
  const out = backend.makeOutput([fh, fw, co, ci], "float32");
  const src = heapF32(backend, filter), dst = heapF32(backend, out);
  for (let h = 0, d = 0; h < fh; h++) {
    for (let w = 0; w < fw; w++) {
      const base = ((fh - 1 - h) * fw + (fw - 1 - w)) * ci * co;
      for (let o = 0; o < co; o++) {
        for (let i = 0; i < ci; i++, d++) dst[d] = src[base + i * co + o];
      }
    }
  }
  return out;
}

/**
 * Computes the conv2d input gradient on the wasm backend as one forward convolution
 * (stride 1), or returns `null` when the arguments need the original kernel (stride > 1,
 * or an explicit padding wider than the filter).
 */
export function conv2dBackpropInputWasm(
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DBackpropInputAttrs,
  backend: WasmBackendLike,
): TensorInfo | null {
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs;
  if (dataFormat !== "NHWC") {
    throw new Error(`Conv2DBackpropInput (wasm): dataFormat must be 'NHWC', got '${dataFormat}'`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  if (info.strideHeight !== 1 || info.strideWidth !== 1) return null;
  const { filterHeight: fh, filterWidth: fw, outHeight: oh, outWidth: ow } = info;
  const [, inH, inW] = inputShape;
  const pt = fh - 1 - info.padInfo.top, pl = fw - 1 - info.padInfo.left;
  const pb = inH + fh - 1 - oh - pt, pr = inW + fw - 1 - ow - pl;
  // Explicit paddings wider than the filter would need negative padding here.
  if (Math.min(pt, pl, pb, pr) < 0) return null;
  if (filter.dtype !== "float32" || dy.dtype !== "float32") return null;
  const wT = flippedTransposedFilter(filter, backend);
  try {
    // 1-D: our SIMD kernel; else (or where it does not apply) XNNPACK's convolution.
    const dx =
      (fh === 1 && pt === 0 && pb === 0 ? conv1dForwardWasm(dy, wT, pl, pr, backend) : null) ??
        callWasmKernel("Conv2D", backend, { x: dy, filter: wT }, {
          strides: [1, 1],
          dilations: [1, 1],
          pad: [[0, 0], [pt, pb], [pl, pr], [0, 0]],
          dataFormat: "NHWC",
        });
    return dx;
  } finally {
    releaseTensorInfos(backend, wT);
  }
}

/**
 * Kernel config for `Conv2DBackpropInput` on wasm: {@linkcode conv2dBackpropInputWasm} at
 * stride 1, else `fallback` (the backend's original kernel function).
 */
export function makeConv2dBackpropInputKernel(fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "Conv2DBackpropInput",
    backendName: "wasm",
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = args;
      return conv2dBackpropInputWasm(
        kernelInput("Conv2DBackpropInput", inputs, "dy"),
        kernelInput("Conv2DBackpropInput", inputs, "filter"),
        attrs as unknown as Conv2DBackpropInputAttrs,
        backend as unknown as WasmBackendLike,
      ) ?? fallback(args);
    },
  };
}

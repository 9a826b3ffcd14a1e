/**
 * A faster `MaxPool` for the tfjs `wasm` backend on 1-D pools: windows along one axis only —
 * [f, 1] on [B, L, 1, C] (tfjs-layers' MaxPooling1D) or [1, f] on [B, 1, L, C] — without
 * padding and with a multiple of 4 channels, by the SIMD kernel of simd/max_pool_1d.ts (the
 * backend's own XNNPACK pooling is several times slower on these shapes). Other pools go to
 * the backend's own kernel.
 *
 * @module
 */
import { tf } from "../tf.ts";
import {
  heapOffset,
  kernelInput,
  type TensorInfo,
  type WasmBackendLike,
  wasmMemory,
} from "./wasm_kernel_calls.ts";
import { maxPool1d } from "./simd/max_pool_1d.ts";
import type { MaxPoolGradAttrs } from "./max_pool_grad.ts";

/** Attributes tfjs passes to `MaxPool` (the same as to its gradient). */
export type MaxPoolAttrs = MaxPoolGradAttrs;

/** The 1-D max pool on the wasm heap, or null when the pool is not one the kernel covers. */
export function maxPool1dWasm(
  x: TensorInfo,
  attrs: MaxPoolAttrs,
  backend: WasmBackendLike,
): TensorInfo | null {
  if (x.dtype !== "float32" || x.shape.length !== 4) return null;
  const info = tf.backend_util.computePool2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize: nb, inHeight: ih, inWidth: iw, inChannels: ch } = info;
  const { outHeight: oh, outWidth: ow, padInfo } = info;
  if (padInfo.top || padInfo.bottom || padInfo.left || padInfo.right) return null;
  if (ch % 4 !== 0 || nb < 1 || oh < 1 || ow < 1) return null;
  let len: number, outLen: number, window: number, stride: number;
  if (iw === 1 && ow === 1 && info.filterWidth === 1) {
    [len, outLen, window, stride] = [ih, oh, info.filterHeight, info.strideHeight];
  } else if (ih === 1 && oh === 1 && info.filterHeight === 1) {
    [len, outLen, window, stride] = [iw, ow, info.filterWidth, info.strideWidth];
  } else return null;
  if ((outLen - 1) * stride + window > len) return null;
  const memory = wasmMemory(backend);
  const kernel = memory === null ? null : maxPool1d(memory);
  if (kernel === null) return null;
  const y = backend.makeOutput([nb, oh, ow, ch], "float32");
  kernel(
    heapOffset(backend, x),
    heapOffset(backend, y),
    nb * outLen,
    outLen,
    len * ch * 4,
    stride * ch * 4,
    ch * 4,
    window,
  );
  return y;
}

/** Kernel config for `MaxPool` on wasm: 1-D pools here, others via `original`. */
export function makeMaxPoolKernel(original: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "MaxPool",
    backendName: "wasm",
    kernelFunc: (args) =>
      maxPool1dWasm(
        kernelInput("MaxPool", args.inputs, "x"),
        args.attrs as unknown as MaxPoolAttrs,
        args.backend as unknown as WasmBackendLike,
      ) ?? original(args),
  };
}

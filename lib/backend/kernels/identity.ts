/**
 * `Identity` for the tfjs `wasm` backend that shares the input's data instead of copying it,
 * as the `cpu` backend does (tfjs tensors are immutable, so sharing is safe; the wasm
 * backend's data is reference-counted, as its own `Reshape` already relies on).
 *
 * The engine clones every tensor it saves for the backward pass through `Identity`, so the
 * wasm backend's copying version costs a full memcpy of every activation in every training
 * step.
 *
 * @module
 */
import type { tf } from "../tf.ts";
import { kernelInput, type TensorInfo } from "./wasm_kernel_calls.ts";

interface RefCounting {
  incRef(dataId: object): void;
}

/** Returns a tensor info that shares `x`'s data (one more reference, no copy). */
export function identityShared(x: TensorInfo, backend: RefCounting): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** Kernel config registering {@linkcode identityShared} as `Identity` on wasm. */
export const identityKernel: tf.KernelConfig = {
  kernelName: "Identity",
  backendName: "wasm",
  kernelFunc: ({ inputs, backend }) =>
    identityShared(kernelInput("Identity", inputs, "x"), backend as unknown as RefCounting),
};

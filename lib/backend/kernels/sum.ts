/**
 * `Sum` over a block of consecutive axes before the last for the tfjs `wasm` backend — the
 * bias gradient, a sum over every axis of [B, …, C] but the last — by
 * {@linkcode reduceAxesBlockWasm}; other reductions fall back to the backend's own kernel.
 *
 * @module
 */
import { tf } from "../tf.ts";
import { kernelInput, type WasmBackendLike } from "./wasm_kernel_calls.ts";
import { reduceAxesBlockWasm } from "./axes_block_sum.ts";

/** Kernel config for `Sum` on wasm: blocks of axes before the last here, others via `original`. */
export function makeSumKernel(original: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "Sum",
    backendName: "wasm",
    kernelFunc: (args) => {
      const x = kernelInput("Sum", args.inputs, "x");
      const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
      const axes = tf.util.parseAxisParam(axis, x.shape);
      const backend = args.backend as unknown as WasmBackendLike;
      return reduceAxesBlockWasm(x, axes, keepDims, false, backend) ?? original(args);
    },
  };
}

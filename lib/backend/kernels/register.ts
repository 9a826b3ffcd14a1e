/**
 * Registers our kernels on the tfjs `wasm` backend: the missing `Conv2DBackpropFilter`, and
 * faster replacements for `Conv2D` (1-D), `Conv2DBackpropInput`, `MaxPool` (1-D), `Mean`
 * (blocks of axes), `MaxPoolGrad`, `BatchMatMul` (transposed and
 * batched operands), `Sum` (leading axes), `Identity` and same-dtype `Cast` (no copy) and
 * the comparisons (broadcasting operands). Replaced kernels keep the backend's original
 * function as the fallback for the cases ours does not cover.
 *
 * Must run after the wasm backend is initialised (the originals need their set-up); safe to
 * call more than once.
 *
 * @module
 */
import { tf } from "../tf.ts";
import { makeBatchMatMulKernel } from "./batch_mat_mul.ts";
import { COMPARISONS, makeComparisonKernel } from "./broadcast_comparison.ts";
import { makeConv2dKernel } from "./conv2d.ts";
import { conv2dBackpropFilterKernel } from "./conv2d_backprop_filter.ts";
import { makeConv2dBackpropInputKernel } from "./conv2d_backprop_input.ts";
import { identityKernel } from "./identity.ts";
import { makeCastKernel } from "./cast.ts";
import { makeMaxPoolKernel } from "./max_pool.ts";
import { maxPoolGradKernel } from "./max_pool_grad.ts";
import { makeMeanKernel } from "./mean.ts";
import { makeSumKernel } from "./sum.ts";

/** The kernels {@linkcode registerWasmKernels} installs, in registration order. */
export const WASM_KERNEL_NAMES = [
  "Conv2D",
  "Conv2DBackpropFilter",
  "Conv2DBackpropInput",
  "MaxPool",
  "MaxPoolGrad",
  "Mean",
  "BatchMatMul",
  "Sum",
  "Identity",
  "Cast",
  "Equal",
  "NotEqual",
  "Greater",
  "GreaterEqual",
  "Less",
  "LessEqual",
] as const;

const originals = new Map<string, tf.KernelFunc>();
let registered = false;

function replace(name: string, make: (original: tf.KernelFunc) => tf.KernelConfig): void {
  const current = tf.getKernel(name, "wasm");
  if (current === undefined) throw new Error(`wasm kernel '${name}' is not registered`);
  originals.set(name, current.kernelFunc);
  tf.unregisterKernel(name, "wasm");
  tf.registerKernel(make(current.kernelFunc));
}

/**
 * Installs our wasm kernels (once per process) and returns their names. Throws when the wasm
 * backend's kernels are not registered (the wasm backend module was not loaded).
 */
export function registerWasmKernels(): string[] {
  if (registered) return [...WASM_KERNEL_NAMES];
  if (tf.getKernel("Conv2DBackpropFilter", "wasm") === undefined) {
    tf.registerKernel(conv2dBackpropFilterKernel);
  }
  replace("Conv2D", makeConv2dKernel);
  replace("Conv2DBackpropInput", makeConv2dBackpropInputKernel);
  replace("MaxPool", makeMaxPoolKernel);
  replace("MaxPoolGrad", () => maxPoolGradKernel);
  replace("Mean", makeMeanKernel);
  replace("BatchMatMul", makeBatchMatMulKernel);
  replace("Sum", makeSumKernel);
  replace("Identity", () => identityKernel);
  replace("Cast", makeCastKernel);
  for (const name of Object.keys(COMPARISONS)) {
    replace(name, (original) => makeComparisonKernel(name, original));
  }
  registered = true;
  return [...WASM_KERNEL_NAMES];
}

/**
 * The wasm backend's own kernel function for `name`, saved before we replaced it (for tests
 * and benchmarks comparing the two), or `undefined` when we did not replace it.
 */
export function originalWasmKernel(name: string): tf.KernelFunc | undefined {
  return originals.get(name);
}

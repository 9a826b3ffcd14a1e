/**
 * The 1-D convolution kernels (forward pass, {@linkcode ./conv1d_forward.ts}; filter
 * gradient, {@linkcode ./conv1d_filter_gemm.ts}) as one WebAssembly module on the tfjs wasm
 * backend's memory, so that one set of helper threads ({@linkcode ../../kernel_threads.ts})
 * runs them all. Compiled with relaxed-SIMD fused multiply-adds where the engine validates
 * them, else with a multiply and an add.
 *
 * @module
 */
import { encodeModule } from "./wasm_encoder.ts";
import { filterGemmFunctions } from "./conv1d_filter_gemm.ts";
import { forwardFunctions } from "./conv1d_forward.ts";

/** A function of the module: i32 arguments (byte offsets and counts), no result. */
export type KernelFunction = (...args: number[]) => void;

/** The instantiated kernels, their compiled module and whether they use fused multiply-adds. */
export interface Conv1dKernels {
  fns: Record<string, KernelFunction>;
  fused: boolean;
  module: WebAssembly.Module;
}

/** The module's bytes, for a shared (threaded build) or unshared memory. */
export function conv1dKernelsModule(
  sharedMemory: boolean,
  fused: boolean,
): Uint8Array<ArrayBuffer> {
  return encodeModule([...forwardFunctions(fused), ...filterGemmFunctions(fused)], sharedMemory);
}

/** Whether this engine validates relaxed-SIMD modules (fused multiply-adds). */
export function hasRelaxedSimd(): boolean {
  return WebAssembly.validate(conv1dKernelsModule(false, true));
}

const modules = new Map<string, WebAssembly.Module>();

/** The compiled module for a memory kind, preferring fused multiply-adds; null without SIMD. */
export function conv1dKernelsCompiled(
  sharedMemory: boolean,
): { module: WebAssembly.Module; fused: boolean } | null {
  for (const fused of [true, false]) {
    const key = `${sharedMemory}-${fused}`;
    const cached = modules.get(key);
    if (cached) return { module: cached, fused };
    const bytes = conv1dKernelsModule(sharedMemory, fused);
    if (!WebAssembly.validate(bytes)) continue;
    const module = new WebAssembly.Module(bytes);
    modules.set(key, module);
    return { module, fused };
  }
  return null;
}

const instances = new WeakMap<WebAssembly.Memory, Conv1dKernels>();

/** The kernels instantiated on `memory` (cached per memory), or null without wasm SIMD. */
export function conv1dKernels(memory: WebAssembly.Memory): Conv1dKernels | null {
  const cached = instances.get(memory);
  if (cached) return cached;
  const compiled = conv1dKernelsCompiled(memory.buffer instanceof SharedArrayBuffer);
  if (compiled === null) return null;
  const instance = new WebAssembly.Instance(compiled.module, { env: { memory } });
  const fns: Record<string, KernelFunction> = {};
  for (const e of WebAssembly.Module.exports(compiled.module)) {
    if (e.kind === "function") fns[e.name] = instance.exports[e.name] as KernelFunction;
  }
  const kernels = { fns, fused: compiled.fused, module: compiled.module };
  instances.set(memory, kernels);
  return kernels;
}

/**
 * The tfjs instance and the one-call backend set-up: the wasm backend with our kernels and
 * threads (see {@linkcode setupBackend}), falling back to `cpu` with a printed reason.
 *
 * @module
 */
export { tf } from "./tf.ts";
export {
  type BackendInfo,
  backendInfo,
  type BackendName,
  type BackendOptions,
  DEFAULT_BACKEND_OPTIONS,
  describeBackend,
  resolveBackendOptions,
  setupBackend,
} from "./setup.ts";
export { autoThreadCount, type CpuLoad, measureCpuLoad } from "./cpu_load.ts";
export { originalWasmKernel, registerWasmKernels, WASM_KERNEL_NAMES } from "./kernels/register.ts";

/**
 * Helpers for kernels that run on the tfjs `wasm` backend by calling the backend's own
 * kernels (Conv2D, Transpose, Slice...) on `TensorInfo`s, without going through the tfjs
 * engine (no tape, no tensor book-keeping). Every intermediate a helper makes must be
 * released with {@linkcode releaseTensorInfos}.
 *
 * @module
 */
import { tf } from "../tf.ts";

/** A tensor's data handle, shape and dtype as kernels see it. */
export type TensorInfo = tf.TensorInfo;

/** What our kernels use of tfjs-backend-wasm's `BackendWasm` (not exported as a type). */
export interface WasmBackendLike {
  /** Per-tensor bookkeeping: `id` is the C++ side's handle, `memoryOffset` its heap offset. */
  dataIdMap: { get(dataId: object): { id: number; memoryOffset: number; refCount: number } };
  /** Allocates an output tensor on the wasm heap. */
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  /** Decrements the refcount and frees the data at zero. */
  disposeData(dataId: object, force?: boolean): boolean;
  /**
   * The Emscripten module: its heap views, its memory (`wasmMemory` in threaded builds,
   * `asm.memory` otherwise).
   */
  wasm: {
    HEAPU8: Uint8Array;
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
  };
}

/**
 * Runs the `wasm` backend's kernel `name` directly on tensor infos and returns its output.
 * Throws when the kernel is not registered for `wasm`.
 */
export function callWasmKernel(
  name: string,
  backend: WasmBackendLike,
  inputs: Record<string, TensorInfo>,
  attrs: Record<string, unknown> = {},
): TensorInfo {
  const kernel = tf.getKernel(name, "wasm");
  if (kernel === undefined) {
    throw new Error(`wasm kernel '${name}' is not registered (is the wasm backend loaded?)`);
  }
  const out = kernel.kernelFunc({
    inputs,
    backend: backend as unknown as tf.KernelBackend,
    attrs: attrs as tf.NamedAttrMap,
  });
  if (Array.isArray(out)) throw new Error(`wasm kernel '${name}' returned several outputs`);
  return out;
}

/** The kernel input `name`; throws when the engine did not pass it. */
export function kernelInput(
  kernel: string,
  inputs: Partial<Record<string, TensorInfo>>,
  name: string,
): TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw new Error(`${kernel} (wasm): missing input '${name}'`);
  return t;
}

/** The same data seen with another shape of the same size (no copy, no refcount change). */
export function reshapedView(t: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: t.dataId, shape, dtype: t.dtype };
}

/** Frees intermediates made by {@linkcode callWasmKernel}. */
export function releaseTensorInfos(backend: WasmBackendLike, ...infos: TensorInfo[]): void {
  for (const t of infos) backend.disposeData(t.dataId);
}

/** The wasm backend's memory object, or null when the module does not expose it. */
export function wasmMemory(backend: WasmBackendLike): WebAssembly.Memory | null {
  return backend.wasm.wasmMemory ?? backend.wasm.asm?.memory ?? null;
}

/** The byte offset of a tensor's data on the wasm heap. */
export function heapOffset(backend: WasmBackendLike, t: TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).memoryOffset;
}

/**
 * A Float32Array view of a float32 tensor's data on the wasm heap, valid until the next
 * allocation on the heap (which may grow and move it). Reads the memory object itself when
 * the module exports it (threaded builds, where `HEAPU8` can be stale after a growth).
 */
export function heapF32(backend: WasmBackendLike, t: TensorInfo): Float32Array {
  if (t.dtype !== "float32") throw new Error(`heapF32: expected a float32 tensor, got ${t.dtype}`);
  const buffer = backend.wasm.wasmMemory?.buffer ?? backend.wasm.HEAPU8.buffer;
  const { memoryOffset } = backend.dataIdMap.get(t.dataId);
  let size = 1;
  for (const d of t.shape) size *= d;
  return new Float32Array(buffer, memoryOffset, size);
}

/**
 * A Float32Array view of the whole wasm heap, valid until the next allocation on the heap
 * (which may grow and move it); index tensors in it with {@linkcode heapIndex}.
 */
export function heapF32All(backend: WasmBackendLike): Float32Array {
  return new Float32Array(backend.wasm.wasmMemory?.buffer ?? backend.wasm.HEAPU8.buffer);
}

/**
 * The index of a float32 tensor's first element in {@linkcode heapF32All}'s view. Throws
 * when the tensor is not float32 or its data is not 4-byte aligned.
 */
export function heapIndex(backend: WasmBackendLike, t: TensorInfo): number {
  if (t.dtype !== "float32") {
    throw new Error(`heapIndex: expected a float32 tensor, got ${t.dtype}`);
  }
  const { memoryOffset } = backend.dataIdMap.get(t.dataId);
  if (memoryOffset % 4 !== 0) {
    throw new Error(`heapIndex: tensor data at byte ${memoryOffset} is not 4-byte aligned`);
  }
  return memoryOffset / 4;
}

/**
 * Broadcasting comparisons (`Equal`, `NotEqual`, `Greater`, `GreaterEqual`, `Less`,
 * `LessEqual`) for the tfjs `wasm` backend.
 *
 * The backend compares operands of different shapes through a slow generic path (~70 ns per
 * element, 50× its arithmetic ops); the gradient of `max` — inside every log-sum-exp, so
 * inside NT-Xent and SupCon — compares an [N, N] matrix with its [N, 1] row maxima. Here
 * broadcasting comparisons run as one JavaScript pass over the output on the wasm heap:
 *
 *   out[i] = a[ia(i)] ⊙ b[ib(i)],  ia/ib the broadcast (stride-0) indices of output i,
 *
 * with IEEE semantics (NaN compares unequal to everything). Same-shape comparisons keep the
 * backend's own kernel.
 *
 * @module
 */
import { tf } from "../tf.ts";
import {
  heapOffset,
  kernelInput,
  type TensorInfo,
  type WasmBackendLike,
} from "./wasm_kernel_calls.ts";

/** The comparisons this file provides, with their element-wise test. */
export const COMPARISONS: Readonly<Record<string, (x: number, y: number) => boolean>> = {
  Equal: (x, y) => x === y,
  NotEqual: (x, y) => x !== y,
  Greater: (x, y) => x > y,
  GreaterEqual: (x, y) => x >= y,
  Less: (x, y) => x < y,
  LessEqual: (x, y) => x <= y,
};

function typedView(backend: WasmBackendLike, t: TensorInfo): Float32Array | Int32Array {
  const buffer = backend.wasm.wasmMemory?.buffer ?? backend.wasm.HEAPU8.buffer;
  const size = t.shape.reduce((p, d) => p * d, 1);
  const offset = heapOffset(backend, t);
  return t.dtype === "int32"
    ? new Int32Array(buffer, offset, size)
    : new Float32Array(buffer, offset, size);
}

/** Strides of `shape` aligned to the output's rank, 0 along broadcast axes. */
function broadcastStrides(shape: number[], outShape: number[]): number[] {
  const rank = outShape.length, out = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    const axis = rank - shape.length + k;
    out[axis] = shape[k] === 1 ? 0 : stride;
    stride *= shape[k];
  }
  return out;
}

/** One output row: dst[o + j] = a[pa + j·ia] ⊙ b[pb + j·ib] for j < n. */
type RowLoop = (
  dst: Uint8Array,
  o: number,
  n: number,
  a: Float32Array | Int32Array,
  pa: number,
  ia: number,
  b: Float32Array | Int32Array,
  pb: number,
  ib: number,
) => void;

/** A row loop calling `test` per element (for comparisons without a loop of their own). */
function genericRow(test: (x: number, y: number) => boolean): RowLoop {
  return (dst, o, n, a, pa, ia, b, pb, ib) => {
    for (let j = 0; j < n; j++, pa += ia, pb += ib) dst[o + j] = test(a[pa], b[pb]) ? 1 : 0;
  };
}

/**
 * A row loop per comparison with its test written inline: one shared loop calling the test
 * through a function value runs several times slower (the call is not inlined).
 */
const ROW_LOOPS = new Map<(x: number, y: number) => boolean, RowLoop>([
  [COMPARISONS.Equal, (dst, o, n, a, pa, ia, b, pb, ib) => {
    for (let j = 0; j < n; j++, pa += ia, pb += ib) dst[o + j] = a[pa] === b[pb] ? 1 : 0;
  }],
  [COMPARISONS.NotEqual, (dst, o, n, a, pa, ia, b, pb, ib) => {
    for (let j = 0; j < n; j++, pa += ia, pb += ib) dst[o + j] = a[pa] !== b[pb] ? 1 : 0;
  }],
  [COMPARISONS.Greater, (dst, o, n, a, pa, ia, b, pb, ib) => {
    for (let j = 0; j < n; j++, pa += ia, pb += ib) dst[o + j] = a[pa] > b[pb] ? 1 : 0;
  }],
  [COMPARISONS.GreaterEqual, (dst, o, n, a, pa, ia, b, pb, ib) => {
    for (let j = 0; j < n; j++, pa += ia, pb += ib) dst[o + j] = a[pa] >= b[pb] ? 1 : 0;
  }],
  [COMPARISONS.Less, (dst, o, n, a, pa, ia, b, pb, ib) => {
    for (let j = 0; j < n; j++, pa += ia, pb += ib) dst[o + j] = a[pa] < b[pb] ? 1 : 0;
  }],
  [COMPARISONS.LessEqual, (dst, o, n, a, pa, ia, b, pb, ib) => {
    for (let j = 0; j < n; j++, pa += ia, pb += ib) dst[o + j] = a[pa] <= b[pb] ? 1 : 0;
  }],
]);

/**
 * Compares `a` and `b` of different (broadcastable) shapes with `test`, writing a bool tensor
 * on the wasm heap; returns null for equal shapes or dtypes other than float32/int32.
 */
export function compareBroadcastWasm(
  a: TensorInfo,
  b: TensorInfo,
  test: (x: number, y: number) => boolean,
  backend: WasmBackendLike,
): TensorInfo | null {
  const sameShape = a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
  const numeric = (t: TensorInfo) => t.dtype === "float32" || t.dtype === "int32";
  if (sameShape || !numeric(a) || !numeric(b)) return null;
  const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
  const out = backend.makeOutput(outShape, "bool");
  const size = outShape.reduce((p, d) => p * d, 1);
  if (size === 0) return out;
  // Views only after the allocation above, which may have moved the heap.
  const buffer = backend.wasm.wasmMemory?.buffer ?? backend.wasm.HEAPU8.buffer;
  const dst = new Uint8Array(buffer, heapOffset(backend, out), size);
  const av = typedView(backend, a), bv = typedView(backend, b);
  const rank = outShape.length;
  const sa = broadcastStrides(a.shape, outShape), sb = broadcastStrides(b.shape, outShape);
  // The innermost axis runs as a tight loop; the outer ones as an odometer.
  const inner = outShape[rank - 1], ia = sa[rank - 1], ib = sb[rank - 1];
  const index = new Array<number>(rank).fill(0);
  const row = ROW_LOOPS.get(test) ?? genericRow(test);
  let pa = 0, pb = 0;
  for (let o = 0; o < size; o += inner) {
    row(dst, o, inner, av, pa, ia, bv, pb, ib);
    for (let axis = rank - 2; axis >= 0; axis--) {
      index[axis]++;
      pa += sa[axis];
      pb += sb[axis];
      if (index[axis] < outShape[axis]) break;
      pa -= sa[axis] * outShape[axis];
      pb -= sb[axis] * outShape[axis];
      index[axis] = 0;
    }
  }
  return out;
}

/** Kernel config for comparison `name` on wasm: broadcasting here, same shapes via `original`. */
export function makeComparisonKernel(name: string, original: tf.KernelFunc): tf.KernelConfig {
  const test = COMPARISONS[name];
  if (!test) throw new Error(`makeComparisonKernel: unknown comparison '${name}'`);
  return {
    kernelName: name,
    backendName: "wasm",
    kernelFunc: (args) =>
      compareBroadcastWasm(
        kernelInput(name, args.inputs, "a"),
        kernelInput(name, args.inputs, "b"),
        test,
        args.backend as unknown as WasmBackendLike,
      ) ?? original(args),
  };
}

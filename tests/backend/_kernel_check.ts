/**
 * Helpers for testing our wasm kernels against tfjs's `cpu` backend: random tensors from a
 * seeded stream, running one kernel on a chosen backend, relative errors, and counting the
 * wasm backend's data buffers (to catch intermediates that were never freed).
 *
 * @module
 */
import { tf } from "../../lib/backend/tf.ts";
import { setupBackend } from "../../lib/backend/setup.ts";
import type { Rng } from "../../lib/random/rng.ts";
import { assert } from "../_assert.ts";

/** Starts the wasm backend once for the test module (quietly) and returns its info. */
export function wasmReady() {
  return setupBackend({ backend: "wasm", quiet: true });
}

/** A float32 tensor of standard-normal values drawn from `rng`. */
export function randomTensor(rng: Rng, shape: number[]): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.normal();
  return tf.tensor(v, shape, "float32");
}

/** Runs kernel `name` on `backend` and returns its output's values (the output is disposed). */
export async function runKernelOn(
  backend: "cpu" | "wasm",
  name: string,
  inputs: Record<string, tf.Tensor>,
  attrs: Record<string, unknown>,
): Promise<{ values: Float32Array; shape: number[] }> {
  await tf.setBackend(backend);
  const out = tf.engine().runKernel(
    name,
    inputs as tf.NamedTensorMap,
    attrs as tf.NamedAttrMap,
  ) as tf.Tensor;
  const values = out.dataSync() as Float32Array;
  const shape = out.shape;
  out.dispose();
  await tf.setBackend("wasm");
  return { values: Float32Array.from(values), shape };
}

/** max |a − b| / max |b| (0 when both are all zeros). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length, "lengths differ");
  let diff = 0, scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return scale === 0 ? diff : diff / scale;
}

/** The number of data buffers the wasm backend holds. */
export function wasmDataIds(): number {
  const backend = tf.findBackend("wasm") as unknown as { numDataIds(): number };
  return backend.numDataIds();
}

/**
 * Runs `name` on cpu and wasm with the same inputs, asserts equal shapes and relative error
 * ≤ `tol`, and that the wasm run leaves no tensor or data buffer behind. Returns the error.
 */
export async function checkKernelAgainstCpu(
  name: string,
  inputs: Record<string, tf.Tensor>,
  attrs: Record<string, unknown>,
  tol = 1e-5,
  label = "",
): Promise<number> {
  const expected = await runKernelOn("cpu", name, inputs, attrs);
  // A first wasm run moves the inputs to wasm, so that the counts see only the kernel's work.
  await runKernelOn("wasm", name, inputs, attrs);
  const tensorsBefore = tf.memory().numTensors, idsBefore = wasmDataIds();
  const actual = await runKernelOn("wasm", name, inputs, attrs);
  assert.equal(tf.memory().numTensors, tensorsBefore, `${name} ${label}: tensors leaked`);
  assert.equal(wasmDataIds(), idsBefore, `${name} ${label}: wasm data buffers leaked`);
  assert.deepEqual(actual.shape, expected.shape, `${name} ${label}: shape`);
  const err = relativeError(actual.values, expected.values);
  assert.ok(err <= tol, `${name} ${label}: relative error ${err} > ${tol}`);
  return err;
}

/**
 * Copying (optionally augmenting) chosen windows of a {@linkcode WindowSet} into a
 * preallocated batch buffer: batches are assembled in plain Float32Arrays because tfjs's
 * data-movement ops (gather, slice, concat) are slow on the wasm backend; the buffer then
 * becomes one `tf.tensor3d` per batch.
 *
 * @module
 */
import type { WindowSet } from "../data/window_set.ts";
import type { Augmentation } from "../augment/window.ts";
import type { Rng } from "../random/rng.ts";

/**
 * Writes window `indices[k]` of `windows` into rows `row + k` of `out` [rows, length,
 * channels] (a whole number of windows long), through `augmentation` when given (drawing
 * from `rng` window by window, in order). Returns `out`. Throws when an index is out of
 * range, `out` is too small, or the augmentation returns a wrong size.
 */
export function gatherWindows(
  out: Float32Array,
  windows: WindowSet,
  indices: ArrayLike<number>,
  augmentation: Augmentation | null = null,
  rng: Rng | null = null,
  row = 0,
): Float32Array {
  const fn = "gatherWindows";
  const L = windows.length, C = windows.channels.length;
  const size = L * C;
  if (!(out instanceof Float32Array) || out.length % size !== 0) {
    throw new Error(`${fn}: out must be a Float32Array of whole windows of ${size} values`);
  }
  if (!Number.isInteger(row) || row < 0 || (row + indices.length) * size > out.length) {
    throw new Error(
      `${fn}: rows ${row}…${row + indices.length - 1} do not fit in out (${
        out.length / size
      } rows)`,
    );
  }
  if (augmentation !== null && rng === null) {
    throw new Error(`${fn}: an augmentation needs an rng`);
  }
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!(Number.isInteger(i) && i >= 0 && i < windows.n)) {
      throw new Error(`${fn}: index ${i} (position ${k}) out of range [0, ${windows.n})`);
    }
    const w = windows.x.subarray(i * size, (i + 1) * size);
    if (augmentation === null) {
      out.set(w, (row + k) * size);
      continue;
    }
    const view = augmentation(w, L, C, rng!);
    if (!(view instanceof Float32Array) || view.length !== size) {
      throw new Error(
        `${fn}: augmentation returned ${view?.length} values for window ${i}, expected ${size}`,
      );
    }
    out.set(view, (row + k) * size);
  }
  return out;
}

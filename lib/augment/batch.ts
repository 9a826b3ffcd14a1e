/**
 * Batches of augmented windows built in plain Float32Arrays (tfjs data-movement ops are slow
 * on the wasm backend; one `tf.tensor3d(out, [n, length, channels])` at the end is cheap).
 *
 * @module
 */
import { Rng } from "../random/rng.ts";
import { type Augmentation, checkWindow } from "./window.ts";

/** Windows to augment: an array of windows, or one Float32Array [n, length, channels]. */
export type AugmentSource = readonly Float32Array[] | Float32Array;

function windowList(
  fn: string,
  source: AugmentSource,
  length: number,
  channels: number,
): Float32Array[] {
  const size = length * channels;
  if (source instanceof Float32Array) {
    if (size < 1 || source.length % size !== 0) {
      throw new Error(
        `${fn}: windows has ${source.length} values, not a multiple of length × channels = ${size}`,
      );
    }
    return Array.from(
      { length: source.length / size },
      (_, i) => source.subarray(i * size, (i + 1) * size),
    );
  }
  if (!Array.isArray(source)) throw new Error(`${fn}: windows must be an array or a Float32Array`);
  return source as Float32Array[];
}

function requireOutput(fn: string, name: string, out: Float32Array, n: number, size: number) {
  if (!(out instanceof Float32Array) || out.length !== n * size) {
    throw new Error(
      `${fn}: ${name} must be a Float32Array of n × length × channels = ${n * size} values, got ${
        out instanceof Float32Array ? out.length : typeof out
      }`,
    );
  }
}

function augmentChecked(
  fn: string,
  augmentation: Augmentation,
  window: Float32Array,
  i: number,
  length: number,
  channels: number,
  rng: Rng,
): Float32Array {
  const view = augmentation(window, length, channels, rng);
  if (!(view instanceof Float32Array) || view.length !== length * channels) {
    throw new Error(
      `${fn}: augmentation returned ${view?.length} values for window ${i}, expected ${
        length * channels
      }`,
    );
  }
  return view;
}

/**
 * Fills `out` [n, length, channels] with `augmentation` applied to each of the n windows in
 * order, all drawing from `rng` in turn (so the batch is reproducible from the seed). Returns
 * `out`. The windows are not modified.
 */
export function fillAugmentedBatch(
  out: Float32Array,
  windows: AugmentSource,
  length: number,
  channels: number,
  augmentation: Augmentation,
  rng: Rng,
): Float32Array {
  const fn = "fillAugmentedBatch";
  if (!(rng instanceof Rng)) throw new Error(`${fn}: rng must be an Rng`);
  const list = windowList(fn, windows, length, channels);
  const size = length * channels;
  requireOutput(fn, "out", out, list.length, size);
  list.forEach((w, i) => {
    checkWindow(`${fn}: window ${i}`, w, length, channels);
    out.set(augmentChecked(fn, augmentation, w, i, length, channels, rng), i * size);
  });
  return out;
}

/**
 * Fills `first` and `second` [n, length, channels] with two independently augmented views of
 * each window (row i of both comes from window i), the positive pairs of SimCLR-style
 * training. For each window the first view is drawn, then the second, from `rng`.
 */
export function fillViewPairBatch(
  first: Float32Array,
  second: Float32Array,
  windows: AugmentSource,
  length: number,
  channels: number,
  augmentation: Augmentation,
  rng: Rng,
): void {
  const fn = "fillViewPairBatch";
  if (!(rng instanceof Rng)) throw new Error(`${fn}: rng must be an Rng`);
  const list = windowList(fn, windows, length, channels);
  const size = length * channels;
  requireOutput(fn, "first", first, list.length, size);
  requireOutput(fn, "second", second, list.length, size);
  list.forEach((w, i) => {
    checkWindow(`${fn}: window ${i}`, w, length, channels);
    first.set(augmentChecked(fn, augmentation, w, i, length, channels, rng), i * size);
    second.set(augmentChecked(fn, augmentation, w, i, length, channels, rng), i * size);
  });
}

/**
 * The window layout shared by all augmentations and the {@linkcode Augmentation} type.
 *
 * A window is one Float32Array of `length × channels` samples laid out row-major as
 * [length, channels]: sample t of channel c is at index `t * channels + c`.
 *
 * @module
 */
import { Rng } from "../random/rng.ts";

/**
 * A seeded augmentation of one window [length, channels]. It never modifies `window` and
 * returns a new array of the same size; the same input and the same `rng` state give the same
 * output bit for bit. All randomness comes from `rng`, which it advances.
 */
export type Augmentation = (
  window: Float32Array,
  length: number,
  channels: number,
  rng: Rng,
) => Float32Array;

/**
 * Throws a one-line error, naming `fn`, unless `window` is a Float32Array of
 * `length × channels` finite values, both dimensions positive integers and `rng` an `Rng`.
 */
export function checkWindow(
  fn: string,
  window: Float32Array,
  length: number,
  channels: number,
  rng?: Rng,
): void {
  if (!Number.isInteger(length) || length < 1) {
    throw new Error(`${fn}: length must be an integer ≥ 1, got ${length}`);
  }
  if (!Number.isInteger(channels) || channels < 1) {
    throw new Error(`${fn}: channels must be an integer ≥ 1, got ${channels}`);
  }
  if (!(window instanceof Float32Array)) {
    throw new Error(`${fn}: window must be a Float32Array, got ${typeof window}`);
  }
  if (window.length !== length * channels) {
    throw new Error(
      `${fn}: window has ${window.length} values, expected length × channels = ${length} × ${channels} = ${
        length * channels
      }`,
    );
  }
  for (let i = 0; i < window.length; i++) {
    if (!Number.isFinite(window[i])) {
      const t = Math.floor(i / channels);
      throw new Error(
        `${fn}: window sample ${t}, channel ${i - t * channels} is ${
          window[i]
        }; expected a finite number`,
      );
    }
  }
  if (rng !== undefined && !(rng instanceof Rng)) {
    throw new Error(`${fn}: rng must be an Rng (lib/random/rng.ts), got ${typeof rng}`);
  }
}

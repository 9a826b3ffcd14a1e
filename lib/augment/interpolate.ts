/**
 * Linear interpolation of a window at fractional time positions, used by the crop and warp
 * augmentations to resample a window back to its length.
 *
 * @module
 */

/**
 * Samples a window [length, channels] at the given time positions (in samples, clamped to
 * [0, length − 1]) by linear interpolation, all channels together; returns
 * [positions.length, channels]. An integer position returns that sample exactly.
 */
export function interpolateWindow(
  window: Float32Array,
  length: number,
  channels: number,
  positions: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(positions.length * channels);
  for (let t = 0; t < positions.length; t++) {
    const p = Math.min(Math.max(positions[t], 0), length - 1);
    const i = Math.floor(p);
    const f = p - i;
    const j = i + 1 < length ? i + 1 : i;
    for (let c = 0; c < channels; c++) {
      const a = window[i * channels + c];
      out[t * channels + c] = f === 0 ? a : a + (window[j * channels + c] - a) * f;
    }
  }
  return out;
}

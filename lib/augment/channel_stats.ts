/**
 * Per-channel statistics of one window [length, channels], in float64.
 *
 * @module
 */

/** Mean of each channel over the window. */
export function channelMeans(window: Float32Array, length: number, channels: number): Float64Array {
  const means = new Float64Array(channels);
  for (let t = 0; t < length; t++) {
    for (let c = 0; c < channels; c++) means[c] += window[t * channels + c];
  }
  for (let c = 0; c < channels; c++) means[c] /= length;
  return means;
}

/** Population standard deviation (divisor `length`) of each channel over the window. */
export function channelStandardDeviations(
  window: Float32Array,
  length: number,
  channels: number,
): Float64Array {
  const means = channelMeans(window, length, channels);
  const sds = new Float64Array(channels);
  for (let t = 0; t < length; t++) {
    for (let c = 0; c < channels; c++) sds[c] += (window[t * channels + c] - means[c]) ** 2;
  }
  for (let c = 0; c < channels; c++) sds[c] = Math.sqrt(sds[c] / length);
  return sds;
}

/**
 * Per-sample parameter trajectories that follow the mode schedule with smooth transitions.
 *
 * @module
 */

/**
 * Maps each sample's mode label to `perMode[label]`, then smooths with a centred moving
 * average of `smoothSeconds` so that physiology changes over seconds, not in one sample.
 */
export function modeTrajectory(
  labels: Uint8Array,
  perMode: readonly number[],
  sampleRate: number,
  smoothSeconds = 4,
): Float32Array {
  const n = labels.length;
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = perMode[labels[i]];
  const half = Math.max(0, Math.round((smoothSeconds * sampleRate) / 2));
  if (half === 0) return Float32Array.from(raw);
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i] + raw[i];
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - half);
    const b = Math.min(n, i + half + 1);
    out[i] = (cum[b] - cum[a]) / (b - a);
  }
  return out;
}

/**
 * Butterworth IIR filters (designed and run by the npm library `fili`), as pure functions on
 * Float32Arrays. Used by the Fantasy Device's signal generators and sensor model.
 *
 * @module
 */
import Fili from "fili";

/** The response of a Butterworth filter. */
export type FilterKind = "lowpass" | "highpass" | "bandpass";

/** A Butterworth design: kind, number of biquad sections, sampling rate and corner(s) in Hz. */
export interface ButterworthDesign {
  kind: FilterKind;
  /** Number of second-order sections (each adds 12 dB/octave). */
  sections: number;
  sampleRate: number;
  /** Corner frequency (lowpass/highpass) or centre frequency (bandpass), Hz. */
  cutoff: number;
  /** Bandwidth in octaves for a bandpass; ignored otherwise. */
  bandwidthOctaves?: number;
}

// deno-lint-ignore no-explicit-any
const FiliAny = Fili as any;

function designCoeffs(d: ButterworthDesign): unknown {
  if (!(d.sampleRate > 0)) {
    throw new Error(`butterworth: sampleRate must be > 0, got ${d.sampleRate}`);
  }
  if (!(d.cutoff > 0 && d.cutoff < d.sampleRate / 2)) {
    throw new Error(
      `butterworth: cutoff must be in (0, ${
        d.sampleRate / 2
      }) Hz for sampleRate ${d.sampleRate}, got ${d.cutoff}`,
    );
  }
  if (!(Number.isInteger(d.sections) && d.sections >= 1 && d.sections <= 8)) {
    throw new Error(`butterworth: sections must be an integer in 1..8, got ${d.sections}`);
  }
  const calc = new FiliAny.CalcCascades();
  const params: Record<string, unknown> = {
    order: d.sections,
    characteristic: "butterworth",
    Fs: d.sampleRate,
    Fc: d.cutoff,
  };
  if (d.kind === "bandpass") params.BW = d.bandwidthOctaves ?? 1;
  return calc[d.kind](params);
}

/** Runs a causal Butterworth filter over `x` (state starts at rest) and returns a new array. */
export function butterworth(x: Float32Array, design: ButterworthDesign): Float32Array {
  const filter = new FiliAny.IirFilter(designCoeffs(design));
  const y: number[] = filter.multiStep(Array.from(x));
  return Float32Array.from(y);
}

/**
 * Zero-phase Butterworth filtering: forward, then backward over the reversed output (as
 * SciPy's `filtfilt`), after extending both ends by a mirror reflection (x[k] mirrored
 * about the end sample, SciPy's `padtype="even"`) so that a DC level at the edges causes no
 * start-up transient. (An odd reflection, SciPy's default, shifts the level of the padding
 * by 2·(x₀ − mean) and leaves a slow transient after a high-pass when x₀ falls on a peak.) The padding is about six time constants of the
 * corner frequency, at most the signal length − 1. The magnitude response is squared.
 */
export function filtfilt(x: Float32Array, design: ButterworthDesign): Float32Array {
  const n = x.length;
  if (n < 2) return x.slice();
  const pad = Math.min(n - 1, Math.ceil((6 * design.sampleRate) / design.cutoff));
  const ext = new Float32Array(n + 2 * pad);
  for (let i = 0; i < pad; i++) ext[i] = x[pad - i];
  ext.set(x, pad);
  for (let i = 0; i < pad; i++) ext[n + pad + i] = x[n - 2 - i];
  const forward = butterworth(ext, design).reverse();
  return butterworth(forward, design).reverse().slice(pad, pad + n);
}

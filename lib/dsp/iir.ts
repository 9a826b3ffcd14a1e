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
 * SciPy's `filtfilt`, without edge padding). The magnitude response is squared.
 */
export function filtfilt(x: Float32Array, design: ButterworthDesign): Float32Array {
  const forward = butterworth(x, design).reverse();
  return butterworth(forward, design).reverse();
}

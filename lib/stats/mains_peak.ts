/**
 * Mains interference (50 or 60 Hz) seen in the spectrum, from the signal alone.
 *
 * @module
 */
import { median } from "simple-statistics";
import { resolveOptions } from "./options.ts";
import { checkPositive, checkSignal } from "./validate.ts";
import { welchPsd } from "./welch_psd.ts";

/** Options of {@linkcode mainsPeak}. */
export interface MainsPeakOptions {
  /** Welch segment length in seconds (4 s → 0.25 Hz bins). */
  segmentSeconds: number;
  /** Half-width (Hz) around 50/60 Hz searched for the peak bin. */
  peakHalfWidthHz: number;
  /** Neighbouring bins lie between `gapHz` and `gapHz + neighbourWidthHz` from the mains. */
  gapHz: number;
  /** Width (Hz) of each neighbour band. */
  neighbourWidthHz: number;
}

/** Defaults: 4 s segments, peak within ±0.5 Hz, neighbours 1–5 Hz away on either side. */
export const DEFAULT_MAINS_PEAK_OPTIONS: Readonly<MainsPeakOptions> = Object.freeze({
  segmentSeconds: 4,
  peakHalfWidthHz: 0.5,
  gapHz: 1,
  neighbourWidthHz: 4,
});

/** The mains peak of a signal; fields are null when no mains frequency can be analysed. */
export interface MainsPeak {
  /** Whichever of 50/60 Hz stands out more. */
  frequency: 50 | 60 | null;
  /** Its height in dB above the median PSD of its neighbouring bins. */
  peakDb: number | null;
  /** Height at 50 Hz, or null when 50 Hz + neighbours exceed the Nyquist frequency. */
  peakDb50: number | null;
  /** Height at 60 Hz, or null likewise. */
  peakDb60: number | null;
}

/**
 * Height of the mains peak: for f0 ∈ {50, 60}, 10·log10(max PSD within ±peakHalfWidth of
 * f0 / median PSD of the bins 1–5 Hz away on either side), from a Welch PSD; reports the
 * larger. About 0 dB when there is no mains interference.
 */
export function mainsPeak(
  x: Float32Array,
  sampleRate: number,
  options?: Partial<MainsPeakOptions>,
): MainsPeak {
  checkSignal(x, "mainsPeak: signal", 2);
  checkPositive(sampleRate, "mainsPeak: sampleRate");
  const o = resolveOptions(DEFAULT_MAINS_PEAK_OPTIONS, options, "mainsPeak");
  const p = welchPsd(x, sampleRate, { segmentSeconds: o.segmentSeconds });
  const nyquist = sampleRate / 2;
  const heightAt = (f0: number): number | null => {
    if (f0 + o.peakHalfWidthHz >= nyquist) return null;
    let peak = 0;
    const neighbours: number[] = [];
    for (let k = 0; k < p.psd.length; k++) {
      const f = k * p.df, d = Math.abs(f - f0);
      if (d <= o.peakHalfWidthHz) peak = Math.max(peak, p.psd[k]);
      else if (d >= o.gapHz && d <= o.gapHz + o.neighbourWidthHz && f < nyquist) {
        neighbours.push(p.psd[k]);
      }
    }
    if (neighbours.length < 4) return null;
    return 10 * Math.log10(peak / median(neighbours));
  };
  const peakDb50 = heightAt(50), peakDb60 = heightAt(60);
  if (peakDb50 === null && peakDb60 === null) {
    return { frequency: null, peakDb: null, peakDb50, peakDb60 };
  }
  const use60 = peakDb50 === null || (peakDb60 !== null && peakDb60 > peakDb50);
  return {
    frequency: use60 ? 60 : 50,
    peakDb: use60 ? peakDb60 : peakDb50,
    peakDb50,
    peakDb60,
  };
}

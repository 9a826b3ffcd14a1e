import { bandPower } from "../../lib/stats/band_power.ts";
import type { Psd } from "../../lib/stats/welch_psd.ts";
import { assertClose, assertThrowsWith } from "../_assert.ts";

const psd: Psd = {
  freqs: Float32Array.from([0, 1, 2, 3, 4]),
  psd: Float32Array.from([1, 2, 3, 4, 5]),
  df: 1,
  sampleRate: 8,
  segmentLength: 8,
  nfft: 8,
  segments: 1,
};

Deno.test("bandPower() sums the bins in [lo, hi) times Δf", () => {
  assertClose(bandPower(psd, 1, 3), 5);
  assertClose(bandPower(psd, 0.5, 3.5), 9);
  assertClose(bandPower(psd, 0, Infinity), 15);
});

Deno.test("bandPower() of adjacent bands adds up to the joint band", () => {
  assertClose(bandPower(psd, 0, 2) + bandPower(psd, 2, 5), bandPower(psd, 0, 5));
});

Deno.test("bandPower() rejects an empty or negative band", () => {
  assertThrowsWith(() => bandPower(psd, 3, 3), "bandPower", "lo=3, hi=3");
  assertThrowsWith(() => bandPower(psd, -1, 3), "bandPower", "0 ≤ lo < hi");
});

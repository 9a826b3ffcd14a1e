import { mainsPeak } from "../../lib/stats/mains_peak.ts";
import { assert, assertClose } from "../_assert.ts";
import { add, sine, white } from "./_signals.ts";

const fs = 256, n = fs * 60;

// An on-bin sine of amplitude A under a Hann window of N samples peaks at A²·N/(3·fs) in the
// one-sided density; white noise of sd σ lies flat at 2σ²/fs: height 10·log10(A²·N/(6σ²)).
const expectedDb = (amp: number, nSeg: number, sigma: number) =>
  10 * Math.log10((amp * amp * nSeg) / (6 * sigma * sigma));

Deno.test("mainsPeak() finds 50 Hz interference and reports its height", () => {
  const m = mainsPeak(add(white(n, 1, "mains-50"), sine(n, fs, 50, 0.5)), fs);
  assert.equal(m.frequency, 50);
  assertClose(m.peakDb!, expectedDb(0.5, 1024, 1), { atol: 1 }); // 16.3 dB
  assertClose(m.peakDb60!, 0, { atol: 2 });
});

Deno.test("mainsPeak() finds 60 Hz interference at 128 Hz sampling", () => {
  const m = mainsPeak(add(white(128 * 60, 1, "mains-60"), sine(128 * 60, 128, 60, 1)), 128);
  assert.equal(m.frequency, 60);
  assertClose(m.peakDb!, expectedDb(1, 512, 1), { atol: 1 }); // 19.3 dB
});

Deno.test("mainsPeak() is ≈ 0 dB without interference", () => {
  const m = mainsPeak(white(n, 1, "mains-none"), fs);
  assertClose(m.peakDb!, 0, { atol: 3 });
});

Deno.test("mainsPeak() reports null when the sampling rate cannot show the mains", () => {
  const m = mainsPeak(white(100 * 30, 1, "mains-low"), 100);
  assert.deepEqual(m, { frequency: null, peakDb: null, peakDb50: null, peakDb60: null });
});

import { detectScrs, scrRatePerMinute } from "../../lib/features/scr_detection.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { syntheticGsr } from "./_synth.ts";

const fs = 128;
const scrs = [
  { onset: 5, amp: 0.05 },
  { onset: 18, amp: 0.12 },
  { onset: 31, amp: 0.3 },
  { onset: 50, amp: 0.035 },
  { onset: 63, amp: 0.08 },
  { onset: 78, amp: 0.006 }, // below the 0.02 µS threshold
  { onset: 90, amp: 0.2 },
  { onset: 106, amp: 0.01 }, // below the threshold
];
const x = syntheticGsr("scr", fs, 120, scrs);
const big = scrs.filter((s) => s.amp >= 0.02);

Deno.test("detectScrs() counts exactly the SCRs above the amplitude threshold", () => {
  const d = detectScrs(x, fs);
  assert.equal(d.peaks.length, big.length);
  d.onsets.forEach((i, k) => assertClose(i / fs, big[k].onset, { atol: 0.5 }, `onset ${k}`));
  d.amplitudes.forEach((a, k) =>
    assertClose(a, big[k].amp, { rtol: 0.1, atol: 0.002 }, `amp ${k}`)
  );
  assertClose(scrRatePerMinute(x, fs), big.length / 2);
});

Deno.test("detectScrs() counts the small SCRs too with a lower threshold on a flat tonic", () => {
  const flat = syntheticGsr("scr-flat", fs, 120, scrs, 0.002, false);
  assert.equal(detectScrs(flat, fs).peaks.length, big.length);
  // On a rising tonic a small SCR's decay can vanish into the drift; on a flat one it cannot.
  const low = detectScrs(flat, fs, { minAmplitude: 0.004, hysteresis: 0.003 });
  assert.equal(low.peaks.length, scrs.length);
  low.onsets.forEach((i, k) => assertClose(i / fs, scrs[k].onset, { atol: 0.5 }, `onset ${k}`));
});

Deno.test("detectScrs() counts a rise still going at the end of the window", () => {
  const end = syntheticGsr("scr-end", fs, 20, [{ onset: 18.5, amp: 0.1 }]);
  assert.equal(detectScrs(end, fs).peaks.length, 1);
});

Deno.test("detectScrs() finds nothing in a slowly drifting noisy tonic level", () => {
  assert.equal(detectScrs(syntheticGsr("scr-none", fs, 120, []), fs).peaks.length, 0);
});

Deno.test("detectScrs() rejects a non-positive threshold", () => {
  assertThrowsWith(() => detectScrs(x, fs, { minAmplitude: 0 }), "minAmplitude", "> 0");
});

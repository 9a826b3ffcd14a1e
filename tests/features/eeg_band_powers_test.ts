import { EEG_BANDS, eegBandPowers } from "../../lib/features/eeg_band_powers.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { add, sine, white } from "../stats/_signals.ts";

const fs = 256, n = fs * 10;

Deno.test("eegBandPowers() puts a 6 Hz sine in theta and a 10 Hz sine in alpha", () => {
  const theta = eegBandPowers(add(sine(n, fs, 6, 10), white(n, 1, "eeg-6")), fs);
  const alpha = eegBandPowers(add(sine(n, fs, 10, 10), white(n, 1, "eeg-10")), fs);
  // A²/2 = 50 µV², plus white noise σ²·(4 Hz)/(128 Hz) ≈ 0.03 µV² in the band.
  assertClose(theta.absolute.theta, 50, { rtol: 0.02 });
  assertClose(alpha.absolute.alpha, 50, { rtol: 0.02 });
  assert.ok(theta.thetaAlphaRatio > 50, `6 Hz: theta/alpha ${theta.thetaAlphaRatio}`);
  assert.ok(alpha.thetaAlphaRatio < 0.02, `10 Hz: theta/alpha ${alpha.thetaAlphaRatio}`);
  assertClose(alpha.relative.alpha, 0.99, { atol: 0.01 });
});

Deno.test("eegBandPowers() relative powers sum to 1 and the total is the 0.5–30 Hz power", () => {
  const b = eegBandPowers(white(n, 3, "eeg-white"), fs);
  const rel = Object.values(b.relative).reduce((s, v) => s + v, 0);
  assertClose(rel, 1, { atol: 1e-9 });
  // White noise of variance 9 spread over 0–128 Hz: 29.5 Hz of it is 9·29.5/128 = 2.07 µV².
  assertClose(b.total, (9 * 29.5) / 128, { rtol: 0.1 });
  assertClose(b.absolute.beta / b.absolute.theta, 17 / 4, { rtol: 0.25 });
});

Deno.test("EEG_BANDS are the classic contiguous bands", () => {
  assert.deepEqual(Object.entries(EEG_BANDS), [
    ["delta", [0.5, 4]],
    ["theta", [4, 8]],
    ["alpha", [8, 13]],
    ["beta", [13, 30]],
  ]);
});

Deno.test("eegBandPowers() rejects a too-short window and unknown options", () => {
  assertThrowsWith(
    () => eegBandPowers(new Float32Array(4), fs),
    "eegBandPowers: eeg",
    "at least 8",
  );
  assertThrowsWith(
    () =>
      eegBandPowers(white(n, 1, "x"), fs, { bands: 1 } as unknown as { segmentSeconds: number }),
    'unknown option "bands"',
  );
});

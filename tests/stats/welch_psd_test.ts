import { bandPower } from "../../lib/stats/band_power.ts";
import { type WelchOptions, welchPsd } from "../../lib/stats/welch_psd.ts";
import { assert, assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";
import { add, sine, white } from "./_signals.ts";

Deno.test("welchPsd() matches a hand-worked one-segment example", () => {
  // x·w = [0, 0.5, 0, 0]: |X_k|² = 0.25, Σw² = 1.5, fs = 1 → P = [1/6, 2/6, 1/6].
  const p = welchPsd(Float32Array.from([0, 1, 0, 0]), 1, { segmentLength: 4, detrend: "none" });
  assertAllClose(p.freqs, [0, 0.25, 0.5]);
  assertAllClose(p.psd, [1 / 6, 1 / 3, 1 / 6], { atol: 1e-7 });
  assert.equal(p.segments, 1);
  assert.equal(p.nfft, 4);
});

Deno.test("welchPsd() integrates to the variance of white noise", () => {
  const fs = 256, sigma = 2;
  const x = white(1 << 16, sigma, "welch-white");
  const p = welchPsd(x, fs);
  assert.equal(p.segmentLength, 1024);
  assert.equal(p.segments, 127); // (65536 − 1024)/512 + 1
  assertClose(bandPower(p, 0, Infinity), sigma * sigma, { rtol: 0.02 });
  // A flat one-sided density σ²/(fs/2): check the mean level of 10–100 Hz.
  assertClose(bandPower(p, 10, 100) / 90, (sigma * sigma) / (fs / 2), { rtol: 0.03 });
});

Deno.test("welchPsd() zero-pads a non-power-of-two segment and keeps the integral", () => {
  const x = white(50_000, 1.5, "welch-pad");
  const p = welchPsd(x, 250);
  assert.equal(p.segmentLength, 1000);
  assert.equal(p.nfft, 1024);
  assertClose(p.df, 250 / 1024, { atol: 1e-12 });
  assertClose(bandPower(p, 0, Infinity), 2.25, { rtol: 0.03 });
});

Deno.test("welchPsd() puts a sine's power A²/2 at its frequency", () => {
  const fs = 256, n = 1 << 15;
  for (const f of [20, 20.1, 37.3]) {
    const x = add(sine(n, fs, f, 3, 0.4), white(n, 0.1, `welch-sine-${f}`));
    const p = welchPsd(x, fs);
    let kMax = 0;
    for (let k = 1; k < p.psd.length; k++) if (p.psd[k] > p.psd[kMax]) kMax = k;
    assertClose(p.freqs[kMax], f, { atol: p.df / 2 + 1e-9 }, `peak of ${f} Hz`);
    assertClose(bandPower(p, f - 1, f + 1), 4.5, { rtol: 0.01 }, `power of ${f} Hz`);
  }
});

Deno.test("welchPsd() removes each segment's mean unless told not to", () => {
  const x = add(white(4096, 1, "welch-dc"), new Float32Array(4096).fill(10));
  assert.ok(welchPsd(x, 128).psd[0] < 1);
  assert.ok(welchPsd(x, 128, { detrend: "none" }).psd[0] > 100);
});

Deno.test("welchPsd() analyses a signal shorter than a segment as one segment", () => {
  const p = welchPsd(white(300, 1, "welch-short"), 256);
  assert.equal(p.segments, 1);
  assert.equal(p.segmentLength, 300);
  assert.equal(p.nfft, 512);
});

Deno.test("welchPsd() rejects NaN samples, unknown options and bad overlap", () => {
  const x = new Float32Array(64);
  x[3] = NaN;
  assertThrowsWith(() => welchPsd(x, 128), "welchPsd: signal", "NaN at sample 3");
  const ok = new Float32Array(64);
  assertThrowsWith(
    () => welchPsd(ok, 128, { window: "hamming" } as unknown as WelchOptions),
    'unknown option "window"',
  );
  assertThrowsWith(() => welchPsd(ok, 128, { overlap: 1 }), "overlap", "[0, 1)");
  assertThrowsWith(() => welchPsd(ok, 0), "sampleRate", "> 0");
  assertThrowsWith(() => welchPsd([1, 2, 3] as unknown as Float32Array, 1), "Float32Array");
});

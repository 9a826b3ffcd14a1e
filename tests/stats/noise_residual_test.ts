import { fitGainOffset, noiseResidual } from "../../lib/stats/noise_residual.ts";
import { assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";
import { sine, white } from "./_signals.ts";

Deno.test("fitGainOffset() recovers an exact gain and offset", () => {
  const clean = sine(1000, 100, 3, 2);
  const sensed = clean.map((v) => 1.5 * v + 0.3);
  const { gain, offset } = fitGainOffset(sensed, clean);
  assertClose(gain, 1.5, { atol: 1e-6 });
  assertClose(offset, 0.3, { atol: 1e-6 });
});

Deno.test("fitGainOffset() takes gain 1 when the clean signal is constant", () => {
  const g = fitGainOffset(Float32Array.from([3, 5, 4]), Float32Array.from([1, 1, 1]));
  assertClose(g.gain, 1);
  assertClose(g.offset, 3);
});

Deno.test("noiseResidual() leaves only the added noise after the fit, everything when raw", () => {
  const clean = sine(4000, 100, 3, 2);
  const w = white(4000, 0.1, "residual");
  const sensed = clean.map((v, i) => 1.5 * v + 0.3 + w[i]);
  const fit = noiseResidual(sensed, clean);
  assertAllClose(fit.noise, w, { atol: 0.01 });
  const raw = noiseResidual(sensed, clean, false);
  assertAllClose(raw.noise, clean.map((v, i) => 0.5 * v + 0.3 + w[i]), { atol: 1e-5 });
  assertClose(raw.gain, 1);
  assertClose(raw.offset, 0);
});

Deno.test("noiseResidual() rejects arrays of different lengths", () => {
  assertThrowsWith(
    () => noiseResidual(new Float32Array(5), new Float32Array(6)),
    "noiseResidual",
    "got 5 and 6",
  );
});

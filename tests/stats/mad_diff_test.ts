import { madDiffSigma } from "../../lib/stats/mad_diff.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assertClose } from "../_assert.ts";
import { add, sine, white } from "./_signals.ts";

Deno.test("madDiffSigma() is 1.4826·MAD(Δx)/√2 on a hand-worked example", () => {
  // Δx = [1,−1,1,−1]: median 0, MAD 1.
  assertClose(madDiffSigma(Float32Array.from([0, 1, 0, 1, 0])), 1.4826 / Math.SQRT2, {
    atol: 1e-12,
  });
});

Deno.test("madDiffSigma() estimates white-noise sd within 5 % despite a slow signal and spikes", () => {
  const fs = 256, n = fs * 60;
  for (const sigma of [0.05, 0.7, 12]) {
    const x = add(white(n, sigma, `mad-${sigma}`), sine(n, fs, 0.2, 10 * sigma));
    const rng = new Rng(`mad-spikes-${sigma}`);
    for (let k = 0; k < n / 200; k++) x[rng.int(n)] += 30 * sigma;
    assertClose(madDiffSigma(x), sigma, { rtol: 0.05 }, `σ = ${sigma}`);
  }
});

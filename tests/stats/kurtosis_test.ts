import { excessKurtosis } from "../../lib/stats/kurtosis.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { sine, white } from "./_signals.ts";

Deno.test("excessKurtosis() matches the bias-corrected G2 by hand", () => {
  // d = [−3,−2,−1,0,6]: Σd² = 50, Σd⁴ = 1394; G2 = 4/6·(5·6·1394/2500 − 12) = 3.152.
  assertClose(excessKurtosis(Float32Array.from([1, 2, 3, 4, 10])), 3.152, { atol: 1e-9 });
});

Deno.test("excessKurtosis() is ≈ 0 for Gaussian, −1.5 for a sine and ≫ 0 for spiky noise", () => {
  const n = 40_000;
  assertClose(excessKurtosis(white(n, 2, "kurt-gauss")), 0, { atol: 0.1 }); // sd ≈ √(24/n) = 0.025
  assertClose(excessKurtosis(sine(n, 256, 3.1, 1)), -1.5, { atol: 0.01 });
  const spiky = white(n, 1, "kurt-spiky");
  const rng = new Rng("kurt-spikes");
  for (let k = 0; k < n / 100; k++) spiky[rng.int(n)] += rng.pick([-20, 20]);
  // ≈ p·20⁴/(1 + p·20²)² = 64 for p = 1 %.
  const k = excessKurtosis(spiky);
  assert.ok(k > 40 && k < 90, `got ${k}`);
});

Deno.test("excessKurtosis() needs four samples", () => {
  assertThrowsWith(() => excessKurtosis(new Float32Array(3)), "excessKurtosis", "at least 4");
});

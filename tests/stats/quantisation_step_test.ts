import { quantisationStep } from "../../lib/stats/quantisation_step.ts";
import { assert, assertClose } from "../_assert.ts";
import { white } from "./_signals.ts";

Deno.test("quantisationStep() is the median gap between distinct levels (by hand)", () => {
  const q = quantisationStep(Float32Array.from([0, 0.5, 0.5, 1.5]));
  assertClose(q.step, 0.75); // gaps 0.5 and 1
  assert.equal(q.levels, 3);
  assert.deepEqual(quantisationStep(new Float32Array(5).fill(1)), { step: 0, levels: 1 });
});

Deno.test("quantisationStep() recovers the ADC step of quantised noise", () => {
  for (const step of [0.05, 0.37, 2]) {
    const x = white(20_000, 20 * step, `quant-${step}`).map((v) => Math.round(v / step) * step + 1);
    const q = quantisationStep(x);
    assertClose(q.step, step, { rtol: 1e-4 }, `step ${step}`);
    assert.ok(q.levels < 200, `levels ${q.levels}`);
  }
});

Deno.test("quantisationStep() of an unquantised signal has about n levels", () => {
  const q = quantisationStep(white(20_000, 1, "quant-none"));
  assert.ok(q.levels > 19_900, `levels ${q.levels}`);
  assert.ok(q.step < 1e-3, `step ${q.step}`);
});

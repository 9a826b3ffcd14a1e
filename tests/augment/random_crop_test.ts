import { randomCrop } from "../../lib/augment/random_crop.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { assertSeededAndPure, rampWindow } from "./_windows.ts";

Deno.test("randomCrop() stretches a crop of ≥ minFraction·length back to the full length", () => {
  // On a ramp x = t the output is the line start + t·(ℓ − 1)/(L − 1): its first value is the
  // crop start a, its slope (ℓ − 1)/(L − 1) gives the crop length ℓ.
  const length = 101;
  const aug = randomCrop({ minFraction: 0.6 });
  const rng = new Rng(7);
  const crops = new Set<number>();
  for (let i = 0; i < 200; i++) {
    const out = aug(rampWindow(length, 2), length, 2, rng);
    const start = out[0];
    const crop = out[(length - 1) * 2] - start + 1;
    assert.ok(Number.isInteger(start) && Number.isInteger(crop), "ends are samples");
    assert.ok(
      crop >= 61 && crop <= 101 && start >= 0 && start + crop <= 101,
      `crop ${start}+${crop}`,
    );
    crops.add(crop);
    for (let t = 0; t < length; t++) {
      const expected = start + (t * (crop - 1)) / (length - 1);
      assertClose(out[t * 2], expected, { atol: 1e-4 });
      assertClose(out[t * 2 + 1], expected + 1000, { atol: 1e-3 });
    }
  }
  assert.ok(crops.size > 20, `only ${crops.size} distinct crop lengths`);
});

Deno.test("randomCrop() is the identity for minFraction 1 and is seeded and pure", () => {
  const w = rampWindow(40, 3);
  assert.deepEqual(randomCrop({ minFraction: 1 })(w, 40, 3, new Rng(1)), w);
  assertSeededAndPure(randomCrop(), w, 3);
});

Deno.test("randomCrop() handles a one-sample window", () => {
  assert.deepEqual(Array.from(randomCrop()(new Float32Array([4, 5]), 1, 2, new Rng(1))), [4, 5]);
});

Deno.test("randomCrop() rejects bad options", () => {
  assertThrowsWith(() => randomCrop({ minFraction: 0 }), "randomCrop: option minFraction", "> 0");
  assertThrowsWith(() => randomCrop({ minFraction: 1.5 }), "≤ 1");
});

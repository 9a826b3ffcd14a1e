import { assert } from "../_assert.ts";
import { PLOT_PALETTE } from "../../lib/plot/defaults.ts";
import {
  categoryDomain,
  extent,
  paletteScale,
  roundSignificant,
  roundToGrid,
} from "../../lib/plot/encode.ts";

Deno.test("roundSignificant() keeps the given number of significant digits", () => {
  assert.equal(roundSignificant(3.14159265, 5), 3.1416);
  assert.equal(roundSignificant(-0.000123456, 3), -0.000123);
  assert.equal(roundSignificant(0), 0);
});

Deno.test("roundToGrid() rounds to range/10^digits so late times stay distinct", () => {
  // range 3600 s, 5 digits → 0.01 s grid; significant-digit rounding would give 3600.0.
  assert.equal(roundToGrid(3600.0117, 3600, 5), 3600.01);
  assert.equal(roundToGrid(3600.0217, 3600, 5), 3600.02);
  assert.equal(roundToGrid(0.1 + 0.2, 10, 5), 0.3);
});

Deno.test("categoryDomain() puts the given order first, then unseen categories in first-seen order", () => {
  assert.deepEqual(categoryDomain(["b", "x", "a", "x"], ["a", "b"]), ["a", "b", "x"]);
  assert.deepEqual(categoryDomain(["z", "y", "z"]), ["z", "y"]);
});

Deno.test("paletteScale() maps category i to palette colour i, cycling past 10", () => {
  const domain = Array.from({ length: 12 }, (_, i) => `c${i}`);
  const s = paletteScale(domain);
  assert.equal(s.range[0], PLOT_PALETTE[0]);
  assert.equal(s.range[11], PLOT_PALETTE[1]);
});

Deno.test("extent() returns min and max", () => {
  assert.deepEqual(extent([3, -1, 7, 2]), [-1, 7]);
});

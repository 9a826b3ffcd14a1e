import { assert, assertThrowsWith } from "../_assert.ts";
import { PLOT_PALETTE } from "../../lib/plot/defaults.ts";
import { scatterPlot } from "../../lib/plot/scatter_plot.ts";
import { countMarkItems, renderClean, rowsOf } from "./_svg.ts";

const MODES = ["alert", "normal", "drowsy", "asleep"];

Deno.test("scatterPlot() draws every point, coloured by mode and shaped by sensor", async () => {
  const n = 120;
  const spec = scatterPlot({
    x: Array.from({ length: n }, (_, i) => Math.cos(i)),
    y: Array.from({ length: n }, (_, i) => Math.sin(i)),
    color: Array.from({ length: n }, (_, i) => i % 4), // numeric labels mapped through colorOrder
    shape: Array.from({ length: n }, (_, i) => `s${i % 3}`),
  }, { colorOrder: MODES });
  // deno-lint-ignore no-explicit-any
  const enc = (spec as any).encoding;
  assert.deepEqual(enc.color.scale.domain, MODES);
  assert.deepEqual(enc.color.scale.range, PLOT_PALETTE.slice(0, 4));
  assert.deepEqual(enc.shape.scale.domain, ["s0", "s1", "s2"]);
  assert.deepEqual(rowsOf(spec)[5], { x: 0.2837, y: -0.9589, c: "normal", g: "s2" });
  const svg = await renderClean(spec);
  assert.equal(countMarkItems(svg, "symbol"), n);
});

Deno.test("scatterPlot() draws an evenly strided subsample beyond maxPoints", async () => {
  const n = 1000;
  const x = Float32Array.from({ length: n }, (_, i) => i);
  const spec = scatterPlot({ x, y: x }, { maxPoints: 300 });
  const kept = rowsOf(spec).map((r) => r.x);
  assert.equal(kept.length, 250); // step ⌈1000/300⌉ = 4
  assert.deepEqual(kept.slice(0, 3), [0, 4, 8]);
  assert.equal(countMarkItems(await renderClean(spec), "symbol"), 250);
});

Deno.test("scatterPlot() rejects NaN coordinates, unknown categories and mismatched columns", () => {
  assertThrowsWith(
    () => scatterPlot({ x: [0, 1], y: [0, NaN] }),
    "scatterPlot",
    "y[1] is NaN",
  );
  assertThrowsWith(
    () => scatterPlot({ x: [0, 1], y: [0, 1], color: [0, 7] }, { colorOrder: MODES }),
    "color[1] is 7",
  );
  assertThrowsWith(
    () => scatterPlot({ x: [0, 1], y: [0, 1], shape: ["a"] }),
    "x has 2",
    "shape has 1",
  );
});

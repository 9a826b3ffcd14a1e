import { assert, assertThrowsWith } from "../_assert.ts";
import { heatmapPlot } from "../../lib/plot/heatmap_plot.ts";
import { countMarkItems, renderClean, rowsOf } from "./_svg.ts";

const MODES = ["alert", "normal", "drowsy", "asleep"];
const confusion = [[50, 3, 1, 0], [4, 40, 8, 1], [0, 9, 35, 6], [0, 1, 7, 44]];

Deno.test("heatmapPlot() draws a cell and its count per matrix entry, labelled rows = true", async () => {
  const spec = heatmapPlot(confusion, { rowLabels: MODES });
  const rows = rowsOf(spec);
  assert.equal(rows.length, 16);
  assert.deepEqual(rows[6], { r: "normal", c: "drowsy", v: 8 });
  // deno-lint-ignore no-explicit-any
  const text = (spec as any).layer[1].encoding;
  assert.equal(text.text.format, "d", "integer matrix → integer format");
  assert.equal(text.color.condition.test, "datum.v > 25", "white text above mid-range (0+50)/2");
  const svg = await renderClean(spec);
  assert.equal(countMarkItems(svg, "rect"), 16);
  assert.equal(countMarkItems(svg, "text"), 16);
  assert.ok(svg.includes(">35</text>"));
});

Deno.test("heatmapPlot() formats fractional matrices with two decimals", async () => {
  const spec = heatmapPlot([[0.5, 0.25], [0.125, 1]]);
  const svg = await renderClean(spec);
  assert.ok(svg.includes(">0.13</text>") && svg.includes(">1.00</text>"));
});

Deno.test("heatmapPlot() rejects ragged matrices, NaN and wrong label counts", () => {
  assertThrowsWith(() => heatmapPlot([[1, 2], [3]]), "matrix[1] has 1 columns but matrix[0] has 2");
  assertThrowsWith(() => heatmapPlot([[1, NaN]]), "matrix[0][1] is NaN");
  assertThrowsWith(
    () => heatmapPlot(confusion, { rowLabels: ["a", "b"] }),
    "rowLabels must be 4 distinct labels",
  );
});

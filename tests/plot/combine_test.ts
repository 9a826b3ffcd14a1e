import { assert, assertThrowsWith } from "../_assert.ts";
import { barPlot } from "../../lib/plot/bar_plot.ts";
import { combinePlots } from "../../lib/plot/combine.ts";
import { VEGA_LITE_SCHEMA } from "../../lib/plot/defaults.ts";
import { heatmapPlot } from "../../lib/plot/heatmap_plot.ts";
import { linePlot } from "../../lib/plot/line_plot.ts";
import { countMarkItems, linePointCounts, renderClean } from "./_svg.ts";

Deno.test("combinePlots() lays panels out in a grid with one $schema", async () => {
  const spec = combinePlots([
    heatmapPlot([[1, 2], [3, 4]]),
    barPlot([{ category: "a", value: 1 }]),
    linePlot([{ name: "loss", x: [0, 1, 2], y: [3, 2, 1] }]),
  ], { columns: 2, title: "summary", independentColors: true });
  // deno-lint-ignore no-explicit-any
  const s = spec as any;
  assert.equal(s.$schema, VEGA_LITE_SCHEMA);
  assert.equal(s.columns, 2);
  assert.equal(s.concat.length, 3);
  assert.ok(s.concat.every((p: object) => !("$schema" in p)));
  const svg = await renderClean(spec);
  assert.equal(countMarkItems(svg, "rect"), 4 + 1);
  assert.deepEqual(linePointCounts(svg), [3]);
});

Deno.test("combinePlots() rejects an empty list and a bad column count", () => {
  assertThrowsWith(() => combinePlots([]), "specs must be a non-empty array");
  assertThrowsWith(
    () => combinePlots([barPlot([{ category: "a", value: 1 }])], { columns: 1.5 }),
    "columns must be a non-negative integer",
  );
});

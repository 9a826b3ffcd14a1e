import { assert, assertThrowsWith } from "../_assert.ts";
import { lttbIndices } from "../../lib/plot/decimate.ts";
import { linePlot } from "../../lib/plot/line_plot.ts";
import { linePointCounts, renderClean, rowsOf } from "./_svg.ts";

Deno.test("linePlot() draws one line per series, decimating long ones with LTTB", async () => {
  const n = 6000;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from({ length: n }, (_, i) => 2 * Math.exp(-i / 800) + 0.1);
  const spec = linePlot([
    { name: "train", x, y },
    { name: "validation", x: [0, 2000, 4000], y: [2, 0.5, 0.2] },
  ], { maxPoints: 700, yLabel: "loss", logY: true });
  const rows = rowsOf(spec);
  const trainRows = rows.filter((r) => r.s === "train");
  const expected = [...lttbIndices(x, y, 700)];
  assert.deepEqual(trainRows.map((r) => r.x), expected);
  assert.deepEqual(rows.filter((r) => r.s === "validation").map((r) => r.y), [2, 0.5, 0.2]);
  const svg = await renderClean(spec);
  assert.deepEqual(linePointCounts(svg), [700, 3]);
});

Deno.test("linePlot() rejects non-positive y on a log axis, repeated names and unknown downsampling", () => {
  assertThrowsWith(
    () => linePlot([{ name: "loss", x: [0, 1], y: [1, 0] }], { logY: true }),
    "series[0] ('loss') y[1] is 0",
  );
  assertThrowsWith(
    () => linePlot([{ name: "a", x: [0], y: [1] }, { name: "a", x: [0], y: [1] }]),
    "series[1] repeats the name 'a'",
  );
  assertThrowsWith(
    () => linePlot([{ name: "a", x: [0], y: [1] }], { downsample: "m4" as never }),
    "downsample must be",
  );
});

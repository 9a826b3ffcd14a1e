import { assert, assertThrowsWith } from "../_assert.ts";
import { PLOT_PALETTE } from "../../lib/plot/defaults.ts";
import { timelinePlot } from "../../lib/plot/timeline_plot.ts";
import { countMarkItems, renderClean } from "./_svg.ts";

const MODES = ["alert", "normal", "drowsy", "asleep"];

Deno.test("timelinePlot() draws one bar per segment in lanes, coloured by state order", async () => {
  const spec = timelinePlot([
    { start: 0, end: 100, state: "alert", lane: "d01" },
    { start: 100, end: 250, state: "drowsy", lane: "d01" },
    { start: 0, end: 50, state: "normal", lane: "d02" },
    { start: 50, end: 250, state: "asleep", lane: "d02" },
  ], { stateOrder: MODES, laneHeight: 30 });
  // deno-lint-ignore no-explicit-any
  const s = spec as any;
  assert.equal(s.height, 60);
  assert.deepEqual(s.encoding.y.sort, ["d01", "d02"]);
  assert.deepEqual(s.encoding.color.scale.range, PLOT_PALETTE.slice(0, 4));
  const svg = await renderClean(spec);
  assert.equal(countMarkItems(svg, "rect"), 4);
});

Deno.test("timelinePlot() uses a single full-height lane when no lanes are named", async () => {
  const spec = timelinePlot([{ start: 0, end: 1, state: "alert" }, {
    start: 1,
    end: 2,
    state: "normal",
  }]);
  // deno-lint-ignore no-explicit-any
  assert.equal((spec as any).encoding.y, undefined);
  assert.equal(countMarkItems(await renderClean(spec), "rect"), 2);
});

Deno.test("timelinePlot() rejects empty or reversed segments", () => {
  assertThrowsWith(() => timelinePlot([]), "segments must be a non-empty array");
  assertThrowsWith(
    () => timelinePlot([{ start: 5, end: 5, state: "alert" }]),
    "segments[0] must have finite start < end",
  );
});

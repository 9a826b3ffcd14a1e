import { assert, assertThrowsWith } from "../_assert.ts";
import { barPlot } from "../../lib/plot/bar_plot.ts";
import { countMarkItems, renderClean, rowsOf } from "./_svg.ts";

Deno.test("barPlot() draws grouped bars side by side with error rules", async () => {
  const spec = barPlot([
    { category: "eeg", group: "s1", value: 12, error: 1 },
    { category: "eeg", group: "s3-noisy", value: 3, error: 0.5 },
    { category: "ecg", group: "s1", value: 20, error: 2 },
    { category: "ecg", group: "s3-noisy", value: 8, error: 1 },
    { category: "gsr", group: "s1", value: 15, error: 1.5 },
  ], { yLabel: "SNR (dB)", groupOrder: ["s1", "s3-noisy"] });
  // deno-lint-ignore no-explicit-any
  const enc = (spec as any).layer[0].encoding;
  assert.equal(enc.xOffset.field, "g");
  assert.deepEqual(enc.color.scale.domain, ["s1", "s3-noisy"]);
  assert.deepEqual(rowsOf(spec)[1], { c: "eeg", v: 3, g: "s3-noisy", lo: 2.5, hi: 3.5 });
  const svg = await renderClean(spec);
  assert.equal(countMarkItems(svg, "rect"), 5);
  assert.equal(countMarkItems(svg, "rule"), 5);
});

Deno.test("barPlot() draws plain horizontal bars without a legend", async () => {
  const spec = barPlot([{ category: "a", value: 1 }, { category: "b", value: 2 }], {
    horizontal: true,
  });
  // deno-lint-ignore no-explicit-any
  const enc = (spec as any).layer[0].encoding;
  assert.equal(enc.y.field, "c");
  assert.equal(enc.x.field, "v");
  assert.equal(enc.color.value, "#4c78a8");
  const svg = await renderClean(spec);
  assert.equal(countMarkItems(svg, "rect"), 2);
  assert.ok(!svg.includes("role-legend"), "no legend");
});

Deno.test("barPlot() rejects duplicate bars, NaN values and negative errors", () => {
  assertThrowsWith(
    () => barPlot([{ category: "a", value: 1 }, { category: "a", value: 2 }]),
    "bars[1] repeats category 'a'",
  );
  assertThrowsWith(() => barPlot([{ category: "a", value: NaN }]), "bars[0].value", "NaN");
  assertThrowsWith(
    () => barPlot([{ category: "a", value: 1, error: -1 }]),
    "bars[0].error must be a finite number ≥ 0",
  );
});

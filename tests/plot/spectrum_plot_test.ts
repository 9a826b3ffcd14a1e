import { assert, assertThrowsWith } from "../_assert.ts";
import { spectrumPlot } from "../../lib/plot/spectrum_plot.ts";
import { countMarkItems, linePointCounts, renderClean } from "./_svg.ts";

const freq = Array.from({ length: 129 }, (_, i) => i); // 0…128 Hz
const pink = freq.map((f) => 1 / (1 + f));

// deno-lint-ignore no-explicit-any
const layers = (spec: unknown) => (spec as any).layer;

Deno.test("spectrumPlot() draws one curve per series on a log power axis, cropped to the frequency range", async () => {
  const spec = spectrumPlot([
    { name: "s1", freq, power: pink },
    { name: "s3-noisy", freq, power: pink.map((p) => p + 0.05) },
  ], { minFreq: 1, maxFreq: 40 });
  const line = layers(spec).at(-1);
  assert.equal(line.encoding.y.scale.type, "log");
  assert.deepEqual(line.encoding.x.scale.domain, [1, 40]);
  assert.deepEqual(line.encoding.color.scale.domain, ["s1", "s3-noisy"]);
  const svg = await renderClean(spec);
  assert.deepEqual(linePointCounts(svg), [40, 40], "1…40 Hz inclusive, per curve");
});

Deno.test("spectrumPlot() shades and labels the frequency bands inside the shown range", async () => {
  const spec = spectrumPlot([{ name: "eeg", freq, power: pink }], {
    maxFreq: 30,
    bands: [
      { start: 1, end: 4, label: "delta" },
      { start: 8, end: 13, label: "alpha" },
      { start: 60, end: 80, label: "out of range" },
    ],
  });
  assert.deepEqual(layers(spec)[0].data.values.map((b: { label: string }) => b.label), [
    "delta",
    "alpha",
  ]);
  const svg = await renderClean(spec);
  assert.equal(countMarkItems(svg, "rect"), 2);
  assert.equal(countMarkItems(svg, "text"), 2);
  assert.ok(svg.includes(">alpha</text>"));
});

Deno.test("spectrumPlot() rejects non-positive power on a log axis but accepts it on a linear one", () => {
  const power = pink.slice();
  power[3] = 0;
  assertThrowsWith(
    () => spectrumPlot([{ name: "eeg", freq, power }]),
    "spectrumPlot",
    "curves[0] ('eeg') power[3] is 0",
    "logY: false",
  );
  const spec = spectrumPlot([{ name: "eeg", freq, power }], { logY: false });
  assert.equal(layers(spec)[0].encoding.y.scale.zero, false);
});

Deno.test("spectrumPlot() rejects mismatched freq/power and an empty frequency range", () => {
  assertThrowsWith(
    () => spectrumPlot([{ name: "eeg", freq, power: pink.slice(1) }]),
    "curves[0].freq has 129",
    "curves[0].power has 128",
  );
  assertThrowsWith(
    () => spectrumPlot([{ name: "eeg", freq, power: pink }], { minFreq: 500 }),
    "no frequency lies in [500",
  );
});

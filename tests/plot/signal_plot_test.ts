import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { bandsFromLabels } from "../../lib/plot/bands.ts";
import { minMaxIndices } from "../../lib/plot/decimate.ts";
import { PLOT_PALETTE } from "../../lib/plot/defaults.ts";
import { signalPlot } from "../../lib/plot/signal_plot.ts";
import { Rng } from "../../lib/random/rng.ts";
import { countMarkItems, linePointCounts, renderClean } from "./_svg.ts";

const MODES = ["alert", "normal", "drowsy", "asleep"];

function noisy(n: number, seed: number, rate = 256) {
  const rng = new Rng(seed);
  const time = new Float64Array(n), values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = i / rate;
    values[i] = rng.normal();
  }
  return { time, values };
}

// deno-lint-ignore no-explicit-any
const rows = (spec: any, row: number, layer: number) => spec.vconcat[row].layer[layer].data.values;

Deno.test("signalPlot() draws one row per channel with the decimated point count per trace", async () => {
  const a = noisy(20_000, 1), b = noisy(20_000, 2), c = noisy(500, 3);
  const spec = signalPlot([
    { channel: "eeg", series: "clean", ...a },
    { channel: "eeg", series: "sensed", ...b },
    { channel: "gsr", ...c },
  ], { maxPoints: 1500, units: { eeg: "µV" } });
  // deno-lint-ignore no-explicit-any
  const s = spec as any;
  assert.equal(s.vconcat.length, 2);
  assert.equal(s.vconcat[0].layer[0].encoding.y.title, "eeg (µV)");
  assert.equal(s.vconcat[1].layer[0].encoding.y.title, "gsr");
  const perTrace = 500; // ⌊1500 / 3⌋
  const expected = [
    minMaxIndices(a.values, perTrace).length,
    minMaxIndices(b.values, perTrace).length,
    c.values.length, // fits the budget: all kept
  ];
  const svg = await renderClean(spec);
  assert.deepEqual(linePointCounts(svg), expected);
  assert.ok(expected[0] <= perTrace && expected[0] >= perTrace - 2);
});

Deno.test("signalPlot() keeps a spike's exact value (and its time to the rounding grid) after decimation", () => {
  const { time, values } = noisy(50_000, 4);
  values[12_345] = 42.5;
  const spec = signalPlot([{ channel: "ecg", time, values }], { maxPoints: 400 });
  const kept = rows(spec, 0, 0);
  const spike = kept.find((r: { v: number }) => r.v === 42.5);
  assert.ok(spike, "spike kept");
  // Times are rounded to a grid of range/10^5 (≈ 195 s → 1 ms), far below the 3.9 ms sample step.
  assertClose(spike.t, 12_345 / 256, { atol: 0.0005 });
  assert.ok(kept.length <= 400);
});

Deno.test("signalPlot() shades bands behind every row with stable mode colours", async () => {
  const n = 4000;
  const { time, values } = noisy(n, 5);
  const modes = Uint8Array.from({ length: n }, (_, i) => (i < 1000 ? 0 : i < 2500 ? 2 : 3));
  const bands = bandsFromLabels(time, modes, MODES);
  const spec = signalPlot(
    [{ channel: "eeg", time, values }, { channel: "ecg", time, values }],
    { bands, bandOrder: MODES },
  );
  // deno-lint-ignore no-explicit-any
  const fill = (spec as any).vconcat[0].layer[0].encoding.fill.scale;
  assert.deepEqual(fill.domain, MODES);
  assert.deepEqual(fill.range, PLOT_PALETTE.slice(0, 4));
  assert.deepEqual(rows(spec, 0, 0).map((b: { label: string }) => b.label), [
    "alert",
    "drowsy",
    "asleep",
  ]);
  const svg = await renderClean(spec);
  assert.equal(countMarkItems(svg, "rect"), 3 * 2, "3 bands × 2 rows");
  assert.equal(linePointCounts(svg).length, 2);
});

Deno.test("signalPlot() keeps an hour of 4 channels at 256 Hz under 200 KB", () => {
  const n = 256 * 3600;
  const traces = ["eeg", "ecg", "gsr", "emg"].map((channel, k) => ({
    channel,
    ...noisy(n, 10 + k),
  }));
  const t0 = performance.now();
  const json = JSON.stringify(signalPlot(traces));
  const ms = performance.now() - t0;
  assert.ok(json.length < 200_000, `spec is ${json.length} bytes`);
  assert.ok(ms < 5000, `built in ${ms.toFixed(0)} ms`);
});

Deno.test("signalPlot() rejects mismatched lengths, NaN, unknown options and unnamed duplicate traces", () => {
  const t = [0, 1, 2];
  assertThrowsWith(
    () => signalPlot([{ channel: "eeg", time: t, values: [1, 2] }]),
    "signalPlot",
    "traces[0].time has 3",
    "traces[0].values has 2",
  );
  assertThrowsWith(
    () => signalPlot([{ channel: "eeg", time: t, values: [1, NaN, 2] }]),
    "signalPlot",
    "traces[0].values[1] is NaN",
  );
  assertThrowsWith(
    () => signalPlot([{ channel: "eeg", time: t, values: t }], { colour: "red" } as never),
    "unknown option 'colour'",
  );
  assertThrowsWith(
    () => signalPlot([{ channel: "eeg", time: t, values: t }], { maxPoints: "many" } as never),
    "option maxPoints must be a number",
  );
  assertThrowsWith(
    () =>
      signalPlot([{ channel: "eeg", time: t, values: t }, { channel: "eeg", time: t, values: t }]),
    "channel 'eeg' has 2 traces",
    "distinct series",
  );
  assertThrowsWith(
    () =>
      signalPlot([{ channel: "eeg", time: t, values: t }], {
        bands: [{ start: 2, end: 1, label: "alert" }],
      }),
    "bands[0]",
    "start < end",
  );
});

import { assert, assertThrowsWith } from "../_assert.ts";
import { VEGA_LITE_MIME } from "../../lib/plot/bundle.ts";
import { linePlot } from "../../lib/plot/line_plot.ts";
import { liveChart, liveLineChart } from "../../lib/progress/live_chart.ts";

type Sent = { text: string; id?: string; update?: boolean; mimes: string[] };
function recorder() {
  const sent: Sent[] = [];
  const sink = (b: Record<string, unknown>, o?: { displayId?: string; update?: boolean }) => {
    sent.push({
      text: String(b["text/plain"]),
      id: o?.displayId,
      update: o?.update,
      mimes: Object.keys(b).sort(),
    });
    return Promise.resolve();
  };
  return { sent, sink };
}

const spec = (n: number) =>
  linePlot([{
    name: "loss",
    x: Array.from({ length: n }, (_, i) => i),
    y: Array.from({ length: n }, () => 1),
  }]);

Deno.test("liveChart() displays, then replaces the same output at most every minIntervalMs", async () => {
  const { sent, sink } = recorder();
  let t = 0;
  const chart = liveChart({ sink, minIntervalMs: 1000, now: () => t, displayId: "live-1" });
  let built = 0;
  const lazy = (n: number) => () => (built++, spec(n));
  await chart.update(lazy(1)); // t=0: drawn
  t = 400;
  await chart.update(lazy(2)); // throttled, kept
  t = 900;
  await chart.update(lazy(3)); // throttled, replaces the kept one
  t = 1200;
  await chart.update(lazy(4)); // drawn
  t = 1300;
  await chart.update(lazy(5)); // kept
  await chart.done(); // draws 5
  assert.equal(built, 3, "only drawn figures are built");
  assert.equal(chart.draws, 3);
  assert.deepEqual(sent.map((s) => [s.id, s.update, s.text]), [
    ["live-1", false, 'Vega-Lite plot "untitled" (1 data rows)'],
    ["live-1", true, 'Vega-Lite plot "untitled" (4 data rows)'],
    ["live-1", true, 'Vega-Lite plot "untitled" (5 data rows)'],
  ]);
  assert.deepEqual(sent[0].mimes, [
    "application/vnd.vegalite.v5+json",
    "image/svg+xml",
    "text/plain",
  ]);
  assert.equal(VEGA_LITE_MIME, sent[0].mimes[0]);
});

Deno.test("liveChart() outside a kernel writes the SVG to path, or draws nothing", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const chart = liveChart({ sink: null, path: `${dir}/live.svg`, minIntervalMs: 0 });
    await chart.update(spec(3));
    await chart.done();
    assert.ok((await Deno.readTextFile(`${dir}/live.svg`)).startsWith("<svg"));
    const quiet = liveChart({ sink: null });
    await quiet.update(() => {
      throw new Error("must not be built");
    });
    await quiet.done();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  assertThrowsWith(() => liveChart({ path: "x.png" }), 'liveChart: path must end in ".svg"');
});

Deno.test("liveLineChart() accumulates points per series and draws them as a line plot", async () => {
  const { sent, sink } = recorder();
  const live = liveLineChart({ sink, minIntervalMs: 0, yLabel: "loss", title: "training" });
  for (let e = 1; e <= 5; e++) {
    await live.add("train", e, 1 / e);
    if (e % 2 === 0) await live.add("val", e, 1.2 / e);
  }
  await live.done();
  // deno-lint-ignore no-explicit-any
  const rows = (live.spec() as any).data.values;
  assert.deepEqual(
    rows.filter((r: { s: string }) => r.s === "val").map((r: { y: number }) => r.y),
    [0.6, 0.3],
  );
  assert.equal(rows.length, 7);
  assert.equal(sent.at(-1)?.text, 'Vega-Lite plot "training" (7 data rows)');
  assert.equal(sent.length, 7, "minIntervalMs 0 → every point drawn");
  assertThrowsWith(() => live.add("train", NaN, 1), "point (NaN, 1) of 'train' must be finite");
  assertThrowsWith(
    () => liveLineChart({ yLable: "x" } as never),
    "linePlot: unknown option 'yLable'",
  );
});

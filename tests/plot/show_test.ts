import { assert, assertRejectsWith } from "../_assert.ts";
import { VEGA_LITE_MIME } from "../../lib/plot/bundle.ts";
import { linePlot } from "../../lib/plot/line_plot.ts";
import { showPlot, showTable } from "../../lib/plot/show.ts";

const spec = linePlot([{ name: "train", x: [1, 2, 3], y: [3, 2, 1] }], { title: "loss" });

type Sent = { bundle: Record<string, unknown>; options?: { displayId?: string; update?: boolean } };
function recorder(): {
  sent: Sent[];
  sink: (b: Record<string, unknown>, o?: Sent["options"]) => Promise<void>;
} {
  const sent: Sent[] = [];
  return { sent, sink: (bundle, options) => (sent.push({ bundle, options }), Promise.resolve()) };
}

Deno.test("showPlot() sends one bundle with spec, SVG and text to the display sink", async () => {
  const { sent, sink } = recorder();
  await showPlot(spec, { sink });
  assert.equal(sent.length, 1);
  const b = sent[0].bundle;
  assert.equal(b[VEGA_LITE_MIME], spec);
  assert.ok(String(b["image/svg+xml"]).startsWith("<svg"));
  assert.equal(b["text/plain"], 'Vega-Lite plot "loss" (3 data rows)');
  assert.deepEqual(sent[0].options, { displayId: undefined, update: false });
});

Deno.test("showPlot() updates an identified output when asked", async () => {
  const { sent, sink } = recorder();
  await showPlot(spec, { sink, displayId: "fig-1" });
  await showPlot(spec, { sink, displayId: "fig-1", update: true });
  assert.deepEqual(sent.map((s) => s.options), [
    { displayId: "fig-1", update: false },
    { displayId: "fig-1", update: true },
  ]);
  await assertRejectsWith(
    () => showPlot(spec, { sink, update: true }),
    "update: true needs the displayId",
  );
});

Deno.test("showPlot() outside a kernel writes the SVG to path, or logs one line without one", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const lines: string[] = [];
    await showPlot(spec, {
      sink: null,
      path: `${dir}/loss.svg`,
      json: true,
      log: (l) => lines.push(l),
    });
    assert.ok((await Deno.readTextFile(`${dir}/loss.svg`)).startsWith("<svg"));
    assert.ok((await Deno.stat(`${dir}/loss.vl.json`)).isFile);
    assert.equal(lines.length, 0);
    await showPlot(spec, { sink: null, log: (l) => lines.push(l) });
    assert.deepEqual(lines, [
      'Vega-Lite plot "loss" (3 data rows) — not shown outside Jupyter (pass path)',
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("showTable() sends HTML, Markdown and text, or logs the text table outside a kernel", async () => {
  const { sent, sink } = recorder();
  const rows = [{ method: "a", acc: 0.5 }];
  await showTable(rows, { sink, caption: "c" });
  assert.deepEqual(Object.keys(sent[0].bundle).sort(), [
    "text/html",
    "text/markdown",
    "text/plain",
  ]);
  const lines: string[] = [];
  await showTable(rows, { sink: null, log: (l) => lines.push(l) });
  assert.deepEqual(lines, ["method  acc\n------  ---\na       0.5"]);
});

Deno.test("showMarkdown() sends one text/markdown bundle to the kernel, or prints outside it", async () => {
  const { showMarkdown } = await import("../../lib/plot/show.ts");
  const sent: Record<string, unknown>[] = [];
  await showMarkdown("- **a**", {
    sink: (b) => {
      sent.push(b);
      return Promise.resolve();
    },
  });
  assert.deepEqual(sent, [{ "text/markdown": "- **a**", "text/plain": "- **a**" }]);
  const lines: string[] = [];
  await showMarkdown("x", { sink: null, log: (l) => lines.push(l) });
  assert.deepEqual(lines, ["x"]);
});

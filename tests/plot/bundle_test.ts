import { assert, assertThrowsWith } from "../_assert.ts";
import { describePlot, plotBundle, VEGA_LITE_MIME } from "../../lib/plot/bundle.ts";
import { linePlot } from "../../lib/plot/line_plot.ts";
import { signalPlot } from "../../lib/plot/signal_plot.ts";

const spec = linePlot([{ name: "train", x: [1, 2, 3], y: [3, 2, 1] }], { title: "loss" });

Deno.test("plotBundle() holds exactly the Vega-Lite spec, the SVG and a text line", () => {
  const bundle = plotBundle(spec, "<svg></svg>");
  assert.deepEqual(
    Object.keys(bundle).sort(),
    [
      VEGA_LITE_MIME,
      "image/svg+xml",
      "text/plain",
    ].sort(),
  );
  assert.equal(VEGA_LITE_MIME, "application/vnd.vegalite.v5+json");
  assert.equal(bundle[VEGA_LITE_MIME], spec);
  assert.equal(bundle["image/svg+xml"], "<svg></svg>");
  assert.equal(bundle["text/plain"], 'Vega-Lite plot "loss" (3 data rows)');
});

Deno.test("plotBundle() rejects a spec without the v5 schema and a non-SVG image", () => {
  assertThrowsWith(
    () =>
      plotBundle({ ...spec, $schema: "https://vega.github.io/schema/vega-lite/v4.json" }, "<svg/>"),
    "plotBundle: spec.$schema must be",
  );
  assertThrowsWith(() => plotBundle(spec, "<html>"), "svg must be an SVG document");
});

Deno.test("describePlot() counts data rows across nested layers", () => {
  const t = [0, 1, 2, 3];
  const s = signalPlot(
    [{ channel: "a", time: t, values: t }, { channel: "b", time: t, values: t }],
    {
      bands: [{ start: 0, end: 2, label: "alert" }],
    },
  );
  assert.equal(describePlot(s), 'Vega-Lite plot "untitled" (10 data rows)'); // 2×4 samples + 2×1 band
});

import { assert, assertRejectsWith } from "../_assert.ts";
import {
  addFigure,
  addMarkdown,
  newReport,
  reportHtml,
  reportMarkdown,
  writeReport,
} from "../../lib/report/report.ts";
import { barPlot } from "../../lib/plot/bar_plot.ts";

Deno.test("reportMarkdown() links figures and reportHtml() inlines them", async () => {
  const r = newReport("T");
  addMarkdown(r, "## Part\n\n| a | b |\n|---|---|\n| 1 | 2 |");
  await addFigure(
    r,
    "bars",
    "Two <bars>",
    barPlot([{ category: "x", value: 1 }, { category: "y", value: 2 }]),
  );
  const md = reportMarkdown(r);
  assert.ok(md.startsWith("# T\n\n## Part"));
  assert.ok(md.includes("![Two <bars>](figures/bars.svg)"));
  const html = reportHtml(r);
  assert.ok(html.includes("<table>") && html.includes("<td>2</td>"), "markdown table rendered");
  assert.ok(html.includes('<figure id="fig-bars"><svg'), "SVG inlined");
  assert.ok(html.includes("Two &lt;bars&gt;"), "caption escaped");
  const dir = await Deno.makeTempDir();
  const files = await writeReport(dir, r);
  assert.deepEqual(files.map((f) => f.slice(dir.length)), [
    "/report.md",
    "/report.html",
    "/figures/bars.svg",
  ]);
});

Deno.test("addFigure() rejects unsafe and duplicate names", async () => {
  const r = newReport("T");
  const spec = barPlot([{ category: "x", value: 1 }]);
  await assertRejectsWith(() => addFigure(r, "../x", "c", spec), "must use only letters");
  await addFigure(r, "a", "c", spec);
  await assertRejectsWith(() => addFigure(r, "a", "c", spec), "already in the report");
});

import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";
import { barPlot } from "../../lib/plot/bar_plot.ts";
import { compilePlot, renderSvg, writeFigure } from "../../lib/plot/render.ts";
import { countMarkItems } from "./_svg.ts";

const spec = barPlot([{ category: "a", value: 1 }, { category: "b", value: 2 }], { title: "t" });

Deno.test("renderSvg() renders a spec headlessly to a standalone SVG with its marks", async () => {
  const svg = await renderSvg(spec);
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(svg.trimEnd().endsWith("</svg>"));
  assert.equal(countMarkItems(svg, "rect"), 2);
  assert.ok(svg.includes(">t</text>"), "title drawn");
});

Deno.test("renderSvg() leaves the given spec untouched", async () => {
  const before = JSON.stringify(spec);
  await renderSvg(spec);
  // deno-lint-ignore no-explicit-any
  const row = (spec as any).data.values[0];
  assert.deepEqual(Object.getOwnPropertySymbols(row), [], "no vega_id symbol added");
  assert.equal(JSON.stringify(spec), before);
});

Deno.test("compilePlot() reports vega-lite warnings and throws on an invalid spec", () => {
  const { warnings } = compilePlot({
    mark: "point",
    encoding: {
      x: { field: "a", type: "quantitative" },
      shape: { field: "a", type: "quantitative" },
    },
    data: { values: [{ a: 1 }] },
  } as never);
  assert.ok(warnings.length > 0, "a quantitative shape draws a warning");
  assertThrowsWith(
    () => compilePlot({ mark: "nope" } as never),
    "compilePlot: invalid Vega-Lite spec",
  );
});

Deno.test("writeFigure() writes the SVG and, on request, the spec beside it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const paths = await writeFigure(spec, `${dir}/sub/fig.svg`, { json: true });
    assert.deepEqual(paths, [`${dir}/sub/fig.svg`, `${dir}/sub/fig.vl.json`]);
    assert.ok((await Deno.readTextFile(paths[0])).startsWith("<svg"));
    assert.deepEqual(JSON.parse(await Deno.readTextFile(paths[1])), spec);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeFigure() rejects a path that is not .svg and unknown options", async () => {
  await assertRejectsWith(
    () => writeFigure(spec, "out/fig.png"),
    'must end in ".svg"',
    "out/fig.png",
  );
  await assertRejectsWith(
    () => writeFigure(spec, "out/f.svg", { png: true } as never),
    "unknown option 'png'",
  );
});

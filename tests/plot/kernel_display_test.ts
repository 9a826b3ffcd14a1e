/**
 * End-to-end check through the real Deno Jupyter kernel: executes a small notebook with
 * `jupyter nbconvert --execute` and inspects the outputs it recorded. Ignored where
 * Jupyter or the Deno kernelspec (`deno jupyter --install`) is missing.
 */
import { assert } from "../_assert.ts";
import { VEGA_LITE_MIME } from "../../lib/plot/bundle.ts";

const repo = new URL("../../", import.meta.url).pathname;

async function hasDenoKernel(): Promise<boolean> {
  try {
    const out = await new Deno.Command("jupyter", { args: ["kernelspec", "list", "--json"] })
      .output();
    if (!out.success) return false;
    return "deno" in JSON.parse(new TextDecoder().decode(out.stdout)).kernelspecs;
  } catch {
    return false;
  }
}

const cells = [
  `import { linePlot, showPlot, showTable } from "../../lib/plot/mod.ts";
import { liveLineChart, progress } from "../../lib/progress/mod.ts";`,
  `await showPlot(linePlot([{ name: "train", x: [1, 2, 3], y: [0.9, 0.5, 0.4] }], { title: "loss" }));`,
  `const bar = progress(20, "train", { minIntervalMs: 0 });
const live = liveLineChart({ title: "live", xLabel: "epoch", minIntervalMs: 0 });
for (let e = 1; e <= 20; e++) {
  bar.tick(1, { loss: 1 / e });
  await live.add("train", e, 1 / e);
}
await bar.done();
await live.done();`,
  `const spec = linePlot([{ name: "a", x: [0, 1], y: [1, 2] }], { title: "first" });
await showPlot(spec, { displayId: "fig" });
await showPlot(linePlot([{ name: "a", x: [0, 1], y: [2, 1] }], { title: "second" }), { displayId: "fig", update: true });`,
  `await showTable([{ method: "nt-xent", acc: 0.91 }], { caption: "accuracy" });`,
];

type Output = { output_type: string; data?: Record<string, unknown>; text?: string | string[] };

Deno.test({
  name:
    "showPlot(), progress() and liveLineChart() produce the right outputs in a real Deno kernel",
  ignore: !(await hasDenoKernel()),
  async fn() {
    await Deno.mkdir(`${repo}out`, { recursive: true });
    const dir = await Deno.makeTempDir({ dir: `${repo}out`, prefix: "kernel-test-" });
    try {
      const nb = {
        cells: cells.map((source, i) => ({
          cell_type: "code",
          id: `c${i}`,
          execution_count: null,
          metadata: {},
          outputs: [],
          source,
        })),
        metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      await Deno.writeTextFile(`${dir}/in.ipynb`, JSON.stringify(nb));
      const run = await new Deno.Command("jupyter", {
        args: [
          "nbconvert",
          "--to",
          "notebook",
          "--execute",
          "--ExecutePreprocessor.kernel_name=deno",
          "--ExecutePreprocessor.timeout=180",
          "--output",
          `${dir}/out.ipynb`,
          `${dir}/in.ipynb`,
        ],
        cwd: dir,
      }).output();
      assert.ok(run.success, new TextDecoder().decode(run.stderr));
      const executed = JSON.parse(await Deno.readTextFile(`${dir}/out.ipynb`));
      const outs: Output[][] = executed.cells.map((c: { outputs: Output[] }) => c.outputs);
      const text = (o: Output, mime = "text/plain") => {
        const v = o.data?.[mime];
        return Array.isArray(v) ? v.join("") : String(v);
      };
      for (const [i, o] of outs.entries()) {
        assert.ok(o.every((x) => x.output_type !== "error"), `cell ${i}: ${JSON.stringify(o)}`);
      }
      // Cell 1: one display with the three MIME types and no echoed return value.
      assert.equal(outs[1].length, 1);
      assert.deepEqual(
        Object.keys(outs[1][0].data ?? {}).sort(),
        [
          VEGA_LITE_MIME,
          "image/svg+xml",
          "text/plain",
        ].sort(),
      );
      assert.ok(text(outs[1][0], "image/svg+xml").startsWith("<svg"));
      assert.equal(text(outs[1][0]), 'Vega-Lite plot "loss" (3 data rows)');
      // Cell 2: two outputs updated in place to their final state.
      assert.equal(outs[2].length, 2);
      assert.match(text(outs[2][0]), /^train 20\/20 \(100%\) done in .* \| loss=0\.05$/);
      assert.ok(text(outs[2][0], "text/html").includes('<progress value="20" max="20"'));
      assert.equal(text(outs[2][1]), 'Vega-Lite plot "live" (20 data rows)');
      // Cell 3: the second showPlot replaced the first.
      assert.equal(outs[3].length, 1);
      assert.equal(text(outs[3][0]), 'Vega-Lite plot "second" (2 data rows)');
      // Cell 4: a table as HTML + Markdown + text.
      assert.ok(text(outs[4][0], "text/html").includes("<caption>accuracy</caption>"));
      assert.ok(text(outs[4][0], "text/markdown").startsWith("**accuracy**"));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

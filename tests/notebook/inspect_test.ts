import { assert } from "../_assert.ts";
import { inspectNotebook, notebookTable } from "../../lib/notebook/inspect.ts";

Deno.test("inspectNotebook() counts errors, plots and cell times", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: "# x" },
      {
        cell_type: "code",
        source: ["const a = 1;\n", "a"],
        metadata: {
          execution: {
            "iopub.execute_input": "2026-01-01T00:00:00.000Z",
            "shell.execute_reply": "2026-01-01T00:00:02.500Z",
          },
        },
        outputs: [{
          output_type: "display_data",
          data: { "application/vnd.vegalite.v5+json": {}, "image/svg+xml": "<svg/>" },
        }],
      },
      {
        cell_type: "code",
        source: "boom()",
        metadata: {
          execution: {
            "iopub.execute_input": "2026-01-01T00:00:03.000Z",
            "shell.execute_reply": "2026-01-01T00:00:03.100Z",
          },
        },
        outputs: [{ output_type: "error", ename: "ReferenceError", evalue: "boom is not defined" }],
      },
    ],
  };
  const r = inspectNotebook(nb);
  assert.deepEqual(r.errors, ["cell 3: ReferenceError: boom is not defined"]);
  assert.equal(r.vegaLitePlots, 1);
  assert.equal(r.svgImages, 1);
  assert.deepEqual(r.cellSeconds, [2.5, 0.1]);
  assert.deepEqual(r.slowestCell, { index: 1, seconds: 2.5, firstLine: "const a = 1;" });
  const table = notebookTable([{ ...r, notebook: "notebooks/x.ipynb", wallSeconds: 95 }], 90);
  assert.ok(table.includes("| x.ipynb | 95.0 | 90 | NO | 2.5 |"));
});

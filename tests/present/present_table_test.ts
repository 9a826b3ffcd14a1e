import { assert } from "../_assert.ts";
import {
  presentCheckSummary,
  presentCheckTable,
  type PresentRow,
  pretrainingLine,
} from "../../lib/present/present_table.ts";
import { code, md, notebook, streamOutput } from "./_fixtures.ts";

const rows: PresentRow[] = [
  {
    notebook: "01_a.ipynb",
    wallSeconds: 7.04,
    slowestCell: { index: 3, seconds: 2.46, firstLine: "await showPlot(x | y);" },
    errors: [],
    pretraining: null,
  },
  {
    notebook: "04_b.ipynb",
    wallSeconds: 95.55,
    slowestCell: { index: 10, seconds: 61.0, firstLine: "const `run` = 1" },
    errors: [],
    pretraining: "Trained now: nt-xent, 30 epochs",
  },
  {
    notebook: "05_c.ipynb",
    wallSeconds: 90,
    slowestCell: null,
    errors: ["cell 2: TypeError: x"],
    pretraining: "Loaded the cached checkpoint x",
  },
];

Deno.test("presentCheckTable() writes one row per notebook against the budget", () => {
  assert.deepEqual(presentCheckTable(rows, 90).split("\n"), [
    "| notebook | wall time (s) | budget (s) | within | slowest cell (s) | slowest cell starts with | errors | pretraining |",
    "|---|---:|---:|:-:|---:|---|---:|---|",
    "| 01_a.ipynb | 7.0 | 90 | yes | 2.5 | cell 4: `await showPlot(x \\| y);` | 0 | – |",
    "| 04_b.ipynb | 95.5 | 90 | **NO** | 61.0 | cell 11: `const 'run' = 1` | 0 | trained now |",
    "| 05_c.ipynb | 90.0 | 90 | yes | – | – | 1 | loaded checkpoint |",
  ]);
});

Deno.test("presentCheckSummary() says which notebooks are over budget or failed", () => {
  assert.equal(
    presentCheckSummary(rows, 90),
    "OVER BUDGET: 04_b.ipynb (95.5 s > 90 s); ERRORS in 05_c.ipynb (cell 2: TypeError: x); 192.6 s in all.",
  );
  assert.equal(
    presentCheckSummary(rows.slice(0, 1), 90),
    "All 1 notebooks ran within the 90 s budget; 7.0 s in all.",
  );
});

Deno.test("pretrainingLine() finds what the pretraining cell printed", () => {
  const trained = notebook([
    md("# T", "slide"),
    code("x", "-", [streamOutput("tfjs backend: wasm\n")]),
    code("y", "-", [streamOutput("epoch 3\nTrained now: nt-xent, 2 epochs.\n")]),
  ]);
  assert.equal(pretrainingLine(trained), "Trained now: nt-xent, 2 epochs.");
  const loaded = notebook([
    code("y", "-", [
      streamOutput(["Loaded the cached checkpoint ", "d (saved …) — not trained now.\n"] as never),
    ]),
  ]);
  assert.equal(
    pretrainingLine(loaded),
    "Loaded the cached checkpoint d (saved …) — not trained now.",
  );
  assert.equal(pretrainingLine(notebook([code("z", "-", [streamOutput("nothing\n")])])), null);
});

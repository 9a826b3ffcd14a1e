import {
  heldOutF1Figure,
  labelledEmbeddingFigure,
  pretrainLossFigure,
} from "../../lib/byo/figures.ts";
import type { WindowSet } from "../../lib/data/window_set.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

function values(spec: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (s: unknown) => {
    if (s === null || typeof s !== "object") return;
    const o = s as Record<string, unknown>;
    if (
      o.data && typeof o.data === "object" && Array.isArray((o.data as { values?: unknown }).values)
    ) {
      out.push(...(o.data as { values: Record<string, unknown>[] }).values);
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(spec);
  return out;
}

Deno.test("labelledEmbeddingFigure() colours by experiment and by the user's label names", () => {
  const ws = {
    n: 3,
    labels: Int8Array.from([0, 1, -1]),
    meta: ["lab", "road", "road"].map((e) => ({ experiment: e, sensor: `${e}-s` })),
  } as unknown as WindowSet;
  const spec = labelledEmbeddingFigure(Float32Array.from([0, 1, 2, 3, 4, 5]), ws, [
    "awake",
    "drowsy",
  ], "t");
  const text = JSON.stringify(spec);
  for (const s of ["lab (lab-s)", "road (road-s)", "awake", "drowsy", "unlabelled"]) {
    assert.ok(text.includes(s), s);
  }
  assert.ok(values(spec).length >= 6);
  assertThrowsWith(
    () => labelledEmbeddingFigure(new Float32Array(4), ws, ["a"], "t"),
    "expected 6 coordinates for 3 windows, got 4",
  );
});

Deno.test("pretrainLossFigure() and heldOutF1Figure() plot the numbers they are given", () => {
  const loss = pretrainLossFigure([
    { epoch: 1, loss: 4.5, seconds: 1, learningRate: 1e-3, numTensors: 0 },
    { epoch: 2, loss: 3.25, seconds: 1, learningRate: 1e-3, numTensors: 0 },
  ], "ntxent");
  assert.ok(JSON.stringify(loss).includes("3.25"));
  const m = (mean: number) => ({ mean, sd: NaN, n: 1 });
  const agg = [
    {
      method: "linear-probe" as const,
      heldOut: "lab",
      sensor: "cap",
      fraction: 1,
      accuracy: m(0.9),
      macroF1: m(0.875),
      inDistMacroF1: m(1),
    },
    {
      method: "linear-probe" as const,
      heldOut: "lab",
      sensor: "cap",
      fraction: 0.1,
      accuracy: m(0.5),
      macroF1: m(0.125),
      inDistMacroF1: m(1),
    },
  ];
  const f1 = JSON.stringify(heldOutF1Figure(agg, 1));
  assert.ok(f1.includes("0.875") && !f1.includes("0.125") && f1.includes("lab (cap)"));
  assertThrowsWith(() => heldOutF1Figure(agg, 0.5), "no results at label fraction 0.5");
  assertThrowsWith(() => pretrainLossFigure([], "x"), "expected at least one epoch");
});

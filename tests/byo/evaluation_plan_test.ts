import { evaluationPlan } from "../../lib/byo/evaluation_plan.ts";
import type { WindowSet } from "../../lib/data/window_set.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

/** One window per (experiment, subject, label) triple given. */
function ws(rows: [string, string, number][]): WindowSet {
  return {
    x: new Float32Array(rows.length),
    n: rows.length,
    length: 1,
    channels: ["eeg"],
    sampleRate: 1,
    labels: Int8Array.from(rows.map((r) => r[2])),
    meta: rows.map(([experiment, driver], i) => ({
      recording: i,
      experiment,
      sensor: experiment,
      driver,
      session: "1",
      start: 0,
      startSample: 0,
    })),
  };
}

const TWO: [string, string, number][] = [["a", "a1", 0], ["a", "a2", 1], ["b", "b1", 0], [
  "b",
  "b2",
  1,
]];

Deno.test("evaluationPlan() runs on experiments with labels from ≥ 2 subjects, noting the others", () => {
  const plan = evaluationPlan(
    ws([...TWO, ["c", "c1", -1], ["d", "d1", 0], ["d", "d2", -1]]),
    true,
    null,
    true,
  );
  assert.deepEqual(plan, {
    run: true,
    experiments: ["a", "b"],
    heldOut: ["a", "b"],
    identifiability: true,
    note: "left out of the evaluation (pretraining only): c (no labels), d (labels from 1 subject)",
  });
  assert.deepEqual(evaluationPlan(ws(TWO), true, ["b"], true), {
    run: true,
    experiments: ["a", "b"],
    heldOut: ["b"],
    identifiability: true,
    note: null,
  });
});

Deno.test("evaluationPlan() says why it cannot run", () => {
  assert.deepEqual(evaluationPlan(ws(TWO), false, null, true), {
    run: false,
    reason: "evaluate is false in the config",
  });
  const one = evaluationPlan(
    ws([["a", "a1", 0], ["a", "a2", 1], ["b", "b1", 0]]),
    true,
    null,
    true,
  );
  assert.deepEqual(one, {
    run: false,
    reason:
      "leave-one-experiment-out needs at least 2 experiments with labelled windows from at least 2 subjects each; only a has them (not: b (labels from 1 subject))",
  });
  const shared = evaluationPlan(ws([...TWO, ["b", "a1", 1]]), true, null, true);
  assert.deepEqual(shared, {
    run: false,
    reason:
      "subject 'a1' has labelled windows in experiments a and b; leave-one-experiment-out needs every subject in one experiment",
  });
});

Deno.test("evaluationPlan() turns identifiability off when a subject appears in two experiments", () => {
  const plan = evaluationPlan(ws([...TWO, ["b", "a1", -1]]), true, null, true);
  assert.ok(plan.run);
  assert.equal(plan.identifiability, false);
  assert.equal(
    plan.note,
    "sensor identifiability skipped: subject 'a1' appears in experiments a and b",
  );
  const off = evaluationPlan(ws(TWO), true, null, false);
  assert.ok(off.run && off.identifiability === false && off.note === null);
});

Deno.test("evaluationPlan() rejects a configured held-out experiment that cannot be held out", () => {
  assertThrowsWith(
    () => evaluationPlan(ws([...TWO, ["c", "c1", -1]]), true, ["c"], true),
    "Cannot use config: field evaluation.heldOut: expected experiments with labelled windows from at least 2 subjects (a, b), got 'c'",
  );
});

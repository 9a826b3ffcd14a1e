import { learningRateAt } from "../../lib/learn/lr_schedule.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";

Deno.test("learningRateAt() is constant without warm-up for the constant schedule", () => {
  const c = { learningRate: 0.01, schedule: "constant" as const, warmupSteps: 0 };
  for (const s of [0, 5, 9]) assert.equal(learningRateAt(s, 10, c), 0.01);
});

Deno.test("learningRateAt() warms up linearly, then follows the half cosine to 0", () => {
  const c = { learningRate: 1, schedule: "cosine" as const, warmupSteps: 4 };
  // Warm-up: η·(s+1)/W.
  assert.deepEqual([0, 1, 2, 3].map((s) => learningRateAt(s, 14, c)), [0.25, 0.5, 0.75, 1]);
  // Cosine over the T − W = 10 remaining steps: ½(1 + cos(π·k/10)).
  assertClose(learningRateAt(4, 14, c), 1, { atol: 1e-12 });
  assertClose(learningRateAt(9, 14, c), 0.5, { atol: 1e-12 }, "half-way");
  assertClose(learningRateAt(13, 14, c), 0.5 * (1 + Math.cos(Math.PI * 0.9)), { atol: 1e-12 });
  const constant = { ...c, schedule: "constant" as const };
  assert.equal(learningRateAt(2, 14, constant), 0.75, "warm-up applies to constant too");
  assert.equal(learningRateAt(13, 14, constant), 1);
});

Deno.test("learningRateAt() caps the warm-up at the number of steps and rejects bad steps", () => {
  const c = { learningRate: 2, schedule: "cosine" as const, warmupSteps: 100 };
  assert.equal(learningRateAt(3, 4, c), 2, "the last of 4 warm-up steps reaches η");
  assertThrowsWith(() => learningRateAt(4, 4, c), "step must be an integer in [0, totalSteps = 4)");
  assertThrowsWith(() => learningRateAt(-1, 4, c), "got -1");
});

import {
  experimentBalancedBatches,
  labelBalancedBatches,
} from "../../lib/learn/balanced_batches.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { syntheticWindows } from "./_windows.ts";

/** Unequal experiments (40, 12 and 6 windows per mode), four modes. */
const WS = syntheticWindows({
  perCell: [40, 12, 6],
  experiments: ["e1", "e2", "e3"],
  modes: [0, 1, 2, 3],
  length: 8,
});

function counts(batch: Int32Array, key: (i: number) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of batch) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
}

Deno.test("experimentBalancedBatches() gives every experiment ⌊B/E⌋ or ⌈B/E⌉ windows", () => {
  const batches = experimentBalancedBatches(WS, { batchSize: 32 }, new Rng(1));
  assert.equal(batches.length, Math.floor(WS.n / 32));
  const extra = new Map<string, number>();
  for (const b of batches) {
    const perExp = counts(b, (i) => WS.meta[i].experiment);
    assert.equal(perExp.size, 3);
    for (const [e, n] of perExp) {
      assert.ok(n === 10 || n === 11, `experiment ${e} has ${n} of 32`);
      if (n === 11) extra.set(e, (extra.get(e) ?? 0) + 1);
    }
  }
  assert.equal(extra.size, 3, "the extra windows rotate over the experiments");
});

Deno.test("experimentBalancedBatches() balances modes within each experiment's share", () => {
  for (const b of experimentBalancedBatches(WS, { batchSize: 48, batches: 20 }, new Rng(2))) {
    const perCell = counts(b, (i) => `${WS.meta[i].experiment}/${WS.labels[i]}`);
    assert.equal(perCell.size, 12, "every (experiment, mode) cell is present");
    for (const [cell, n] of perCell) assert.ok(n === 4, `cell ${cell} has ${n}, expected 48/12`);
    // So every mode has positives from three experiments (SupCon, batch-hard).
  }
});

Deno.test("experimentBalancedBatches() oversamples small experiments without repeats per pass", () => {
  // e3 has 6 windows per mode; in 6 batches of 24 each (e3, mode) cell yields 2 per batch,
  // so each small cell's queue of 6 is used up exactly twice, every window twice.
  const batches = experimentBalancedBatches(WS, { batchSize: 24, batches: 6 }, new Rng(3));
  const seen = new Map<number, number>();
  for (const b of batches) {
    for (const i of b) {
      if (WS.meta[i].experiment === "e3") {
        seen.set(i, (seen.get(i) ?? 0) + 1);
      }
    }
  }
  assert.equal(seen.size, 24);
  assert.ok([...seen.values()].every((n) => n === 2));
});

Deno.test("labelBalancedBatches() gives every mode an equal share, spread over experiments", () => {
  const ws = syntheticWindows({
    perCell: 6,
    experiments: ["e1", "e2"],
    modes: [0, 1, 2],
    length: 8,
  });
  for (const b of labelBalancedBatches(ws, { batchSize: 12, batches: 5 }, new Rng(4))) {
    const perMode = counts(b, (i) => String(ws.labels[i]));
    assert.deepEqual([...perMode.values()], [4, 4, 4]);
    const perCell = counts(b, (i) => `${ws.labels[i]}/${ws.meta[i].experiment}`);
    assert.ok([...perCell.values()].every((n) => n === 2));
  }
});

Deno.test("balanced batches are deterministic given the rng state and can group by sensor", () => {
  const a = experimentBalancedBatches(WS, { batchSize: 16 }, new Rng(5));
  assert.deepEqual(experimentBalancedBatches(WS, { batchSize: 16 }, new Rng(5)), a);
  assert.notDeepEqual(experimentBalancedBatches(WS, { batchSize: 16 }, new Rng(6)), a);
  const bySensor = experimentBalancedBatches(WS, { batchSize: 16, group: "sensor" }, new Rng(5));
  assert.deepEqual(bySensor, a, "sensor and experiment coincide here");
});

Deno.test("balanced batches reject bad options; labelBalancedBatches needs labels", () => {
  const rng = new Rng(1);
  assertThrowsWith(
    () => experimentBalancedBatches(WS, { batchSize: 4, group: "driver" as never }, rng),
    'option group must be one of "experiment", "sensor"',
  );
  assertThrowsWith(() => labelBalancedBatches(WS, { batchSize: 0 }, rng), "batchSize");
  const unlabelled = { ...WS, labels: WS.labels.map((y, i) => i === 7 ? -1 : y) };
  assertThrowsWith(
    () => labelBalancedBatches(unlabelled, { batchSize: 4 }, rng),
    "labelBalancedBatches: 1 of 232 windows are unlabelled",
    "window 7",
  );
  // Unlabelled windows are a group of their own for experiment balancing.
  const b = experimentBalancedBatches(unlabelled, { batchSize: 58, batches: 1 }, rng)[0];
  assert.ok(b.includes(7), "the lone unlabelled window of e1 fills its own cell");
});

import { viewPairBatches } from "../../lib/learn/view_pair_batches.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { syntheticWindows } from "./_windows.ts";

const WS = syntheticWindows({ perCell: 5 }); // 2 experiments × 2 modes × 5 = 20 windows

Deno.test("viewPairBatches() covers each window once per pass, distinct within a batch", () => {
  const batches = viewPairBatches(WS, { batchSize: 6 }, new Rng(1));
  assert.equal(batches.length, 3, "⌊20/6⌋ batches");
  const all = batches.flatMap((b) => [...b]);
  assert.equal(new Set(all).size, 18, "no window twice in one pass");
  for (const b of batches) assert.equal(b.length, 6);
  assert.ok(all.every((i) => i >= 0 && i < 20));
  assert.notDeepEqual(all, [...all].sort((a, b) => a - b), "the order is shuffled");
});

Deno.test("viewPairBatches() continues with fresh shuffles when more batches are asked for", () => {
  const batches = viewPairBatches(WS, { batchSize: 10, batches: 4 }, new Rng(2));
  assert.equal(batches.length, 4);
  const first = [...batches[0], ...batches[1]].sort((a, b) => a - b);
  const second = [...batches[2], ...batches[3]].sort((a, b) => a - b);
  const everyWindow = Array.from({ length: 20 }, (_, i) => i);
  assert.deepEqual(first, everyWindow);
  assert.deepEqual(second, everyWindow);
  assert.notDeepEqual([...batches[0]], [...batches[2]]);
});

Deno.test("viewPairBatches() is deterministic given the rng state", () => {
  const a = viewPairBatches(WS, { batchSize: 4 }, new Rng(3));
  assert.deepEqual(viewPairBatches(WS, { batchSize: 4 }, new Rng(3)), a);
  assert.notDeepEqual(viewPairBatches(WS, { batchSize: 4 }, new Rng(4)), a);
});

Deno.test("viewPairBatches() rejects bad options", () => {
  const rng = new Rng(1);
  assertThrowsWith(
    () => viewPairBatches(WS, { batchSize: 1 }, rng),
    "batchSize must be an integer ≥ 2",
  );
  assertThrowsWith(
    () => viewPairBatches(WS, { batchSize: 21 }, rng),
    "batchSize 21 exceeds the 20",
  );
  assertThrowsWith(() => viewPairBatches(WS, { batchSize: 2, batches: 0 }, rng), "option batches");
  assertThrowsWith(
    () => viewPairBatches(WS, { batchSize: 2, size: 3 } as never, rng),
    "unknown option 'size'",
  );
  assertThrowsWith(() => viewPairBatches(WS, { batchSize: 2 }, {} as never), "rng must be an Rng");
  assertThrowsWith(
    () => viewPairBatches({ ...WS, n: 19 }, { batchSize: 2 }, rng),
    "windows.x has",
    "expected n × length × channels",
  );
});

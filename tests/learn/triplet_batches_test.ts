import { tripletBatches } from "../../lib/learn/triplet_batches.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { syntheticWindows } from "./_windows.ts";

Deno.test("tripletBatches() pairs each anchor with a cross-experiment positive and a negative", () => {
  const ws = syntheticWindows({
    perCell: [10, 3],
    experiments: ["e1", "e2"],
    modes: [0, 1, 3],
    length: 8,
  });
  const t = tripletBatches(ws, { triplets: 500 }, new Rng(1));
  assert.equal(t.anchor.length, 500);
  const anchorExperiments = new Set<string>();
  for (let k = 0; k < 500; k++) {
    const [a, p, n] = [t.anchor[k], t.positive[k], t.negative[k]];
    assert.equal(ws.labels[p], ws.labels[a]);
    assert.notEqual(ws.meta[p].experiment, ws.meta[a].experiment);
    assert.notEqual(ws.labels[n], ws.labels[a]);
    anchorExperiments.add(ws.meta[a].experiment);
  }
  assert.equal(anchorExperiments.size, 2);
});

Deno.test("tripletBatches() only anchors windows that have a positive", () => {
  // Mode 1 exists only in e1, so its windows cannot be anchors (no cross-experiment positive).
  const a = syntheticWindows({ experiments: ["e1"], modes: [0, 1], perCell: 4, length: 8 });
  const b = syntheticWindows({ experiments: ["e2"], modes: [0], perCell: 4, length: 8, seed: 2 });
  const ws = {
    ...a,
    x: new Float32Array([...a.x, ...b.x]),
    n: a.n + b.n,
    labels: new Int8Array([...a.labels, ...b.labels]),
    meta: [...a.meta, ...b.meta],
  };
  const t = tripletBatches(ws, { triplets: 200 }, new Rng(3));
  for (const i of t.anchor) assert.equal(ws.labels[i], 0);
  for (const i of t.negative) assert.equal(ws.labels[i], 1);
});

Deno.test("tripletBatches() is deterministic and rejects bad input", () => {
  const ws = syntheticWindows({ length: 8 });
  const t = tripletBatches(ws, { triplets: 20 }, new Rng(4));
  assert.deepEqual(tripletBatches(ws, { triplets: 20 }, new Rng(4)), t);
  assert.notDeepEqual(tripletBatches(ws, { triplets: 20 }, new Rng(5)), t);
  const rng = new Rng(1);
  assertThrowsWith(() => tripletBatches(ws, { triplets: 0 }, rng), "option triplets");
  assertThrowsWith(
    () => tripletBatches(syntheticWindows({ modes: [1], length: 8 }), { triplets: 2 }, rng),
    "tripletBatches: all windows have the same mode",
  );
  assertThrowsWith(
    () => tripletBatches(syntheticWindows({ experiments: ["x"], length: 8 }), { triplets: 2 }, rng),
    "tripletBatches: no window has a positive",
  );
});

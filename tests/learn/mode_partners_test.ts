import { modePartners } from "../../lib/learn/mode_partners.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { syntheticWindows } from "./_windows.ts";

Deno.test("modePartners() draws every candidate and nothing else, uniformly", () => {
  // 3 experiments × 2 modes × 2 windows: window i has mode ⌊i/2⌋ mod 2, experiment ⌊i/4⌋.
  const ws = syntheticWindows({ perCell: 2, experiments: ["a", "b", "c"], length: 4 });
  const p = modePartners("f", ws, "experiment");
  assert.deepEqual([...p.anchors], Array.from({ length: 12 }, (_, i) => i));
  assert.ok(p.hasNegatives);
  const rng = new Rng(1);
  const positives = new Map<number, number>();
  const negatives = new Map<number, number>();
  for (let k = 0; k < 8000; k++) {
    const pos = p.positive(0, rng), neg = p.negative(0, rng);
    positives.set(pos, (positives.get(pos) ?? 0) + 1);
    negatives.set(neg, (negatives.get(neg) ?? 0) + 1);
  }
  // Window 0 (a, mode 0): positives are the mode-0 windows of b and c; negatives all mode-1.
  assert.deepEqual([...positives.keys()].sort((x, y) => x - y), [4, 5, 8, 9]);
  assert.deepEqual([...negatives.keys()].sort((x, y) => x - y), [2, 3, 6, 7, 10, 11]);
  // 2000 expected each (sd 39) and 1333 (sd 34): within 5 sd.
  for (const n of positives.values()) assert.ok(Math.abs(n - 2000) < 200, `positive count ${n}`);
  for (const n of negatives.values()) {
    assert.ok(Math.abs(n - 8000 / 6) < 170, `negative count ${n}`);
  }
});

Deno.test("modePartners() throws when no mode is shared by two groups", () => {
  const ws = syntheticWindows({ experiments: ["a"], length: 4 });
  assertThrowsWith(
    () => modePartners("sampler", ws, "sensor"),
    "sampler: no window has a positive",
  );
});

import { siamesePairs } from "../../lib/learn/siamese_pairs.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { syntheticWindows } from "./_windows.ts";

const WS = syntheticWindows({
  perCell: [12, 4, 4],
  experiments: ["e1", "e2", "e3"],
  modes: [0, 1, 2],
  length: 8,
});

Deno.test("siamesePairs() alternates similar and dissimilar pairs: half each", () => {
  const p = siamesePairs(WS, { pairs: 101 }, new Rng(1));
  assert.equal(p.first.length, 101);
  assert.equal(p.same.reduce((a, b) => a + b, 0), 51);
  for (let k = 0; k < 101; k++) assert.equal(p.same[k], k % 2 === 0 ? 1 : 0);
});

Deno.test("siamesePairs() similar = same mode, other experiment; dissimilar = other mode", () => {
  const p = siamesePairs(WS, { pairs: 2000 }, new Rng(2));
  let crossNegatives = 0;
  for (let k = 0; k < p.first.length; k++) {
    const a = p.first[k], b = p.second[k];
    if (p.same[k] === 1) {
      assert.equal(WS.labels[a], WS.labels[b], `pair ${k}: modes differ`);
      assert.notEqual(WS.meta[a].experiment, WS.meta[b].experiment, `pair ${k}: same experiment`);
    } else {
      assert.notEqual(WS.labels[a], WS.labels[b], `pair ${k}: modes equal`);
      if (WS.meta[a].experiment !== WS.meta[b].experiment) crossNegatives++;
    }
  }
  assert.ok(crossNegatives > 0, "negatives may come from any experiment");
});

Deno.test("siamesePairs() partners are uniform over their candidates", () => {
  // Anchors in e2 (mode 0) have 16 positive candidates: 12 in e1, 4 in e3.
  const p = siamesePairs(WS, { pairs: 40000 }, new Rng(3));
  let e1 = 0, total = 0;
  for (let k = 0; k < p.first.length; k += 2) {
    if (WS.meta[p.first[k]].experiment !== "e2") continue;
    total++;
    if (WS.meta[p.second[k]].experiment === "e1") e1++;
  }
  // ≈ 4000 such pairs; binomial sd of the fraction ≈ 0.007.
  assertClose(e1 / total, 12 / 16, { atol: 0.035 }, "share of e1 positives for e2 anchors");
});

Deno.test("siamesePairs() is deterministic and can take positives across sensors", () => {
  const a = siamesePairs(WS, { pairs: 30 }, new Rng(4));
  assert.deepEqual(siamesePairs(WS, { pairs: 30 }, new Rng(4)), a);
  assert.notDeepEqual(siamesePairs(WS, { pairs: 30 }, new Rng(5)), a);
  const sensors = siamesePairs(WS, { pairs: 30, group: "sensor" }, new Rng(6));
  for (let k = 0; k < 30; k += 2) {
    assert.notEqual(WS.meta[sensors.first[k]].sensor, WS.meta[sensors.second[k]].sensor);
  }
});

Deno.test("siamesePairs() throws without positives, negatives or labels", () => {
  const rng = new Rng(1);
  const one = syntheticWindows({ experiments: ["e1"], length: 8 });
  assertThrowsWith(
    () => siamesePairs(one, { pairs: 4 }, rng),
    "siamesePairs: no window has a positive (same mode, another experiment)",
    "1 experiment(s) (e1)",
  );
  const oneMode = syntheticWindows({ modes: [2], length: 8 });
  assertThrowsWith(
    () => siamesePairs(oneMode, { pairs: 4 }, rng),
    "all windows have the same mode",
  );
  const unlabelled = { ...WS, labels: WS.labels.map(() => -1) };
  assertThrowsWith(() => siamesePairs(unlabelled, { pairs: 4 }, rng), "unlabelled (label -1)");
  assertThrowsWith(
    () => siamesePairs(WS, { pairs: 1 }, rng),
    "option pairs must be an integer ≥ 2",
  );
  assertThrowsWith(() => siamesePairs(WS, { count: 4 } as never, rng), "unknown option 'count'");
});

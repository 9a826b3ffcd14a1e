import {
  assertDriverDisjoint,
  driverValidationSplit,
  experimentsOf,
  labelFraction,
  leaveOneExperimentOut,
} from "../../lib/finetune/splits.ts";
import { Rng } from "../../lib/random/rng.ts";
import type { WindowSet } from "../../lib/data/window_set.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { protocolWindows } from "./_windows.ts";

const WS = protocolWindows({ drivers: [4, 3, 3, 2], perMode: 10, unlabelled: 3, length: 8 });

function driversOf(ws: WindowSet, idx: ArrayLike<number>): Set<string> {
  return new Set(Array.from(idx, (i) => ws.meta[i].driver));
}

Deno.test("leaveOneExperimentOut() tests on each experiment's labelled windows and trains on the others', driver-disjoint", () => {
  const folds = leaveOneExperimentOut(WS);
  assert.deepEqual(folds.map((f) => f.heldOut), ["e1", "e2", "e3", "e4"]);
  assert.deepEqual(folds.map((f) => f.sensor), ["S1", "S2", "S3", "S4"]);
  const labelled = WS.labels.filter((y) => y >= 0).length;
  for (const f of folds) {
    assert.equal(f.trainIdx.length + f.testIdx.length, labelled);
    assert.ok(
      [...f.testIdx].every((i) => WS.meta[i].experiment === f.heldOut && WS.labels[i] >= 0),
    );
    assert.ok(
      [...f.trainIdx].every((i) => WS.meta[i].experiment !== f.heldOut && WS.labels[i] >= 0),
    );
    const train = driversOf(WS, f.trainIdx);
    for (const d of driversOf(WS, f.testIdx)) assert.ok(!train.has(d), `driver ${d} leaks`);
  }
  assert.deepEqual(leaveOneExperimentOut(WS, ["e3"]).map((f) => f.heldOut), ["e3"]);
  assert.deepEqual(experimentsOf(WS), ["e1", "e2", "e3", "e4"]);
});

Deno.test("leaveOneExperimentOut() throws when a driver id occurs in two experiments", () => {
  const ws = { ...WS, meta: WS.meta.map((m) => ({ ...m })) };
  ws.meta[ws.meta.findIndex((m) => m.experiment === "e2")].driver = "e1-d01";
  assertThrowsWith(
    () => leaveOneExperimentOut(ws),
    "leaveOneExperimentOut (held out e1): driver 'e1-d01' has windows on both sides",
  );
  assertThrowsWith(() => leaveOneExperimentOut(WS, ["e9"]), "unknown experiment 'e9'");
});

Deno.test("assertDriverDisjoint() passes disjoint sets and names a shared driver", () => {
  assertDriverDisjoint(WS, [0, 1], [WS.n - 1]);
  assertThrowsWith(
    () => assertDriverDisjoint(WS, [0], [1], "my split"),
    "my split: driver 'e1-d01'",
  );
});

Deno.test("driverValidationSplit() holds out whole drivers of every experiment, seeded", () => {
  const labelled = [...Array(WS.n).keys()].filter((i) => WS.labels[i] >= 0);
  const s = driverValidationSplit(WS, labelled, 0.25, new Rng(1));
  // round(0.25·4) = 1, round(0.25·3) = 1, round(0.25·2) = 1 (at least one)
  assert.equal(s.valDrivers.length, 4);
  for (const e of ["e1", "e2", "e3", "e4"]) {
    assert.equal(s.valDrivers.filter((d) => d.startsWith(e)).length, 1);
  }
  assert.equal(s.trainIdx.length + s.valIdx.length, labelled.length);
  assertDriverDisjoint(WS, s.trainIdx, s.valIdx);
  assert.deepEqual(s, driverValidationSplit(WS, labelled, 0.25, new Rng(1)));
  // a larger fraction keeps at least one driver for training
  const big = driverValidationSplit(WS, labelled, 0.9, new Rng(1));
  assert.equal(big.valDrivers.filter((d) => d.startsWith("e4")).length, 1);
  assert.equal(big.valDrivers.filter((d) => d.startsWith("e1")).length, 3);
  assertThrowsWith(
    () => driverValidationSplit(WS, labelled, 1, new Rng(1)),
    "fraction must be in (0, 1)",
  );
});

const POOL = leaveOneExperimentOut(WS, ["e4"])[0].trainIdx; // 10 drivers × 40 labelled windows

Deno.test("labelFraction() by window keeps round(f·n_m) windows of every mode, at least one", () => {
  const pick = labelFraction(WS, POOL, 0.01, new Rng(2));
  const modes = Array.from(pick, (i) => WS.labels[i]);
  // each mode has 100 windows in the pool: round(1) = 1 each
  assert.deepEqual(modes.sort(), [0, 1, 2, 3]);
  const tenth = labelFraction(WS, POOL, 0.1, new Rng(2));
  for (let m = 0; m < 4; m++) {
    assert.equal(Array.from(tenth).filter((i) => WS.labels[i] === m).length, 10);
  }
  assert.ok(Array.from(tenth).every((i) => POOL.includes(i)));
  assert.deepEqual([...tenth], [...tenth].sort((a, b) => a - b));
});

Deno.test("labelFraction() is seeded: the same seed gives the same subset, another a different one", () => {
  const a = labelFraction(WS, POOL, 0.1, new Rng(3));
  assert.deepEqual(a, labelFraction(WS, POOL, 0.1, new Rng(3)));
  assert.notDeepEqual(a, labelFraction(WS, POOL, 0.1, new Rng(4)));
  assert.deepEqual([...labelFraction(WS, POOL, 1, new Rng(3))], [...POOL]);
});

Deno.test("labelFraction() without stratification draws max(1, round(f·n)) windows", () => {
  assert.equal(labelFraction(WS, POOL, 0.05, new Rng(1), { stratify: "none" }).length, 20);
  assert.equal(labelFraction(WS, POOL, 0.001, new Rng(1), { stratify: "none" }).length, 1);
});

Deno.test("labelFraction() by driver takes whole drivers until the fraction is reached", () => {
  const pick = labelFraction(WS, POOL, 0.25, new Rng(5), { by: "driver" });
  const drivers = driversOf(WS, pick);
  // 40 labelled windows per driver: ≥ 100 of 400 needs 3 drivers
  assert.equal(drivers.size, 3);
  assert.equal(pick.length, 120);
  for (const d of drivers) {
    assert.equal(Array.from(POOL).filter((i) => WS.meta[i].driver === d).length, 40);
  }
});

Deno.test("labelFraction() rejects unlabelled windows, bad fractions and unknown options", () => {
  const unlabelled = WS.labels.findIndex((y) => y < 0);
  assertThrowsWith(
    () => labelFraction(WS, [unlabelled], 0.5, new Rng(1)),
    `unlabelled window ${unlabelled}`,
  );
  assertThrowsWith(() => labelFraction(WS, POOL, 0, new Rng(1)), "fraction must be in (0, 1]");
  assertThrowsWith(() => labelFraction(WS, POOL, 1.5, new Rng(1)), "fraction must be in (0, 1]");
  assertThrowsWith(
    () => labelFraction(WS, POOL, 0.5, new Rng(1), { by: "mode" as never }),
    'option by must be "window" or "driver"',
  );
  assertThrowsWith(() => labelFraction(WS, [WS.n], 0.5, new Rng(1)), "trainIdx[0] is");
});

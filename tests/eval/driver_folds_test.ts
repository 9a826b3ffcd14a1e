import { driverFolds } from "../../lib/eval/driver_folds.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

// e1: 4 drivers, e2: 3 drivers, windows repeated per driver
const EXPERIMENTS: string[] = [];
const DRIVERS: string[] = [];
for (const [e, count] of [["e1", 4], ["e2", 3]] as const) {
  for (let d = 1; d <= count; d++) {
    for (let w = 0; w < 5; w++) {
      EXPERIMENTS.push(e);
      DRIVERS.push(`${e}-d${d}`);
    }
  }
}

Deno.test("driverFolds() puts every driver wholly into one fold", () => {
  const fold = driverFolds(EXPERIMENTS, DRIVERS, 3, new Rng(1));
  const foldOf = new Map<string, number>();
  DRIVERS.forEach((d, i) => {
    if (foldOf.has(d)) assert.equal(fold[i], foldOf.get(d), `driver ${d} split across folds`);
    foldOf.set(d, fold[i]);
  });
  assert.ok([...fold].every((f) => f >= 0 && f < 3));
});

Deno.test("driverFolds() deals drivers round-robin: fold sizes differ by at most one driver, and each fold tests both experiments", () => {
  const fold = driverFolds(EXPERIMENTS, DRIVERS, 3, new Rng(2));
  const drivers = [0, 1, 2].map((f) => new Set(DRIVERS.filter((_, i) => fold[i] === f)));
  const sizes = drivers.map((s) => s.size).sort();
  assert.deepEqual(sizes, [2, 2, 3]);
  for (const s of drivers) {
    assert.ok(
      [...s].some((d) => d.startsWith("e2")),
      "each fold has an e2 driver (3 drivers, 3 folds)",
    );
  }
});

Deno.test("driverFolds() is seeded: the same rng seed gives the same folds, another seed may differ", () => {
  const a = driverFolds(EXPERIMENTS, DRIVERS, 2, new Rng(7));
  assert.deepEqual(a, driverFolds(EXPERIMENTS, DRIVERS, 2, new Rng(7)));
  const differs = [8, 9, 10, 11].some((s) =>
    driverFolds(EXPERIMENTS, DRIVERS, 2, new Rng(s)).some((f, i) => f !== a[i])
  );
  assert.ok(differs);
});

Deno.test("driverFolds() rejects a driver in two experiments, mismatched lengths and k < 2", () => {
  assertThrowsWith(
    () => driverFolds(["e1", "e2"], ["d1", "d1"], 2, new Rng(0)),
    "driver 'd1' occurs in experiments e1 and e2",
  );
  assertThrowsWith(() => driverFolds(["e1"], ["d1", "d2"], 2, new Rng(0)), "differ in length");
  assertThrowsWith(() => driverFolds(["e1"], ["d1"], 1, new Rng(0)), "k must be an integer ≥ 2");
});

import { sensorIdentifiability } from "../../lib/eval/sensor_identifiability.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";

/** n windows per driver; 4 experiments with 3, 3, 2 and 3 drivers; d features. */
function dataset(perDriver: number, d: number, sensorSignal: number, seed: number) {
  const rng = new Rng(seed);
  const experiments: string[] = [], drivers: string[] = [];
  const rows: number[] = [];
  [3, 3, 2, 3].forEach((count, k) => {
    for (let j = 0; j < count; j++) {
      for (let w = 0; w < perDriver * (k === 0 ? 2 : 1); w++) {
        experiments.push(`e${k + 1}`);
        drivers.push(`e${k + 1}-d${j}`);
        for (let c = 0; c < d; c++) rows.push(rng.normal() + (c === k ? sensorSignal : 0));
      }
    }
  });
  return { x: Float32Array.from(rows), experiments, drivers };
}

Deno.test("sensorIdentifiability() finds a sensor written into the features (accuracy near 1)", () => {
  const { x, experiments, drivers } = dataset(10, 5, 6, 1);
  const r = sensorIdentifiability(x, experiments, drivers);
  assert.ok(r.accuracy > 0.97, `accuracy ${r.accuracy}`);
  assert.equal(r.chance, 0.25);
  assert.deepEqual(r.experiments, ["e1", "e2", "e3", "e4"]);
  assert.equal(r.folds, 2); // clamped to e3's 2 drivers
  assert.equal(r.foldAccuracy.length, 2);
});

Deno.test("sensorIdentifiability() stays near chance on features without sensor information", () => {
  const { x, experiments, drivers } = dataset(30, 4, 0, 2);
  const r = sensorIdentifiability(x, experiments, drivers, { seed: 3 });
  // 330 windows, balanced probe: balanced accuracy ~ 0.25 ± a few points
  assertClose(r.balancedAccuracy, 0.25, { atol: 0.08 });
  // e1 has twice the windows of the others: majority rate 60 / 210… = 2·3 / (6 + 3 + 2 + 3)
  assertClose(r.majority, 6 / 14, { atol: 1e-12 });
});

Deno.test("sensorIdentifiability() needs two drivers per experiment and matching lengths", () => {
  const x = new Float32Array(6);
  assertThrowsWith(
    () => sensorIdentifiability(x, ["e1", "e1", "e2"], ["a", "b", "c"]),
    "experiment 'e2' has 1 driver",
  );
  assertThrowsWith(() => sensorIdentifiability(x, ["e1", "e2"], ["a"]), "drivers has 1 entries");
  assertThrowsWith(
    () => sensorIdentifiability(x, ["e1", "e1"], ["a", "b"]),
    "all rows come from experiment 'e1'",
  );
  assertThrowsWith(
    () => sensorIdentifiability(new Float32Array(5), ["e1", "e2"], ["a", "b"]),
    "not a whole number of rows",
  );
});

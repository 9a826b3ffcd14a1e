import {
  aggregateProtocolRows,
  aggregateRepresentations,
  dropTable,
  formatProtocolSummary,
  type ProtocolRow,
  type ReferenceRow,
} from "../../lib/finetune/protocol_results.ts";
import { assert, assertClose } from "../_assert.ts";

function row(
  seed: number,
  macroF1: number,
  inDist: number,
  heldOutVal: number,
  fraction = 1,
): ProtocolRow {
  return {
    method: "scratch",
    heldOut: "e3",
    sensor: "C-wearable",
    fraction,
    seed,
    trainWindows: 10,
    trainDrivers: 2,
    testWindows: 5,
    accuracy: macroF1 + 0.01,
    macroF1,
    perClassF1: [macroF1, NaN, 0, 1],
    confusion: [[1]],
    heldOutValMacroF1: heldOutVal,
    inDistAccuracy: inDist,
    inDistMacroF1: inDist,
    seconds: 1,
  };
}

const ROWS = [row(0, 0.5, 0.9, 0.45), row(1, 0.7, 0.9, 0.65), row(0, 0.2, 0.3, 0.1, 0.1)];
const REFS: ReferenceRow[] = [0, 1].map((seed) => ({
  method: "scratch",
  seed,
  experiment: "e3",
  sensor: "C-wearable",
  windows: 4,
  accuracy: 0.9,
  macroF1: 0.85 + 0.05 * seed,
}));

Deno.test("aggregateProtocolRows() gives mean ± sd over seeds per method × held-out × fraction", () => {
  const a = aggregateProtocolRows(ROWS);
  assert.deepEqual(a.map((x) => x.fraction), [0.1, 1]);
  assertClose(a[1].macroF1.mean, 0.6, { atol: 1e-12 });
  assertClose(a[1].macroF1.sd, Math.SQRT2 * 0.1, { atol: 1e-12 });
  assert.equal(a[1].macroF1.n, 2);
  assert.equal(a[0].macroF1.n, 1);
});

Deno.test("dropTable() computes both drops at the largest fraction, seed by seed", () => {
  const [d] = dropTable(ROWS, REFS);
  assert.equal(d.fraction, 1);
  // vs other sensors: (0.9 − 0.5, 0.9 − 0.7) → mean 0.3
  assertClose(d.dropVsOther.mean, 0.3, { atol: 1e-12 });
  // vs in-experiment: (0.85 − 0.45, 0.90 − 0.65) → mean 0.325
  assertClose(d.dropVsInExperiment!.mean, 0.325, { atol: 1e-12 });
  assertClose(d.inExperimentMacroF1!.mean, 0.875, { atol: 1e-12 });
  // without references the in-experiment drop is unknown
  assert.equal(dropTable(ROWS, []).at(0)!.dropVsInExperiment, null);
  assert.deepEqual(dropTable([], []), []);
});

Deno.test("aggregateRepresentations() and formatProtocolSummary() summarise identifiability", () => {
  const ident = (accuracy: number) => ({
    accuracy,
    balancedAccuracy: accuracy,
    chance: 0.25,
    majority: 0.4,
    experiments: ["e1", "e2", "e3", "e4"],
    foldAccuracy: [accuracy],
    folds: 2,
  });
  const reps = aggregateRepresentations([
    {
      representation: "contrastive",
      seed: 0,
      identifiability: ident(0.3),
      silhouetteMode: 0.2,
      silhouetteSensor: 0,
    },
    {
      representation: "features",
      seed: 0,
      identifiability: ident(0.9),
      silhouetteMode: 0.1,
      silhouetteSensor: 0.3,
    },
  ]);
  assert.deepEqual(reps.map((r) => r.representation), ["features", "contrastive"]);
  const text = formatProtocolSummary({
    aggregate: aggregateProtocolRows(ROWS),
    drop: dropTable(ROWS, REFS),
    representationAggregate: reps,
  });
  assert.ok(text.includes("scratch  e3        C-wearable  10 %    0.200"), text);
  assert.ok(text.includes("0.600 ± 0.141"));
  assert.ok(text.includes("chance 25 %, majority 40 %"));
  assert.ok(text.includes("0.325 ± 0.106"));
});

import { tf } from "../../lib/backend/tf.ts";
import { setupBackend } from "../../lib/backend/setup.ts";
import { runProtocol } from "../../lib/finetune/protocol.ts";
import { PROTOCOL_METHODS } from "../../lib/finetune/protocol_options.ts";
import { formatProtocolSummary, type ProtocolRow } from "../../lib/finetune/protocol_results.ts";
import { assert, assertRejectsWith } from "../_assert.ts";
import { protocolWindows, TINY_ENCODER } from "./_windows.ts";

await setupBackend({ quiet: true });

const WS = protocolWindows({ drivers: [3, 2, 2, 2], perMode: 3, unlabelled: 2 });
/** Stand-in hand-crafted features: per-channel mean and sd of each window. */
function simpleFeatures(): Float32Array {
  const L = WS.length, C = 3;
  const out = new Float32Array(WS.n * 2 * C);
  for (let i = 0; i < WS.n; i++) {
    for (let c = 0; c < C; c++) {
      let s = 0, ss = 0;
      for (let t = 0; t < L; t++) {
        const v = WS.x[(i * L + t) * C + c];
        s += v;
        ss += v * v;
      }
      out[i * 2 * C + c] = s / L;
      out[i * 2 * C + C + c] = Math.sqrt(ss / L - (s / L) ** 2);
    }
  }
  return out;
}

const TINY = {
  seeds: [0, 1],
  fractions: [0.3, 1],
  encoder: TINY_ENCODER,
  pretrain: { epochs: 1, stepsPerEpoch: 2, batchSize: 8 },
  scratch: { minSteps: 2, maxSteps: 3, batchSize: 8 },
  fineTune: { minSteps: 2, maxSteps: 3, batchSize: 8 },
  silhouette: { maxPoints: 60 },
  identifiabilityFolds: 2,
  features: simpleFeatures(),
};

Deno.test("runProtocol() runs end to end on a tiny window set and fills every field", async () => {
  const before = tf.memory().numTensors;
  const seen: ProtocolRow[] = [];
  const r = await runProtocol(WS, TINY, { progress: false, onRow: (row) => seen.push(row) });
  assert.equal(tf.memory().numTensors, before);
  // 2 seeds × 4 held-out experiments × 2 fractions × 4 methods
  assert.equal(r.rows.length, 64);
  assert.equal(seen.length, 64);
  assert.equal(r.windows, WS.n);
  assert.deepEqual(r.experiments, ["e1", "e2", "e3", "e4"]);
  assert.equal(r.options.features, "given");
  for (const row of r.rows) {
    assert.ok(PROTOCOL_METHODS.includes(row.method));
    assert.ok(row.accuracy >= 0 && row.accuracy <= 1);
    assert.ok(row.macroF1 >= 0 && row.macroF1 <= 1);
    assert.ok(row.inDistMacroF1 >= 0 && row.inDistMacroF1 <= 1);
    assert.equal(row.perClassF1.length, 4);
    assert.equal(row.confusion.length, 4);
    const total = row.confusion.flat().reduce((a, b) => a + b, 0);
    assert.equal(total, row.testWindows);
    assert.equal(
      row.testWindows,
      WS.meta.filter((m, i) => m.experiment === row.heldOut && WS.labels[i] >= 0).length,
    );
    assert.ok(row.trainWindows >= 4, "every mode at least once");
    assert.ok(row.heldOutValMacroF1 !== null);
  }
  // every (method, held-out, fraction) is aggregated over both seeds
  assert.equal(r.aggregate.length, 32);
  assert.ok(r.aggregate.every((a) => a.macroF1.n === 2));
  assert.equal(r.drop.length, 16);
  assert.ok(r.drop.every((d) => d.fraction === 1 && d.dropVsInExperiment !== null));
  // references: 4 methods × 4 experiments × 2 seeds
  assert.equal(r.references.length, 32);
  assert.deepEqual(r.representationAggregate.map((x) => x.representation), [
    "features",
    "supervised",
    "contrastive",
  ]);
  for (const rep of r.representations) {
    assert.equal(rep.identifiability.chance, 0.25);
    assert.ok(rep.silhouetteMode >= -1 && rep.silhouetteMode <= 1);
  }
  // the hand-written features carry the sensor's offset: identifiable well above chance
  assert.ok(r.representationAggregate[0].identifiabilityBalancedAccuracy.mean > 0.6);
  assert.equal(r.seeds.length, 2);
  assert.equal(r.seeds[0].pretrainLoss.length, 1);
  assert.ok(formatProtocolSummary(r).includes("Drop on the held-out sensor"));
});

Deno.test("runProtocol() keeps validation drivers out of training and trains every method on the same labels", async () => {
  const r = await runProtocol(WS, {
    ...TINY,
    seeds: [3],
    methods: ["features-lr", "linear-probe"],
    identifiability: false,
  }, { progress: false });
  const val = new Set(r.seeds[0].valDrivers);
  assert.equal(val.size, 4); // one per experiment
  // train windows: labelled windows of the non-validation drivers of the other experiments
  for (const row of r.rows.filter((x) => x.fraction === 1)) {
    const pool = WS.meta.filter((m, i) =>
      m.experiment !== row.heldOut && !val.has(m.driver) && WS.labels[i] >= 0
    );
    assert.equal(row.trainWindows, pool.length);
    assert.equal(row.trainDrivers, new Set(pool.map((m) => m.driver)).size);
  }
  for (const [a, b] of [[0, 1], [2, 3]]) {
    assert.equal(r.rows[a].trainWindows, r.rows[b].trainWindows);
  }
  assert.equal(r.representations.length, 0);
});

Deno.test("runProtocol() rejects experiments with a single driver and features of the wrong size", async () => {
  const one = protocolWindows({ drivers: [1, 2], perMode: 2 });
  await assertRejectsWith(
    () => runProtocol(one, { ...TINY, features: new Float32Array(one.n) }, { progress: false }),
    "runProtocol: experiment e1 has 1 driver(s) with labelled windows",
  );
  await assertRejectsWith(
    () => runProtocol(WS, { ...TINY, features: new Float32Array(7) }, { progress: false }),
    "option features has 7 values, not whole rows",
  );
  await assertRejectsWith(
    () => runProtocol(WS, TINY, { verbose: true } as never),
    "unknown hook 'verbose'",
  );
});

Deno.test("runProtocol() is deterministic: the same windows and options give the same rows", async () => {
  const options = { ...TINY, seeds: [5], fractions: [1], identifiability: false };
  const a = await runProtocol(WS, options, { progress: false });
  const b = await runProtocol(WS, options, { progress: false });
  assert.deepEqual(a.rows.map((r) => r.confusion), b.rows.map((r) => r.confusion));
  assert.deepEqual(a.references, b.references);
});

Deno.test("runProtocol() subsamples each driver's windows when asked", async () => {
  const r = await runProtocol(WS, {
    ...TINY,
    seeds: [0],
    fractions: [1],
    methods: ["features-lr"],
    identifiability: false,
    subsample: 0.5,
  }, { progress: false });
  // 9 drivers × 14 windows each → round(7) per driver
  assert.equal(WS.n, 9 * 14);
  assert.equal(r.windows, 9 * 7);
});

Deno.test("runProtocol() uses the pretrainer hook's encoder instead of pretraining", async () => {
  const { pretrain } = await import("../../lib/learn/pretrain.ts");
  const calls: number[] = [];
  const r = await runProtocol(
    WS,
    { ...TINY, seeds: [5], fractions: [1], methods: ["linear-probe"], identifiability: false },
    {
      progress: false,
      pretrainer: async (seed, config) => {
        calls.push(seed);
        const res = await pretrain(WS, config, { progress: false });
        return { encoder: res.encoder, head: res.head, history: [], seconds: 0 };
      },
    },
  );
  assert.deepEqual(calls, [5]);
  assert.deepEqual(r.seeds[0].pretrainLoss, [], "the hook's (empty) history is reported");
  assert.ok(r.rows.length > 0 && r.rows.every((row) => row.method === "linear-probe"));
  await assertRejectsWith(
    () => runProtocol(WS, TINY, { progress: false, onRows: () => {} } as never),
    "unknown hook 'onRows'; expected progress, onRow, pretrainer",
  );
});

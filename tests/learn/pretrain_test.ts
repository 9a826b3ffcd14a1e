import { pretrain, type PretrainStep } from "../../lib/learn/pretrain.ts";
import { PRETRAIN_LOSSES, type PretrainConfig } from "../../lib/learn/pretrain_config.ts";
import { buildEncoder } from "../../lib/learn/encoder.ts";
import { embed } from "../../lib/learn/embed.ts";
import { tf } from "../../lib/backend/tf.ts";
import type { WindowSet } from "../../lib/data/window_set.ts";
import { assert, assertClose, assertRejectsWith } from "../_assert.ts";
import { SMALL_MODEL, syntheticWindows } from "./_windows.ts";

/** 3 experiments × 2 modes × 32 windows of 64 samples × (eeg, ecg). */
const WS = syntheticWindows({ perCell: 32, experiments: ["e1", "e2", "e3"] });
const QUIET = { progress: false } as const;
const FAST: Partial<PretrainConfig> = { ...SMALL_MODEL, batchSize: 16 };

function weightsOf(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync() as Float32Array);
}

/** Mean cosine similarity of embeddings within a mode minus between modes. */
function modeSeparation(z: Float32Array, d: number, ws: WindowSet): number {
  const unit = (i: number) => {
    const v = z.subarray(i * d, (i + 1) * d);
    const norm = Math.hypot(...v);
    return Array.from(v, (x) => x / norm);
  };
  let within = 0, nw = 0, between = 0, nb = 0;
  for (let i = 0; i < ws.n; i += 3) {
    for (let j = i + 1; j < ws.n; j += 3) {
      const a = unit(i), b = unit(j);
      const cos = a.reduce((s, x, k) => s + x * b[k], 0);
      if (ws.labels[i] === ws.labels[j]) (within += cos, nw++);
      else (between += cos, nb++);
    }
  }
  return within / nw - between / nb;
}

Deno.test("pretrain() lowers the NT-Xent loss on easy data and reports its backend", async () => {
  const r = await pretrain(WS, { ...FAST, epochs: 6 }, QUIET);
  try {
    assert.equal(r.history.length, 6);
    assert.equal(r.stepsPerEpoch, Math.floor(WS.n / 16));
    const first = r.history[0].loss, last = r.history[5].loss;
    assert.ok(last < 0.95 * first, `loss ${first} → ${last} did not fall by 5 %`);
    assert.equal(r.backend.name, tf.getBackend());
    assert.equal(r.config.loss, "ntxent");
    assert.equal(r.config.labelled, false);
    assert.deepEqual(r.config.encoder.length, 64);
    assert.deepEqual(r.config.head?.inputDim, 16);
    assert.ok(r.seconds > 0 && r.history.every((h) => h.seconds > 0));
  } finally {
    r.encoder.dispose();
    r.head?.dispose();
  }
});

Deno.test("pretrain() with SupCon pulls same-mode windows of different experiments together", async () => {
  const config = { ...FAST, loss: "supcon", epochs: 6, seed: 3, learningRate: 0.01 } as const;
  const r = await pretrain(WS, config, QUIET);
  const initial = buildEncoder(r.config.encoder);
  try {
    const before = modeSeparation(embed(initial, WS), 16, WS);
    const after = modeSeparation(embed(r.encoder, WS), 16, WS);
    assert.ok(r.history[5].loss < r.history[0].loss, "SupCon loss did not fall");
    // Measured: 0.04 → 0.78 (seed 3), 0.03 → 0.65 (seed 4).
    assert.ok(after > before + 0.3, `mode separation ${before.toFixed(3)} → ${after.toFixed(3)}`);
  } finally {
    initial.dispose();
    r.encoder.dispose();
    r.head?.dispose();
  }
});

Deno.test("pretrain() keeps tf.memory().numTensors flat from epoch to epoch", async () => {
  const before = tf.memory().numTensors;
  const r = await pretrain(WS, { ...FAST, epochs: 3, stepsPerEpoch: 3, loss: "triplet" }, QUIET);
  const counts = r.history.map((h) => h.numTensors);
  assert.deepEqual(counts, [counts[0], counts[0], counts[0]]);
  r.encoder.dispose();
  r.head?.dispose();
  assert.equal(tf.memory().numTensors, before, "tensors left after disposing the models");
});

Deno.test("pretrain() is bit-identical for the same seed on the same backend", async () => {
  const config = { ...FAST, epochs: 2, stepsPerEpoch: 3 };
  const runs = [];
  for (const seed of [5, 5, 6]) runs.push(await pretrain(WS, { ...config, seed }, QUIET));
  try {
    const [a, b, c] = runs;
    assert.deepEqual(a.history.map((h) => h.loss), b.history.map((h) => h.loss));
    assert.deepEqual(weightsOf(a.encoder), weightsOf(b.encoder));
    assert.deepEqual(weightsOf(a.head!), weightsOf(b.head!));
    assert.notDeepEqual(weightsOf(a.encoder), weightsOf(c.encoder));
  } finally {
    for (const r of runs) (r.encoder.dispose(), r.head?.dispose());
  }
});

Deno.test("pretrain() trains with every loss, labelled or not, and calls its hooks", async () => {
  for (const loss of PRETRAIN_LOSSES) {
    for (const labelled of loss === "ntxent" ? [false] : [true, false]) {
      const steps: PretrainStep[] = [];
      const epochs: number[] = [];
      const r = await pretrain(
        WS,
        {
          ...FAST,
          loss,
          labelled,
          epochs: 2,
          stepsPerEpoch: 2,
          warmupSteps: 1,
          learningRate: 0.01,
          augmentation: "jitter-scaling",
        },
        {
          ...QUIET,
          onStep: (s) => steps.push(s),
          onEpoch: (e) => void epochs.push(e.loss),
        },
      );
      r.encoder.dispose();
      r.head?.dispose();
      const what = `${loss} labelled=${labelled}`;
      assert.ok(r.history.every((h) => Number.isFinite(h.loss) && h.loss >= 0), what);
      assert.deepEqual(epochs, r.history.map((h) => h.loss), what);
      assert.deepEqual(steps.map((s) => [s.epoch, s.step]), [[1, 1], [1, 2], [2, 1], [2, 2]]);
      // Warm-up 1 step, then cosine over the 3 others: η, η·¾, η·¼.
      const lrs = steps.map((s) => s.learningRate);
      [0.01, 0.01, 0.0075, 0.0025].forEach((v, i) => assertClose(lrs[i], v, { atol: 1e-12 }));
      const mean = (steps[0].loss + steps[1].loss) / 2;
      assertClose(r.history[0].loss, mean, { atol: 1e-6 }, "epoch loss = mean of steps");
    }
  }
});

Deno.test("pretrain() runs without a head, with SGD and a constant schedule", async () => {
  const r = await pretrain(
    WS,
    { ...FAST, head: null, optimizer: "sgd", schedule: "constant", epochs: 2, stepsPerEpoch: 2 },
    QUIET,
  );
  assert.equal(r.head, null);
  assert.equal(r.history[1].learningRate, 1e-3);
  r.encoder.dispose();
});

Deno.test("pretrain() shows progress lines and a live loss curve when asked", async () => {
  const lines: string[] = [];
  const shown: boolean[] = [];
  const r = await pretrain(WS, { ...FAST, epochs: 2, stepsPerEpoch: 2 }, {
    progress: { mode: "lines", write: (l) => lines.push(l) },
    lossChart: {
      minIntervalMs: 0,
      sink: (_bundle, options) => Promise.resolve(void shown.push(options?.update ?? false)),
    },
  });
  r.encoder.dispose();
  r.head?.dispose();
  assert.ok(lines.some((l) => l.includes("pretrain ntxent")), lines.join("\n"));
  assert.ok(lines.at(-1)!.includes("4/4"), `last line: ${lines.at(-1)}`);
  assert.deepEqual(shown, [false, true], "displayed after epoch 1, updated after epoch 2");
});

Deno.test("pretrain() rejects data it cannot train on, and leaks nothing when it fails", async () => {
  const before = tf.memory().numTensors;
  await assertRejectsWith(
    () => pretrain(WS, { batchSize: 500 }, QUIET),
    "config.batchSize 500 exceeds the 192 windows",
  );
  const unlabelled = { ...WS, labels: WS.labels.map((y, i) => i === 4 ? -1 : y) };
  await assertRejectsWith(
    () => pretrain(unlabelled, { loss: "supcon" }, QUIET),
    'pretrain (loss "supcon" with labels): 1 of 192 windows are unlabelled',
  );
  const x = WS.x.slice();
  x[2 * 64 * 2 + 5 * 2 + 1] = NaN;
  await assertRejectsWith(
    () => pretrain({ ...WS, x }, {}, QUIET),
    "pretrain: window 2, sample 5, channel ecg is NaN",
  );
  await assertRejectsWith(
    () => pretrain(WS, { encoder: { length: 128 } }, QUIET),
    "config.encoder.length is 128, but the windows have 64",
  );
  await assertRejectsWith(
    () => pretrain(WS, {}, { onBatch: () => {} } as never),
    "unknown hook 'onBatch'",
  );
  await assertRejectsWith(
    () => pretrain(WS, { encoder: { filters: [] } }, QUIET),
    "buildEncoder: filters must list at least one conv layer",
  );
  await assertRejectsWith(
    () => pretrain(WS, { head: { outputDim: 0 } }, QUIET),
    "buildProjectionHead: outputDim must be a positive integer",
  );
  await assertRejectsWith(
    () => pretrain(WS, FAST, { progress: { mode: "fancy" as never } }),
    "progress 'pretrain ntxent': mode must be",
  );
  await assertRejectsWith(
    () =>
      pretrain(WS, {
        ...FAST,
        learningRate: 1e30,
        epochs: 3,
        normalizeEmbeddings: false,
        loss: "contrastive",
        labelled: false,
        head: null,
      }, QUIET),
    "pretrain: the loss became",
    "lower config.learningRate",
  );
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("pretrain() gives bit-identical losses and weights on 1 and 2 wasm threads", async () => {
  const results = [];
  for (const threads of [1, 2]) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        new URL("./fixtures/pretrain_threads_child.ts", import.meta.url).pathname,
        String(threads),
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const lines = new TextDecoder().decode(out.stdout).trim().split("\n");
    results.push(JSON.parse(lines[lines.length - 1]));
  }
  assert.equal(results[0].threads, 1);
  assert.equal(results[1].threads, 2);
  assert.ok(results[0].losses.every(Number.isFinite));
  assert.deepEqual(results[1].losses, results[0].losses);
  assert.equal(results[1].digest, results[0].digest);
});

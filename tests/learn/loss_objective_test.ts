import { lossObjective } from "../../lib/learn/loss_objective.ts";
import { resolvePretrainConfig } from "../../lib/learn/pretrain_config.ts";
import type { PretrainConfig } from "../../lib/learn/pretrain_config.ts";
import { getWindow } from "../../lib/data/window_set.ts";
import { tf } from "../../lib/backend/tf.ts";
import { ntXentLoss } from "../../lib/losses/nt_xent.ts";
import { supConLoss } from "../../lib/losses/supcon.ts";
import { tripletLoss } from "../../lib/losses/triplet.ts";
import { contrastiveLoss } from "../../lib/losses/contrastive.ts";
import { batchHardTripletLoss } from "../../lib/losses/batch_hard_triplet.ts";
import { l2NormalizeRows } from "../../lib/losses/distances.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertClose } from "../_assert.ts";
import { syntheticWindows } from "./_windows.ts";

const WS = syntheticWindows({ perCell: 6, experiments: ["e1", "e2", "e3"], length: 8 }); // 36
const B = 6;

function objective(config: Partial<PretrainConfig>) {
  return lossObjective(resolvePretrainConfig({ batchSize: B, ...config }), WS, null);
}

/** The loss of the objective on random embeddings, and the same loss computed directly. */
function compare(
  config: Partial<PretrainConfig>,
  direct: (
    z: tf.Tensor2D,
    blocks: Int32Array[],
    labels?: Float32Array,
    same?: Float32Array,
  ) => tf.Scalar,
): void {
  const o = objective(config);
  const batch = o.sample(1, new Rng(1))[0];
  const rows = o.blocks * o.blockSize;
  tf.tidy(() => {
    const z = tf.randomNormal([rows, 4], 0, 1, "float32", 3) as tf.Tensor2D;
    const got = o.loss(z, batch).dataSync()[0];
    const want = direct(z, batch.blocks, batch.labels, batch.same).dataSync()[0];
    assert.ok(Number.isFinite(got));
    assertClose(got, want, { atol: 1e-6 }, JSON.stringify(config));
  });
}

Deno.test("lossObjective() ntxent: two views of the same windows, NT-Xent on the halves", () => {
  const o = objective({ loss: "ntxent" });
  assert.equal(o.blocks, 2);
  const batches = o.sample(3, new Rng(2));
  assert.equal(batches.length, 3);
  for (const b of batches) assert.deepEqual(b.blocks[0], b.blocks[1]);
  compare({ loss: "ntxent" }, (z) => {
    const [a, b] = tf.split(z, 2) as tf.Tensor2D[];
    return ntXentLoss(a, b, 0.5);
  });
});

Deno.test("lossObjective() supcon: mode labels when labelled, window ids otherwise", () => {
  const labelled = objective({ loss: "supcon" }).sample(1, new Rng(3))[0];
  const [w] = labelled.blocks;
  assert.deepEqual([...labelled.labels!], [...w, ...w].map((i) => WS.labels[i]));
  const experiments = new Set([...w].map((i) => WS.meta[i].experiment));
  assert.equal(experiments.size, 3, "balanced over the experiments");
  const plain = objective({ loss: "supcon", labelled: false }).sample(1, new Rng(3))[0];
  assert.deepEqual([...plain.labels!], [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
  compare({ loss: "supcon" }, (z, _b, y) => supConLoss(z, y!, 0.5));
});

Deno.test("lossObjective() batchhard: one view per window with labels, two with window ids", () => {
  assert.equal(objective({ loss: "batchhard" }).blocks, 1);
  assert.equal(objective({ loss: "batchhard", labelled: false }).blocks, 2);
  compare({ loss: "batchhard" }, (z, _b, y) => batchHardTripletLoss(l2NormalizeRows(z), y!, 1));
  compare(
    { loss: "batchhard", normalizeEmbeddings: false, margin: 0.3 },
    (z, _b, y) => batchHardTripletLoss(z, y!, 0.3),
  );
});

Deno.test("lossObjective() contrastive: siamese pairs, or views of one/next window", () => {
  const labelled = objective({ loss: "contrastive" }).sample(1, new Rng(4))[0];
  const [a, b] = labelled.blocks;
  for (let k = 0; k < B; k++) {
    const similar = WS.labels[a[k]] === WS.labels[b[k]];
    assert.equal(labelled.same![k], similar ? 1 : 0);
  }
  const plain = objective({ loss: "contrastive", labelled: false }).sample(1, new Rng(4))[0];
  const [w, partner] = plain.blocks;
  for (let k = 0; k < B; k++) {
    assert.equal(partner[k], k % 2 === 0 ? w[k] : w[(k + 1) % B]);
    assert.equal(plain.same![k], k % 2 === 0 ? 1 : 0);
  }
  compare({ loss: "contrastive" }, (z, _b, _y, same) => {
    const [x1, x2] = tf.split(z, 2) as tf.Tensor2D[];
    return contrastiveLoss(l2NormalizeRows(x1), l2NormalizeRows(x2), same!, 1);
  });
});

Deno.test("lossObjective() triplet: cross-experiment triplets, or views with the next window", () => {
  const labelled = objective({ loss: "triplet" }).sample(1, new Rng(5))[0];
  const [a, p, n] = labelled.blocks;
  for (let k = 0; k < B; k++) {
    assert.equal(WS.labels[a[k]], WS.labels[p[k]]);
    assert.notEqual(WS.meta[a[k]].experiment, WS.meta[p[k]].experiment);
    assert.notEqual(WS.labels[a[k]], WS.labels[n[k]]);
  }
  const plain = objective({ loss: "triplet", labelled: false }).sample(1, new Rng(5))[0];
  assert.deepEqual(plain.blocks[0], plain.blocks[1]);
  assert.deepEqual([...plain.blocks[2]], [...plain.blocks[0]].map((_, k, w) => w[(k + 1) % B]));
  compare({ loss: "triplet", margin: 0.5 }, (z) => {
    const [x, y, w] = (tf.split(z, 3) as tf.Tensor2D[]).map(l2NormalizeRows);
    return tripletLoss(x, y, w, 0.5);
  });
});

Deno.test("lossObjective() fill writes each block's windows into its rows", () => {
  const o = objective({ loss: "triplet" });
  const batch = o.sample(1, new Rng(6))[0];
  const size = 8 * 2;
  const out = new Float32Array(3 * B * size);
  o.fill(batch, out, new Rng(7));
  batch.blocks.forEach((idx, g) => {
    idx.forEach((i, k) => {
      const row = (g * B + k) * size;
      assert.deepEqual(out.subarray(row, row + size), getWindow(WS, i));
    });
  });
});

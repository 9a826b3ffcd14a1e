import { tf } from "../../../lib/backend/tf.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assertAllClose } from "../../_assert.ts";
import { checkKernelAgainstCpu, randomTensor, runKernelOn, wasmReady } from "../_kernel_check.ts";

await wasmReady();

Deno.test("BatchMatMul (wasm) matches cpu within 1e-5 for every transpose combination on random shapes", async () => {
  const rng = new Rng("batch-mat-mul");
  for (let i = 0; i < 32; i++) {
    const transposeA = i % 2 === 1, transposeB = (i >> 1) % 2 === 1;
    const batch = [1, 1 + rng.int(3), 2][rng.int(3)];
    // Sometimes one side has a batch of 1, broadcast over the other's.
    const r = rng.int(4);
    const bBatch = r === 0 ? 1 : batch;
    const aBatch = r === 1 ? 1 : batch;
    const m = 1 + rng.int(40), k = 1 + rng.int(40), n = 1 + rng.int(40);
    const a = randomTensor(rng, transposeA ? [aBatch, k, m] : [aBatch, m, k]);
    const b = randomTensor(rng, transposeB ? [bBatch, n, k] : [bBatch, k, n]);
    await checkKernelAgainstCpu("BatchMatMul", { a, b }, { transposeA, transposeB }, 1e-5, `${i}`);
    tf.dispose([a, b]);
  }
});

Deno.test("BatchMatMul (wasm) matches cpu on rank-4 batches and a batch broadcast to rank 4", async () => {
  const rng = new Rng("batch-mat-mul-rank4");
  const a = randomTensor(rng, [2, 3, 5, 4]), b = randomTensor(rng, [2, 3, 4, 6]);
  await checkKernelAgainstCpu("BatchMatMul", { a, b }, { transposeA: false, transposeB: false });
  const c = randomTensor(rng, [1, 6, 4]);
  await checkKernelAgainstCpu("BatchMatMul", { a, b: c }, { transposeA: false, transposeB: true });
  tf.dispose([a, b, c]);
});

Deno.test("BatchMatMul (wasm) with both operands transposed gives the hand-worked product", async () => {
  // Aᵀ = [[1, 2], [3, 4]], Bᵀ = [[5, 6], [7, 8]]: Aᵀ·Bᵀ = [[19, 22], [43, 50]].
  const a = tf.tensor3d([1, 3, 2, 4], [1, 2, 2]);
  const b = tf.tensor3d([5, 7, 6, 8], [1, 2, 2]);
  const got = await runKernelOn("wasm", "BatchMatMul", { a, b }, {
    transposeA: true,
    transposeB: true,
  });
  assertAllClose(got.values, [19, 22, 43, 50], { atol: 0 });
  tf.dispose([a, b]);
});

Deno.test("BatchMatMul (wasm) matches cpu on the z·zᵀ similarity of a 256 × 64 batch", async () => {
  const rng = new Rng("batch-mat-mul-sim");
  const z = randomTensor(rng, [1, 256, 64]);
  await checkKernelAgainstCpu("BatchMatMul", { a: z, b: z }, {
    transposeA: false,
    transposeB: true,
  });
  z.dispose();
});

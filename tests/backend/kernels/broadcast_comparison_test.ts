import { tf } from "../../../lib/backend/tf.ts";
import { COMPARISONS } from "../../../lib/backend/kernels/broadcast_comparison.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assert, assertAllClose } from "../../_assert.ts";
import { checkKernelAgainstCpu, runKernelOn, wasmReady } from "../_kernel_check.ts";

await wasmReady();

/** Values from a small set with ties, NaN and infinities, so that every comparison is tested. */
function spiky(rng: Rng, shape: number[], dtype: "float32" | "int32"): tf.Tensor {
  const set = dtype === "int32" ? [-2, 0, 1, 3] : [-1.5, 0, 0.25, 2, NaN, Infinity, -Infinity];
  const n = shape.reduce((p, d) => p * d, 1);
  return tf.tensor(Array.from({ length: n }, () => set[rng.int(set.length)]), shape, dtype);
}

Deno.test("comparisons (wasm) of broadcasting operands match cpu exactly, with NaN, ±∞ and int32", async () => {
  const rng = new Rng("broadcast-comparison");
  const pairs: [number[], number[]][] = [
    [[6, 5], [6, 1]],
    [[6, 1], [6, 5]],
    [[4, 3, 5], [5]],
    [[4, 3, 5], [4, 1, 5]],
    [[1, 3, 1], [2, 1, 4]],
    [[7], []],
    [[2, 3], [2, 3]], // same shape: the backend's own kernel
  ];
  for (const name of Object.keys(COMPARISONS)) {
    for (const [sa, sb] of pairs) {
      for (const dtype of ["float32", "int32"] as const) {
        const a = spiky(rng, sa, dtype), b = spiky(rng, sb, dtype);
        await checkKernelAgainstCpu(name, { a, b }, {}, 0, `${name} ${sa} vs ${sb} ${dtype}`);
        tf.dispose([a, b]);
      }
    }
  }
});

Deno.test("Equal (wasm) of a matrix and its row maxima marks each row's maxima (hand-worked)", async () => {
  const a = tf.tensor2d([[1, 3, 3], [2, 0, -1]]);
  const m = tf.tensor2d([[3], [2]]);
  const got = await runKernelOn("wasm", "Equal", { a, b: m }, {});
  assert.deepEqual(got.shape, [2, 3]);
  assertAllClose(got.values, [0, 1, 1, 1, 0, 0], { atol: 0 });
  tf.dispose([a, m]);
});

import { BLOCK_ROWS, columnSums } from "../../../../lib/backend/kernels/simd/column_sums.ts";
import { Rng } from "../../../../lib/random/rng.ts";
import { assert, assertAllClose } from "../../../_assert.ts";

/** Runs the kernel on a fresh memory holding `x` (rows × cols); returns the sums. */
function run(x: Float32Array, rows: number, cols: number, shared = false): Float32Array {
  const bytes = (x.length + 4 * cols) * 4;
  const pages = Math.ceil(bytes / 65536) + 1;
  const memory = new WebAssembly.Memory(
    shared ? { initial: pages, maximum: 65536, shared: true } : { initial: pages },
  );
  const h = new Float32Array(memory.buffer);
  h.set(x);
  h.fill(123, x.length, x.length + 4 * cols); // stale scratch and output must not matter
  columnSums(memory)!(0, x.length * 4, (x.length + 3 * cols) * 4, rows, cols);
  return h.slice(x.length + 3 * cols, x.length + 4 * cols);
}

Deno.test("columnSums() gives the hand-worked column sums of a small matrix", () => {
  // rows [1 2 3 4], [10 20 30 40], [100 200 300 400]
  const x = Float32Array.from([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400]);
  assertAllClose(run(x, 3, 4), [111, 222, 333, 444], { atol: 0 });
  assertAllClose(run(x, 3, 4, true), [111, 222, 333, 444], { atol: 0 });
  assertAllClose(run(new Float32Array(0), 0, 4), [0, 0, 0, 0], { atol: 0 });
});

Deno.test("columnSums() matches a float64 sum within 1e-6 across block edges and 10⁵ rows", () => {
  const rng = new Rng("column-sums");
  for (const rows of [1, BLOCK_ROWS - 1, BLOCK_ROWS, BLOCK_ROWS + 1, 3 * BLOCK_ROWS, 100_003]) {
    const cols = 12;
    const x = Float32Array.from({ length: rows * cols }, () => 1 + rng.normal());
    const expected = new Float64Array(cols);
    for (let i = 0; i < x.length; i++) expected[i % cols] += x[i];
    const got = run(x, rows, cols);
    for (let c = 0; c < cols; c++) {
      const err = Math.abs(got[c] - expected[c]) / Math.max(1, Math.abs(expected[c]));
      assert.ok(err < 1e-6, `rows ${rows}, column ${c}: ${got[c]} vs ${expected[c]}`);
    }
  }
});

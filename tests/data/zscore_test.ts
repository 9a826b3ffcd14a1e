import { assert, assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";
import { meanStd, zscore, zscoreInPlace } from "../../lib/data/zscore.ts";

Deno.test("meanStd() gives the population mean and sd, also strided (worked by hand)", () => {
  const { mean, std } = meanStd([2, 4, 4, 4, 5, 5, 7, 9]);
  assert.equal(mean, 5);
  assert.equal(std, 2);
  // Every other value from index 1: 4, 4, 5, 9 → mean 5.5, var (2.25+2.25+0.25+12.25)/4 = 4.25
  const s = meanStd([2, 4, 4, 4, 5, 5, 7, 9], 1, 4, 2);
  assert.equal(s.mean, 5.5);
  assertClose(s.std, Math.sqrt(4.25), { atol: 1e-12 });
  assertThrowsWith(() => meanStd([], 0, 0), "count ≥ 1");
});

Deno.test("zscore() maps to mean 0 and sd 1 and leaves the input alone", () => {
  const x = Float32Array.of(2, 4, 4, 4, 5, 5, 7, 9);
  const y = zscore(x);
  assertAllClose(y, [-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2], { atol: 1e-7 });
  assert.equal(x[0], 2);
  assert.deepEqual(Array.from(zscore(new Float32Array(4).fill(3))), [0, 0, 0, 0]);
});

Deno.test("zscoreInPlace() touches only the strided run", () => {
  const x = Float32Array.of(1, 10, 3, 10, 5, 10);
  zscoreInPlace(x, 0, 3, 2); // 1, 3, 5 → mean 3, sd √(8/3)
  const sd = Math.sqrt(8 / 3);
  assertAllClose(x, [-2 / sd, 10, 0, 10, 2 / sd, 10], { atol: 1e-6 });
});

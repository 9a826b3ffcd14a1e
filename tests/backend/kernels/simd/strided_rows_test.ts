import { stridedRows } from "../../../../lib/backend/kernels/simd/strided_rows.ts";
import { assertAllClose } from "../../../_assert.ts";

/** Runs the kernel on a fresh memory holding `src` at 0 and a 99-filled destination after it. */
function run(
  src: number[],
  dstLength: number,
  args: {
    count: number;
    dstStride: number;
    srcStride: number;
    lead: number;
    len: number;
    trail: number;
    srcAt?: number;
  },
  shared = false,
): number[] {
  const memory = new WebAssembly.Memory(
    shared ? { initial: 1, maximum: 65536, shared: true } : { initial: 1 },
  );
  const h = new Float32Array(memory.buffer);
  h.set(src);
  const dst = src.length;
  h.fill(99, dst, dst + dstLength);
  stridedRows(memory)!(
    4 * dst,
    4 * (args.srcAt ?? 0),
    args.count,
    4 * args.dstStride,
    4 * args.srcStride,
    4 * args.lead,
    4 * args.len,
    4 * args.trail,
  );
  return [...h.slice(dst, dst + dstLength)];
}

Deno.test("stridedRows() copies strided rows with zero padding before and after each row", () => {
  const src = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]; // three rows of 4
  for (const shared of [false, true]) {
    // Rows 0 and 2 from column 1, two values each, one zero before and after; rows 5 apart.
    const got = run(src, 10, {
      count: 2,
      dstStride: 5,
      srcStride: 8,
      lead: 1,
      len: 2,
      trail: 1,
      srcAt: 1,
    }, shared);
    assertAllClose(got, [0, 2, 3, 0, 99, 0, 10, 11, 0, 99], { atol: 0 });
  }
});

Deno.test("stridedRows() writes only zeros for rows with nothing to copy, and nothing for count 0", () => {
  const src = [1, 2, 3];
  assertAllClose(
    run(src, 6, { count: 2, dstStride: 3, srcStride: 0, lead: 3, len: 0, trail: 0 }),
    [0, 0, 0, 0, 0, 0],
    { atol: 0 },
  );
  assertAllClose(
    run(src, 3, { count: 0, dstStride: 3, srcStride: 1, lead: 1, len: 1, trail: 1 }),
    [99, 99, 99],
    { atol: 0 },
  );
});

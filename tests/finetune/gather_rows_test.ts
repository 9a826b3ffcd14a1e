import { gatherRows } from "../../lib/finetune/gather_rows.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("gatherRows() copies the chosen rows in the given order", () => {
  const m = Float32Array.from([0, 1, 10, 11, 20, 21]);
  assert.deepEqual([...gatherRows(m, 3, [2, 0, 2])], [20, 21, 0, 1, 20, 21]);
  assert.equal(gatherRows(m, 3, []).length, 0);
});

Deno.test("gatherRows() rejects ragged matrices and out-of-range indices", () => {
  assertThrowsWith(() => gatherRows(new Float32Array(5), 2, [0]), "2 whole rows");
  assertThrowsWith(
    () => gatherRows(new Float32Array(4), 2, [2]),
    "index 2 (position 0) out of range",
  );
});

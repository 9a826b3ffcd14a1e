import { assert } from "../_assert.ts";
import {
  inJupyterKernel,
  KERNEL_SETTLE_MS,
  kernelDisplaySink,
  newDisplayId,
  settleDisplay,
} from "../../lib/plot/jupyter.ts";

Deno.test("inJupyterKernel() is false and kernelDisplaySink() null outside `deno jupyter`", () => {
  assert.equal(inJupyterKernel(), false);
  assert.equal(kernelDisplaySink(), null);
});

Deno.test("newDisplayId() returns distinct ids with the given prefix", () => {
  const ids = Array.from({ length: 50 }, () => newDisplayId("live"));
  assert.equal(new Set(ids).size, 50);
  assert.ok(ids.every((id) => /^live-[0-9a-z]+-\d+$/.test(id)));
});

Deno.test("settleDisplay() waits about KERNEL_SETTLE_MS", async () => {
  const t0 = performance.now();
  await settleDisplay();
  assert.ok(performance.now() - t0 >= KERNEL_SETTLE_MS - 2);
});

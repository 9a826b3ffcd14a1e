import { LOSS_DEFAULTS, resolveLossOptions } from "../../lib/losses/options.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("resolveLossOptions() fills in the defaults and keeps given values", () => {
  assert.deepEqual(resolveLossOptions("f"), { checkValues: LOSS_DEFAULTS.checkValues });
  assert.equal(LOSS_DEFAULTS.checkValues, true);
  assert.deepEqual(resolveLossOptions("f", { checkValues: false }), { checkValues: false });
});

Deno.test("resolveLossOptions() rejects unknown and mistyped options naming the loss", () => {
  assertThrowsWith(() => resolveLossOptions("fooLoss", { tau: 1 } as never), "fooLoss", "'tau'");
  assertThrowsWith(
    () => resolveLossOptions("fooLoss", { checkValues: "yes" } as never),
    "checkValues must be a boolean",
  );
  assertThrowsWith(() => resolveLossOptions("fooLoss", null as never), "options must be");
});

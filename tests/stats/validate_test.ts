import { checkPositive, checkSignal } from "../../lib/stats/validate.ts";
import { assertThrowsWith } from "../_assert.ts";

Deno.test("checkSignal() names the caller, the type, the length and the bad sample", () => {
  assertThrowsWith(() => checkSignal([1, 2], "f: x"), "f: x", "Float32Array", "Array");
  assertThrowsWith(() => checkSignal(new Float64Array(3), "f: x"), "Float64Array");
  assertThrowsWith(() => checkSignal(new Float32Array(1), "f: x", 2), "at least 2", "got 1");
  assertThrowsWith(
    () => checkSignal(Float32Array.from([0, Infinity]), "f: x"),
    "Infinity at sample 1",
  );
  checkSignal(new Float32Array(2), "f: x", 2);
});

Deno.test("checkPositive() rejects zero, negative and non-numbers", () => {
  assertThrowsWith(() => checkPositive(0, "f: fs"), "f: fs", "> 0", "got 0");
  assertThrowsWith(() => checkPositive("3", "f: fs"), "got 3");
  checkPositive(1e-9, "f: fs");
});

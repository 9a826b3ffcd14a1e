import { assert, assertThrowsWith } from "../_assert.ts";
import { checkFinite, checkNumber, resolveOptions } from "../../lib/plot/validate.ts";

const DEFAULTS = { width: 600, title: undefined as string | undefined, order: [] as string[] };

Deno.test("resolveOptions() merges options over defaults, keeping defaults for undefined", () => {
  assert.deepEqual(resolveOptions("f", { width: 300, title: undefined }, DEFAULTS), {
    width: 300,
    title: undefined,
    order: [],
  });
  assert.deepEqual(resolveOptions("f", undefined, DEFAULTS), DEFAULTS);
});

Deno.test("resolveOptions() rejects unknown keys and values of the wrong kind", () => {
  assertThrowsWith(
    () => resolveOptions("f", { widht: 3 }, DEFAULTS),
    "f: unknown option 'widht'",
    "width, title, order",
  );
  assertThrowsWith(
    () => resolveOptions("f", { width: NaN }, DEFAULTS),
    "option width must be a number",
  );
  assertThrowsWith(
    () => resolveOptions("f", { order: "a" }, DEFAULTS),
    "option order must be an array",
  );
  assertThrowsWith(() => resolveOptions("f", 3 as never, DEFAULTS), "options must be an object");
});

Deno.test("checkFinite() names the first bad element", () => {
  assertThrowsWith(() => checkFinite("f", "y", [1, 2, Infinity]), "f: y[2] is Infinity");
  assertThrowsWith(() => checkFinite("f", "y", "abc"), "f: y must be an array of numbers");
  assert.equal(checkFinite("f", "y", new Float32Array(3)).length, 3);
});

Deno.test("checkNumber() enforces a minimum and integrality", () => {
  assertThrowsWith(
    () => checkNumber("f", "n", -1, { min: 0 }),
    "n must be a finite number ≥ 0, got -1",
  );
  assertThrowsWith(() => checkNumber("f", "n", 1.5, { integer: true }), "n must be an integer");
  assert.equal(checkNumber("f", "n", 2, { min: 0, integer: true }), 2);
});

import { resolveOptions } from "../../lib/stats/options.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

const defaults = { a: 1, mode: "x", on: true, rails: null as [number, number] | null };

Deno.test("resolveOptions() overrides the defaults with the given keys", () => {
  assert.deepEqual(resolveOptions(defaults, { a: 2, rails: [0, 1] }, "f"), {
    a: 2,
    mode: "x",
    on: true,
    rails: [0, 1],
  });
  assert.deepEqual(resolveOptions(defaults, undefined, "f"), defaults);
});

Deno.test("resolveOptions() rejects unknown keys, wrong types and non-finite numbers", () => {
  assertThrowsWith(
    () => resolveOptions(defaults, { b: 1 } as unknown as Partial<typeof defaults>, "f"),
    'f: unknown option "b"',
    "a, mode",
  );
  assertThrowsWith(
    () => resolveOptions(defaults, { a: "2" } as unknown as Partial<typeof defaults>, "f"),
    '"a" must be a number',
    '"2"',
  );
  assertThrowsWith(() => resolveOptions(defaults, { a: NaN }, "f"), "finite");
});

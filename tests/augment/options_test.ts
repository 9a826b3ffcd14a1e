import {
  AUGMENT_DEFAULTS,
  type JitterOptions,
  type MaskingOptions,
  requireNumberIn,
  requireOneOf,
  resolveAugmentOptions,
} from "../../lib/augment/options.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("resolveAugmentOptions() merges given values over the defaults", () => {
  const d = AUGMENT_DEFAULTS.masking;
  assert.deepEqual(resolveAugmentOptions<MaskingOptions>("masking", d, undefined), d);
  assert.deepEqual(resolveAugmentOptions<MaskingOptions>("masking", d, { spans: 3 }), {
    ...d,
    spans: 3,
  });
  assert.deepEqual(resolveAugmentOptions<MaskingOptions>("masking", d, { spans: undefined }), d);
});

Deno.test("resolveAugmentOptions() rejects unknown and mistyped options", () => {
  const d = AUGMENT_DEFAULTS.jitter;
  assertThrowsWith(
    () => resolveAugmentOptions<JitterOptions>("jitter", d, { sd: 1 } as never),
    "jitter: unknown option 'sd'; expected one of sigma",
  );
  assertThrowsWith(
    () => resolveAugmentOptions<JitterOptions>("jitter", d, { sigma: "0.1" } as never),
    "option sigma must be a number",
  );
  assertThrowsWith(
    () => resolveAugmentOptions<JitterOptions>("jitter", d, 3 as never),
    "options must be",
  );
});

Deno.test("requireNumberIn() and requireOneOf() explain the allowed values", () => {
  requireNumberIn("f", "x", 0.5, { min: 0, max: 1, maxExclusive: true });
  assertThrowsWith(
    () => requireNumberIn("f", "x", 1, { min: 0, max: 1, maxExclusive: true }),
    "f: option x must be a finite number ≥ 0 and < 1, got 1",
  );
  assertThrowsWith(
    () => requireNumberIn("f", "k", 2.5, { min: 1, integer: true }),
    "option k must be an integer ≥ 1, got 2.5",
  );
  assertThrowsWith(() => requireNumberIn("f", "s", NaN, { min: 0 }), "got NaN");
  assertThrowsWith(
    () => requireOneOf("f", "fill", "nan", ["zero", "mean"]),
    'option fill must be one of "zero", "mean", got "nan"',
  );
});

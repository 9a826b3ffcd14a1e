import { checkWindow } from "../../lib/augment/window.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assertThrowsWith } from "../_assert.ts";

Deno.test("checkWindow() accepts a well-formed window", () => {
  checkWindow("f", new Float32Array(6), 3, 2, new Rng(1));
});

Deno.test("checkWindow() names the function and what was expected on bad input", () => {
  assertThrowsWith(
    () => checkWindow("jitter", new Float32Array(5), 3, 2),
    "jitter: window has 5 values, expected length × channels = 3 × 2 = 6",
  );
  const w = new Float32Array([1, 2, 3, NaN, 5, 6]);
  assertThrowsWith(() => checkWindow("f", w, 3, 2), "window sample 1, channel 1 is NaN");
  w[3] = Infinity;
  assertThrowsWith(() => checkWindow("f", w, 3, 2), "is Infinity; expected a finite number");
  assertThrowsWith(() => checkWindow("f", new Float32Array(6), 1.5, 4), "length must be");
  assertThrowsWith(() => checkWindow("f", new Float32Array(6), 6, 0), "channels must be");
  assertThrowsWith(() => checkWindow("f", [1, 2] as never, 2, 1), "must be a Float32Array");
  assertThrowsWith(() => checkWindow("f", new Float32Array(2), 2, 1, {} as never), "rng must");
});

import {
  checkRng,
  checkWindowSet,
  groupOf,
  rejectUnknownOptions,
  requireGroupKey,
  requireInteger,
  requireLabelled,
} from "../../lib/learn/window_groups.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { syntheticWindows } from "./_windows.ts";

const WS = syntheticWindows({ perCell: 4, length: 4 }); // 16 windows × 4 × 2 channels

Deno.test("checkWindowSet() accepts a consistent set and names each inconsistency", () => {
  checkWindowSet("f", WS);
  assertThrowsWith(
    () => checkWindowSet("f", { ...WS, x: [] as never }),
    "f: windows must be a WindowSet",
  );
  assertThrowsWith(() => checkWindowSet("f", { ...WS, n: 0 }), "windows.n must be an integer ≥ 1");
  assertThrowsWith(() => checkWindowSet("f", { ...WS, channels: [] }), "non-empty window");
  assertThrowsWith(() => checkWindowSet("f", { ...WS, length: 5 }), "windows.x has 128 values");
  assertThrowsWith(
    () => checkWindowSet("f", { ...WS, labels: new Int8Array(3) }),
    "windows.labels",
  );
  assertThrowsWith(() => checkWindowSet("f", { ...WS, meta: [] }), "windows.meta must hold n = 16");
});

Deno.test("requireLabelled() counts the unlabelled windows and names the first", () => {
  requireLabelled("f", WS);
  const labels = WS.labels.slice();
  labels[5] = -1;
  labels[9] = -1;
  assertThrowsWith(() => requireLabelled("f", { ...WS, labels }), "f: 2 of 16 windows", "window 5");
});

Deno.test("groupOf() reads the experiment or sensor; option checks name the option", () => {
  assert.equal(groupOf(WS, 15, "experiment"), "e2");
  assert.equal(groupOf(WS, 15, "sensor"), "S1");
  assert.equal(requireGroupKey("f", "sensor"), "sensor");
  assertThrowsWith(() => requireGroupKey("f", "driver"), "f: option group", "driver");
  assert.equal(requireInteger("f", "k", 3, 1), 3);
  assertThrowsWith(() => requireInteger("f", "k", 0.5, 1), "f: option k must be an integer ≥ 1");
  rejectUnknownOptions("f", { a: 1 }, ["a"]);
  assertThrowsWith(
    () => rejectUnknownOptions("f", { b: 1 }, ["a"]),
    "unknown option 'b'; expected one of a",
  );
  assertThrowsWith(
    () => rejectUnknownOptions("f", null as never, ["a"]),
    "options must be an object",
  );
  checkRng("f", new Rng(1));
  assertThrowsWith(() => checkRng("f", Math as never), "f: rng must be an Rng");
});

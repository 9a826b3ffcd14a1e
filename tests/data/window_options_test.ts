import { assert, assertThrowsWith } from "../_assert.ts";
import { DEFAULT_WINDOW_OPTIONS, resolveWindowOptions } from "../../lib/data/window_options.ts";

Deno.test("resolveWindowOptions() fills the defaults and resolves stride to the length", () => {
  assert.deepEqual(resolveWindowOptions(), { ...DEFAULT_WINDOW_OPTIONS, stride: 256 });
  const o = resolveWindowOptions({ length: 100, channels: ["gsr"], normalize: "window" });
  assert.equal(o.stride, 100);
  assert.deepEqual(o.channels, ["gsr"]);
  assert.equal(o.labelPolicy, "pure");
  assert.equal(resolveWindowOptions({ length: 100, stride: 10 }).stride, 10);
  assert.equal(resolveWindowOptions({ stride: undefined }).stride, 256);
});

Deno.test("resolveWindowOptions() refuses unknown names and bad values with a one-line message", () => {
  const cases: [Record<string, unknown>, string][] = [
    [
      { size: 3 },
      "unknown option 'size'; expected one of length, stride, sampleRate, channels, labelPolicy, normalize, source",
    ],
    [{ length: 2.5 }, "option length: expected a positive whole number, got 2.5"],
    [{ stride: -1 }, "option stride: expected a positive whole number, got -1"],
    [{ sampleRate: 0 }, "option sampleRate: expected a positive number of Hz or null, got 0"],
    [
      { channels: [] },
      "option channels: expected null or a non-empty list of distinct channel names",
    ],
    [{ channels: ["a", "a"] }, "option channels"],
    [{ labelPolicy: "any" }, 'option labelPolicy: expected one of pure, majority, got "any"'],
    [{ normalize: "global" }, "option normalize: expected one of none, window, recording"],
    [{ source: "raw" }, "option source: expected one of sensed, clean"],
  ];
  for (const [opts, msg] of cases) {
    const e = assertThrowsWith(() => resolveWindowOptions(opts), msg);
    assert.ok(!e.message.includes("\n"));
  }
});

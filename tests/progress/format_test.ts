import { assert, assertClose } from "../_assert.ts";
import {
  estimateRemaining,
  formatDuration,
  formatInfo,
  formatProgressHtml,
  formatProgressLine,
  percentDone,
} from "../../lib/progress/format.ts";

Deno.test("formatDuration() is compact at every scale", () => {
  assert.equal(formatDuration(0.42), "0.4s");
  assert.equal(formatDuration(12.4), "12s");
  assert.equal(formatDuration(185), "3m05s");
  assert.equal(formatDuration(3720), "1h02m");
  assert.equal(formatDuration(NaN), "?");
});

Deno.test("estimateRemaining() extrapolates the rate so far, null before any progress", () => {
  assertClose(estimateRemaining(25, 100, 10_000) as number, 30); // 10 s for 25 → 30 s for 75
  assert.equal(estimateRemaining(100, 100, 5000), 0);
  assert.equal(estimateRemaining(0, 100, 5000), null);
});

Deno.test("percentDone() floors and clamps to [0, 100]", () => {
  assert.equal(percentDone(2, 3), 66);
  assert.equal(percentDone(5, 4), 100);
});

Deno.test("formatInfo() writes key=value pairs with 4 significant digits", () => {
  assert.equal(
    formatInfo({ loss: 0.123456, epoch: 3, phase: "val" }),
    "loss=0.1235 epoch=3 phase=val",
  );
  assert.equal(formatInfo("warming up"), "warming up");
  assert.equal(formatInfo(), "");
});

Deno.test("formatProgressLine() shows count, percent, elapsed, ETA and info", () => {
  assert.equal(
    formatProgressLine({
      label: "train",
      value: 40,
      total: 100,
      elapsedMs: 12_000,
      info: { loss: 0.5321 },
    }),
    "train 40/100 (40%) 12s elapsed, ETA 18s | loss=0.5321",
  );
  assert.equal(
    formatProgressLine({ label: "gen", value: 0, total: 8, elapsedMs: 0 }),
    "gen 0/8 (0%) 0.0s elapsed, ETA ?",
  );
  assert.equal(
    formatProgressLine({ label: "gen", value: 8, total: 8, elapsedMs: 65_000, finished: true }),
    "gen 8/8 (100%) done in 1m05s",
  );
});

Deno.test("formatProgressHtml() wraps an HTML-escaped line after a <progress> bar", () => {
  const html = formatProgressHtml({ label: "a<b", value: 3, total: 4, elapsedMs: 1000 });
  assert.ok(html.includes('<progress value="3" max="4"'));
  assert.ok(html.includes("a&lt;b 3/4 (75%)"));
});

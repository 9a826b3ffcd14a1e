import { assert, assertThrowsWith } from "../_assert.ts";
import { progress } from "../../lib/progress/reporter.ts";

/** A fake clock advanced by hand. */
function clock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

Deno.test("progress() in lines mode prints one line per 20% crossed and a final line", async () => {
  const lines: string[] = [];
  const c = clock();
  const p = progress(50, "gen", {
    mode: "lines",
    everyPercent: 20,
    write: (l) => lines.push(l),
    now: c.now,
  });
  for (let i = 0; i < 50; i++) {
    c.advance(100);
    p.tick(1, { file: i });
  }
  await p.done();
  assert.deepEqual(lines, [
    "gen 10/50 (20%) 1.0s elapsed, ETA 4.0s | file=9",
    "gen 20/50 (40%) 2.0s elapsed, ETA 3.0s | file=19",
    "gen 30/50 (60%) 3.0s elapsed, ETA 2.0s | file=29",
    "gen 40/50 (80%) 4.0s elapsed, ETA 1.0s | file=39",
    "gen 50/50 (100%) done in 5.0s | file=49",
  ]);
});

Deno.test("progress() in lines mode skips percentages jumped over and prints each step once", async () => {
  const lines: string[] = [];
  const p = progress(10, "x", {
    mode: "lines",
    everyPercent: 10,
    write: (l) => lines.push(l),
    now: () => 0,
  });
  p.update(5);
  p.update(5);
  p.update(7);
  await p.done();
  assert.deepEqual(lines.map((l) => l.split(" ")[1]), ["5/10", "7/10", "7/10"]);
});

Deno.test("progress() in jupyter mode updates one display id, throttled, with the final state on done", async () => {
  const sent: { text: string; id?: string; update?: boolean; html: string }[] = [];
  const c = clock();
  const p = progress(4, "train", {
    mode: "jupyter",
    minIntervalMs: 250,
    now: c.now,
    displayId: "bar-1",
    sink: (b, o) => {
      sent.push({
        text: String(b["text/plain"]),
        html: String(b["text/html"]),
        id: o?.displayId,
        update: o?.update,
      });
      return Promise.resolve();
    },
  });
  c.advance(100);
  p.tick(); // 100 ms after the first display → throttled
  c.advance(200);
  p.tick(); // 300 ms → shown
  c.advance(10);
  p.tick(); // throttled
  await p.done({ loss: 0.25 });
  assert.deepEqual(sent.map((s) => [s.id, s.update, s.text.split(" (")[0]]), [
    ["bar-1", false, "train 0/4"],
    ["bar-1", true, "train 2/4"],
    ["bar-1", true, "train 3/4"],
  ]);
  assert.equal(sent[2].text, "train 3/4 (75%) done in 0.3s | loss=0.25");
  assert.ok(sent[2].html.includes('<progress value="3" max="4"'));
});

Deno.test("progress() falls back to lines in jupyter mode without a kernel sink", async () => {
  const lines: string[] = [];
  const p = progress(2, "x", { mode: "jupyter", sink: null, write: (l) => lines.push(l) });
  assert.equal(p.mode, "lines");
  p.tick(2);
  await p.done();
  assert.equal(lines.length, 1);
});

Deno.test("progress() in silent mode tracks value and state without output", async () => {
  const c = clock();
  const p = progress(3, "quiet", { mode: "silent", now: c.now });
  p.tick();
  c.advance(500);
  p.update(2.5, "almost");
  assert.equal(p.value, 2.5);
  assert.deepEqual(p.state(), {
    label: "quiet",
    value: 2.5,
    total: 3,
    elapsedMs: 500,
    info: "almost",
  });
  await p.done();
  await p.done(); // idempotent
  assert.equal(p.state().finished, true);
});

Deno.test("progress() rejects overshoot, use after done, bad totals and unknown options", async () => {
  const p = progress(3, "x", { mode: "silent" });
  assertThrowsWith(
    () => p.tick(4),
    "progress 'x': tick() would set the value to 4; expected 0 … 3",
  );
  assertThrowsWith(() => p.update(NaN), "update() would set the value to NaN");
  assertThrowsWith(() => p.tick(-1), "tick(n) needs a finite n ≥ 0");
  await p.done();
  assertThrowsWith(() => p.tick(), "tick() after done()");
  assertThrowsWith(() => progress(0, "x"), "total must be a finite number > 0, got 0");
  assertThrowsWith(() => progress(3, ""), "label must be a non-empty string");
  assertThrowsWith(() => progress(3, "x", { modes: "tty" } as never), "unknown option 'modes'");
  assertThrowsWith(() => progress(3, "x", { mode: "fancy" as never }), "mode must be");
});

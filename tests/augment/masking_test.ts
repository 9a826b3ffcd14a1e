import { applyMasking, masking } from "../../lib/augment/masking.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { assertSeededAndPure, gaussianWindow } from "./_windows.ts";

/** Maximal runs [start, end) of rows whose channels are all 0. */
function zeroRuns(w: Float32Array, length: number, channels: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let t = 0; t <= length; t++) {
    const zero = t < length && Array.from({ length: channels }, (_, c) => w[t * channels + c])
      .every((v) => v === 0);
    if (zero && start < 0) start = t;
    if (!zero && start >= 0) {
      runs.push([start, t]);
      start = -1;
    }
  }
  return runs;
}

Deno.test("applyMasking() zeroes exactly the reported spans and nothing else", () => {
  const length = 300;
  const w = gaussianWindow(1, length, [5, -5], [1, 1]); // no natural zeros
  const rng = new Rng(2);
  for (let i = 0; i < 100; i++) {
    const { window: out, spans } = applyMasking(w, length, 2, rng, {
      spans: 4,
      maxFraction: 0.1,
    });
    assert.equal(spans.length, 4);
    assert.deepEqual(zeroRuns(out, length, 2), spans.map((s) => [s.start, s.end]));
    for (const s of spans) assert.ok(s.end - s.start >= 1 && s.end - s.start <= 30);
    const masked = new Set(
      spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k)),
    );
    for (let t = 0; t < length; t++) {
      if (masked.has(t)) continue;
      assert.equal(out[t * 2], w[t * 2]);
      assert.equal(out[t * 2 + 1], w[t * 2 + 1]);
    }
  }
});

Deno.test("applyMasking() with fill 'mean' writes each channel's window mean", () => {
  const w = new Float32Array([1, 10, 3, 20, 5, 30, 7, 40]); // means 4 and 25
  const { window: out, spans } = applyMasking(w, 4, 2, new Rng(3), {
    spans: 1,
    maxFraction: 0.5,
    fill: "mean",
  });
  for (let t = spans[0].start; t < spans[0].end; t++) {
    assert.deepEqual([out[t * 2], out[t * 2 + 1]], [4, 25]);
  }
});

Deno.test("applyMasking() places spans anywhere, including at both ends", () => {
  const rng = new Rng(4);
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (let i = 0; i < 400; i++) {
    const { spans } = applyMasking(new Float32Array(20), 20, 1, rng, {
      spans: 2,
      maxFraction: 0.2,
    });
    assert.ok(spans[0].end < spans[1].start, "spans overlap or touch");
    starts.add(spans[0].start);
    ends.add(spans[1].end);
  }
  assert.ok(starts.has(0) && ends.has(20), "spans never reach the window ends");
});

Deno.test("masking() with 0 spans is the identity and is seeded and pure", () => {
  const w = gaussianWindow(5, 64, [1], [1]);
  assert.deepEqual(masking({ spans: 0 })(w, 64, 1, new Rng(1)), w);
  assertSeededAndPure(masking({ spans: 2 }), w, 1);
});

Deno.test("masking() rejects bad options and spans that cannot fit", () => {
  assertThrowsWith(() => masking({ spans: -1 }), "masking: option spans");
  assertThrowsWith(() => masking({ maxFraction: 0 }), "option maxFraction");
  assertThrowsWith(() => masking({ fill: "noise" } as never), "option fill");
  assertThrowsWith(
    () => masking({ spans: 6, maxFraction: 1 })(new Float32Array(10), 10, 1, new Rng(1)),
    "masking: 6 spans of up to 10 samples do not fit apart in a window of 10 samples",
  );
});

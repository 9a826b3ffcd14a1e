import { cutWindows, windowLabelOf } from "../../lib/byo/cut_windows.ts";
import type { ByoRecording } from "../../lib/byo/read_recording.ts";
import type { ByoEntry } from "../../lib/byo/manifest.ts";
import { getWindowChannel } from "../../lib/data/window_set.ts";
import { assert, assertAllClose, assertClose } from "../_assert.ts";

function rec(
  over: {
    rate: number;
    n: number;
    segments?: { start: number; end: number }[];
    labels?: number[];
    file?: string;
  },
): ByoRecording {
  const { rate, n } = over;
  const entry = {
    file: over.file ?? "a.csv",
    path: "/d/a.csv",
    experiment: "e1",
    sensor: "s",
    subject: "p1",
    session: "1",
    sampleRate: rate,
    timeColumn: null,
    channels: [{ name: "gsr", column: "G" }, { name: "eeg", column: "E" }],
    labelColumn: null,
    labelColumnOptional: false,
    events: null,
    eventsPath: null,
    origin: "line 2",
  } as ByoEntry;
  const segments = over.segments ?? [{ start: 0, end: n }];
  const time = new Float64Array(n);
  // Segment k starts 100 s after the previous one ends.
  let shift = 0;
  for (const [k, s] of segments.entries()) {
    if (k > 0) shift += 100;
    for (let i = s.start; i < s.end; i++) time[i] = i / rate + shift;
  }
  return {
    entry,
    sampleRate: rate,
    time,
    signals: [
      Float32Array.from({ length: n }, (_, i) => 1000 + i), // gsr: a ramp, sample index + 1000
      Float32Array.from({ length: n }, (_, i) => Math.sin(i)), // eeg
    ],
    labels: over.labels ? Int8Array.from(over.labels) : null,
    segments,
  };
}

Deno.test("windowLabelOf() implements the pure and majority policies", () => {
  const l = Int8Array.from([0, 0, 0, 1, -1, -1, 1, 1]);
  assert.equal(windowLabelOf(l, 0, 3, "pure"), 0);
  assert.equal(windowLabelOf(l, 1, 3, "pure"), -1);
  assert.equal(windowLabelOf(l, 0, 4, "majority"), 0);
  assert.equal(windowLabelOf(l, 2, 4, "majority"), 0); // 0,1,-1,-1: a 1–1 tie goes to the lower label
  assert.equal(windowLabelOf(l, 3, 4, "majority"), 1); // 1,-1,-1,1: two labelled of four
  assert.equal(windowLabelOf(l, 3, 3, "majority"), -1); // 1,-1,-1: one labelled of three
  assert.equal(windowLabelOf(null, 0, 3, "pure"), -1);
});

Deno.test("cutWindows() never lets a window cross a gap and keeps time stamps", () => {
  const r = rec({ rate: 10, n: 50, segments: [{ start: 0, end: 25 }, { start: 25, end: 50 }] });
  const { windows } = cutWindows([r], {
    channels: ["eeg", "gsr"],
    sampleRate: 10,
    length: 10,
    stride: 10,
  }, {
    labelPolicy: "pure",
    normalize: "none",
  });
  // 25 samples per segment → 2 windows each; the 5-sample rests are dropped.
  assert.equal(windows.n, 4);
  assert.deepEqual(windows.meta.map((m) => m.start), [0, 1, 102.5, 103.5]);
  assert.deepEqual(windows.channels, ["eeg", "gsr"]);
  // gsr holds 1000 + the sample index: every window is 10 consecutive samples of one segment.
  for (let i = 0; i < windows.n; i++) {
    const g = getWindowChannel(windows, i, "gsr");
    for (let t = 1; t < 10; t++) assert.equal(g[t] - g[t - 1], 1);
  }
  assert.deepEqual(Array.from(getWindowChannel(windows, 2, "gsr")).slice(0, 2), [1025, 1026]);
  assert.deepEqual(Array.from(windows.labels), [-1, -1, -1, -1]);
  assert.deepEqual(windows.meta.map((m) => m.recording), [0, 0, 0, 0]);
});

Deno.test("cutWindows() resamples to the common rate and carries labels along", () => {
  const labels = Array.from({ length: 200 }, (_, i) => (i < 100 ? 0 : 1));
  const r = rec({ rate: 20, n: 200, labels });
  const { windows } = cutWindows(
    [r],
    { channels: ["gsr"], sampleRate: 10, length: 10, stride: 5 },
    {
      labelPolicy: "pure",
      normalize: "none",
    },
  );
  // 200 samples at 20 Hz → 100 at 10 Hz → windows at 0, 5, …, 90: 19.
  assert.equal(windows.n, 19);
  assert.equal(windows.sampleRate, 10);
  // Labels switch at 5 s: windows starting before 4 s are 0, the one at 4.5 s straddles, then 1.
  assert.deepEqual(Array.from(windows.labels.slice(7, 12)), [0, 0, -1, 1, 1]);
  // The ramp resampled (band-limited) away from the edges: 1000 + 2 × index.
  const g = getWindowChannel(windows, 9, "gsr");
  assertAllClose(g, Array.from({ length: 10 }, (_, t) => 1000 + 2 * (45 + t)), { atol: 0.05 });
});

Deno.test("cutWindows() normalises per recording over all segments, or per window", () => {
  const r = rec({ rate: 10, n: 40, segments: [{ start: 0, end: 20 }, { start: 20, end: 40 }] });
  const plan = { channels: ["gsr"], sampleRate: 10, length: 20, stride: 20 };
  const { windows, raw } = cutWindows([r], plan, {
    labelPolicy: "pure",
    normalize: "recording",
    keepRaw: true,
  });
  // Over both windows (= the whole recording) the ramp has mean 0 and sd 1.
  let s = 0, ss = 0;
  for (const v of windows.x) (s += v, ss += v * v);
  assertClose(s / 40, 0, { atol: 1e-5 });
  assertClose(Math.sqrt(ss / 40), 1, { atol: 1e-5 });
  assert.equal(raw!.x[0], 1000);
  assert.equal(raw!.x[39], 1039);
  const w = cutWindows([r], plan, { labelPolicy: "pure", normalize: "window" }).windows;
  const first = Array.from(w.x.slice(0, 20));
  assertClose(first.reduce((a, b) => a + b) / 20, 0, { atol: 1e-5 });
  assertAllClose(w.x.slice(20), first, { atol: 1e-5 }); // both windows are the same ramp shape
});

import { join } from "node:path";
import type { ByoEntry } from "../../lib/byo/manifest.ts";
import { readByoManifest } from "../../lib/byo/manifest.ts";
import { parseByoRecording, readByoRecording } from "../../lib/byo/read_recording.ts";
import { assert, assertAllClose, assertRejectsWith, assertThrowsWith } from "../_assert.ts";
import { FIXTURE } from "./_fixture.ts";

const LABELS = ["awake", "drowsy"];

function entry(over: Partial<ByoEntry> = {}): ByoEntry {
  return {
    file: "r.csv",
    path: "/d/r.csv",
    experiment: "e",
    sensor: "s",
    subject: "p",
    session: "1",
    sampleRate: 10,
    timeColumn: "t",
    channels: [{ name: "eeg", column: "Fp1" }, { name: "gsr", column: "EDA" }],
    labelColumn: "state",
    labelColumnOptional: false,
    events: null,
    eventsPath: null,
    origin: "line 2",
    ...over,
  };
}

Deno.test("parseByoRecording() maps columns to channels, ignores other columns, reads labels", () => {
  const text = "EDA,t,note,Fp1,state\n5,0,a,1.5,awake\n5.25,0.1,b,-2,\n5.5,0.2,c,3e-1,drowsy\n";
  const r = parseByoRecording(text, entry(), LABELS, 1.5);
  assert.equal(r.sampleRate, 10);
  assertAllClose(r.time, [0, 0.1, 0.2], { atol: 0 });
  assertAllClose(r.signals[0], [1.5, -2, Math.fround(0.3)], { atol: 0 }, "eeg");
  assertAllClose(r.signals[1], [5, 5.25, 5.5], { atol: 0 }, "gsr");
  assert.deepEqual(Array.from(r.labels!), [0, -1, 1]);
  assert.deepEqual(r.segments, [{ start: 0, end: 3 }]);
});

Deno.test("parseByoRecording() without a time column uses index / rate and one segment", () => {
  const r = parseByoRecording(
    "Fp1,EDA\n1,2\n3,4\n",
    entry({ timeColumn: null, labelColumn: null }),
    LABELS,
    1.5,
  );
  assertAllClose(r.time, [0, 0.1], { atol: 1e-15 });
  assert.equal(r.labels, null);
});

Deno.test("parseByoRecording() names the file, line and column of each kind of bad input", () => {
  const head = "t,Fp1,EDA,state";
  const cases: [string, string][] = [
    [
      "",
      "Cannot read recording /d/r.csv: the file is empty; expected a header line 't,Fp1,EDA,state'",
    ],
    [
      head,
      "Cannot read recording /d/r.csv: line 2: expected data rows after the header, found none",
    ],
    [
      "t,Fp1,state\n0,1,awake",
      "line 1, column EDA: missing column (channel gsr, manifest line 2); the header has t,Fp1,state",
    ],
    [
      "time,Fp1,EDA,state\n0,1,2,awake",
      "line 1, column t: missing column (time_column, manifest line 2)",
    ],
    [`${head}\n0,1,2,awake\n0.1,x,2,awake`, "line 3, column Fp1: expected a number, got 'x'"],
    [`${head}\n0,1,NaN,awake`, "line 2, column EDA: expected a finite number, got 'NaN'"],
    [`${head}\n0,-Inf,2,awake`, "line 2, column Fp1: expected a finite number, got '-Inf'"],
    [
      `${head}\n0,1e39,2,awake`,
      "line 2, column Fp1: expected a number within float32 range, got '1e39'",
    ],
    [`${head}\n0,,2,awake`, "line 2, column Fp1: expected a number, got ''"],
    [
      `${head}\n0,1,2,sleepy`,
      "line 2, column state: expected one of awake, drowsy (the label set) or an empty cell, got 'sleepy'",
    ],
    [`${head}\n0,1,2`, "line 2: expected 4 fields (t,Fp1,EDA,state), got 3"],
    [
      `${head}\n0,1,2,awake\n0.1,1,2,awake\n0.05,1,2,awake`,
      "line 4, column t: expected a time after the previous sample's 0.1 s",
    ],
    [
      `${head}\n0,1,2,awake\n0.08,1,2,awake\n0.16,1,2,awake\n0.24,1,2,awake`,
      "line 4, column t: expected 0.2 ± 0.25 sample (declared sample_rate 10 Hz",
    ],
    [
      "t,Fp1,EDA,Fp1,state\n0,1,2,3,awake",
      "line 1, column Fp1: column appears twice in the header",
    ],
  ];
  for (const [text, message] of cases) {
    assertThrowsWith(() => parseByoRecording(text, entry(), LABELS, 1.5), message);
  }
});

Deno.test("readByoRecording() reads the fixture: gap, derived rate, events", async () => {
  const m = await readByoManifest(join(FIXTURE, "manifest.csv"));
  const [s01, s02, r01, r02, x01] = await Promise.all(
    m.entries.map((e) => readByoRecording(e, LABELS, 1.5)),
  );
  // s01: 100 Hz with a 3-s gap after 8 s.
  assert.equal(s01.sampleRate, 100);
  assert.deepEqual(s01.segments, [{ start: 0, end: 800 }, { start: 800, end: 1600 }]);
  assert.equal(s01.time[800], 11);
  // The first second of lab recordings is unlabelled, then awake until 8 s.
  assert.equal(s01.labels![99], -1);
  assert.equal(s01.labels![100], 0);
  assert.equal(s01.labels![900], 1);
  // s02 declares no rate: derived from t_sec.
  assert.equal(s02.sampleRate, 100);
  // r01: labels from its events file (awake 0–7.5 s, drowsy 8–16 s).
  assert.equal(r01.sampleRate, 64);
  assert.equal(r01.labels![Math.round(7.4 * 64)], 0);
  assert.equal(r01.labels![Math.round(7.75 * 64)], -1);
  assert.equal(r01.labels![Math.round(8.5 * 64)], 1);
  // r02: rate derived from 4-decimal time stamps is exactly 64.
  assert.equal(r02.sampleRate, 64);
  assert.equal(x01.labels, null);
  assert.deepEqual(x01.entry.channels.map((c) => c.column), ["c1", "c2", "c3", "c4"]);
});

Deno.test("readByoRecording() names the manifest line of a missing file", async () => {
  await assertRejectsWith(
    () => readByoRecording(entry({ path: "/nonexistent/r.csv" }), LABELS, 1.5),
    "Cannot read recording /nonexistent/r.csv: the file does not exist (listed in the manifest, line 2)",
  );
});

import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";
import { DataError } from "../../lib/data/data_error.ts";
import {
  parseRecordingCsv,
  readRecording,
  recordingCsvColumns,
  recordingToCsv,
  writeRecording,
} from "../../lib/data/recording_csv.ts";
import type { Recording, RecordingMeta } from "../../lib/data/recording.ts";
import { sameBits, syntheticRecording } from "./_fixtures.ts";

const FILE = "data/surrogate/e2/e2-d01-s1.csv";

function assertSameRecording(a: Recording, b: Recording): void {
  assert.deepEqual(b.meta, a.meta);
  assert.ok(sameBits(a.time, b.time), "time bit-identical");
  assert.deepEqual(b.modes, a.modes);
  assert.equal(b.signals.length, a.signals.length);
  a.signals.forEach((s, c) => assert.ok(sameBits(s, b.signals[c]), `signals[${c}] bit-identical`));
  assert.equal(b.clean === null, a.clean === null);
  a.clean?.forEach((s, c) => assert.ok(sameBits(s, b.clean![c]), `clean[${c}] bit-identical`));
}

/** A tiny labelled recording as CSV text, with one row replaced by `badRow` when given. */
function tinyCsv(row3?: string): { text: string; meta: RecordingMeta } {
  const meta: RecordingMeta = {
    experiment: "e2",
    sensor: "s1",
    driver: "e2-d01",
    session: "s1",
    sampleRate: 4,
    channels: ["eeg", "ecg", "gsr"],
  };
  const lines = [
    "time,mode,eeg,ecg,gsr,eeg_clean,ecg_clean,gsr_clean",
    "0,alert,1,2,3,1,2,3",
    row3 ?? "0.25,alert,1,2,3,1,2,3",
    "0.5,normal,1,2,3,1,2,3",
  ];
  return { text: lines.join("\n") + "\n", meta };
}

Deno.test("recordingToCsv() then parseRecordingCsv() is bit-identical for a labelled recording with ground truth", () => {
  const rec = syntheticRecording({ n: 2000, seed: 5, t0: 12.5 });
  const back = parseRecordingCsv(recordingToCsv(rec), rec.meta, FILE);
  assertSameRecording(rec, back);
});

Deno.test("recordingToCsv() round-trips an unlabelled recording without ground truth", () => {
  const rec = syntheticRecording({
    mode: null,
    clean: false,
    channels: ["a", "b"],
    sampleRate: 100,
  });
  const text = recordingToCsv(rec);
  assert.equal(text.split("\n")[0], "time,a,b");
  const back = parseRecordingCsv(text, rec.meta);
  assert.equal(back.modes, null);
  assert.equal(back.clean, null);
  assertSameRecording(rec, back);
});

Deno.test("recordingToCsv() writes the documented header and shortest numbers", () => {
  const rec: Recording = {
    meta: {
      experiment: "e1",
      sensor: "s1",
      driver: "d",
      session: "s1",
      sampleRate: 4,
      channels: ["eeg"],
    },
    time: Float64Array.of(0, 0.25),
    modes: Uint8Array.of(0, 2),
    signals: [Float32Array.of(0.1, -2.5)],
    clean: [Float32Array.of(1e-7, 300)],
  };
  assert.equal(
    recordingToCsv(rec),
    "time,mode,eeg,eeg_clean\n0,alert,0.1,1e-7\n0.25,drowsy,-2.5,300\n",
  );
  assert.deepEqual(recordingCsvColumns(rec.meta, { modes: false, clean: true }), [
    "time",
    "eeg",
    "eeg_clean",
  ]);
});

Deno.test("parseRecordingCsv() accepts the columns in any order, blank lines and spaces", () => {
  const { meta } = tinyCsv();
  const text = "gsr, eeg,time,ecg\n3,1,0,2\n\n30 ,10,0.25,20\n";
  const rec = parseRecordingCsv(text, meta, FILE);
  assert.deepEqual(Array.from(rec.signals[0]), [1, 10]);
  assert.deepEqual(Array.from(rec.signals[1]), [2, 20]);
  assert.deepEqual(Array.from(rec.signals[2]), [3, 30]);
  assert.deepEqual(Array.from(rec.time), [0, 0.25]);
  assert.equal(rec.modes, null);
  assert.equal(rec.clean, null);
});

Deno.test("writeRecording() then readRecording() round-trips through a file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const rec = syntheticRecording({ n: 300, seed: 9 });
    const path = `${dir}/sub/folder/r.csv`;
    await writeRecording(path, rec);
    assertSameRecording(rec, await readRecording(path, rec.meta));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("parseRecordingCsv() names file, line and column for a non-numeric value", () => {
  const { text, meta } = tinyCsv("0.25,alert,1,2,x,1,2,3");
  const e = assertThrowsWith(() => parseRecordingCsv(text, meta, FILE));
  assert.ok(e instanceof DataError);
  assert.equal(
    e.message,
    `Cannot read recording ${FILE}: line 3, column gsr: expected a number, got 'x'`,
  );
  assert.equal((e as DataError).line, 3);
  assert.equal((e as DataError).column, "gsr");
  assert.equal((e as DataError).file, FILE);
});

Deno.test("parseRecordingCsv() refuses NaN, infinities and float32 overflow", () => {
  const { meta } = tinyCsv();
  for (
    const [value, expected] of [
      ["NaN", "expected a finite number, got 'NaN'"],
      ["-Inf", "expected a finite number, got '-Inf'"],
      ["1e999", "expected a finite number, got '1e999'"],
      ["1e39", "expected a number within float32 range, got '1e39'"],
      ["", "expected a number, got ''"],
    ]
  ) {
    const { text } = tinyCsv(`0.25,alert,1,2,3,1,${value},3`);
    assertThrowsWith(
      () => parseRecordingCsv(text, meta, FILE),
      "line 3, column ecg_clean",
      expected,
    );
  }
});

Deno.test("parseRecordingCsv() refuses a row with the wrong number of fields", () => {
  const { text, meta } = tinyCsv("0.25,alert,1,2,3,1,2");
  assertThrowsWith(
    () => parseRecordingCsv(text, meta, FILE),
    `${FILE}: line 3: expected 8 fields (time,mode,eeg,ecg,gsr,eeg_clean,ecg_clean,gsr_clean), got 7`,
  );
});

Deno.test("parseRecordingCsv() refuses a missing, unexpected or repeated column", () => {
  const { meta } = tinyCsv();
  assertThrowsWith(
    () => parseRecordingCsv("time,eeg,ecg\n0,1,2\n", meta, FILE),
    "line 1, column gsr: missing column; expected columns time,eeg,ecg,gsr",
  );
  assertThrowsWith(
    () => parseRecordingCsv("eeg,ecg,gsr\n0,1,2\n", meta, FILE),
    "line 1, column time: missing column",
  );
  assertThrowsWith(
    () => parseRecordingCsv("time,eeg,ecg,gsr,eeg_clean\n0,1,2,3,1\n", meta, FILE),
    "line 1, column ecg_clean: missing column",
  );
  assertThrowsWith(
    () => parseRecordingCsv("time,eeg,ecg,gsr,emg\n0,1,2,3,4\n", meta, FILE),
    "line 1, column emg: unexpected column",
  );
  assertThrowsWith(
    () => parseRecordingCsv("time,eeg,ecg,gsr,eeg\n0,1,2,3,4\n", meta, FILE),
    "line 1, column eeg: column appears twice",
  );
});

Deno.test("parseRecordingCsv() refuses an unknown mode label", () => {
  const { text, meta } = tinyCsv("0.25,sleepy,1,2,3,1,2,3");
  assertThrowsWith(
    () => parseRecordingCsv(text, meta, FILE),
    "line 3, column mode: expected one of alert, normal, drowsy, asleep, got 'sleepy'",
  );
});

Deno.test("parseRecordingCsv() refuses time stamps that disagree with the sampling rate", () => {
  const { text, meta } = tinyCsv();
  // The file is sampled at 4 Hz; at a claimed 5 Hz sample 1 is off by exactly the tolerance
  // (0.25 · 5 − 1 = 0.25 periods) and sample 2 by 0.5 periods: caught on line 4.
  assertThrowsWith(
    () => parseRecordingCsv(text, { ...meta, sampleRate: 5 }, FILE),
    "line 4, column time: expected 0.4 ± 0.25 sample (sample 2 at sample_rate 5 Hz), got '0.5'",
  );
  // A missing row is a gap of one period.
  const gap = "time,eeg,ecg,gsr\n0,1,2,3\n0.25,1,2,3\n0.75,1,2,3\n";
  assertThrowsWith(() => parseRecordingCsv(gap, meta, FILE), "line 4, column time: expected 0.5");
  // Going backwards is caught too.
  const back = "time,eeg,ecg,gsr\n0,1,2,3\n-0.25,1,2,3\n";
  assertThrowsWith(() => parseRecordingCsv(back, meta, FILE), "line 3, column time");
  // Time stamps rounded to milliseconds at 256 Hz are fine.
  const rows = ["time,eeg,ecg,gsr"];
  for (let i = 0; i < 1000; i++) rows.push(`${(i / 256).toFixed(3)},1,2,3`);
  const rec = parseRecordingCsv(rows.join("\n"), { ...meta, sampleRate: 256 }, FILE);
  assert.equal(rec.time.length, 1000);
});

Deno.test("parseRecordingCsv() refuses an empty file, a header-only file and broken quoting", () => {
  const { meta } = tinyCsv();
  assertThrowsWith(
    () => parseRecordingCsv("", meta, FILE),
    `Cannot read recording ${FILE}: the file is empty; expected a header line 'time,mode,eeg,ecg,gsr,eeg_clean,ecg_clean,gsr_clean'`,
  );
  assertThrowsWith(() => parseRecordingCsv(" \n\n", meta, FILE), "the file is empty");
  assertThrowsWith(
    () => parseRecordingCsv("time,eeg,ecg,gsr\n", meta, FILE),
    "line 2: expected data rows after the header, found none",
  );
  assertThrowsWith(
    () => parseRecordingCsv('time,eeg,ecg,gsr\n0,1,"2,3\n', meta, FILE),
    "malformed CSV",
  );
});

Deno.test("every recording read error is a single-line DataError", () => {
  const { meta } = tinyCsv();
  for (const text of ["", "time\n0\n", "time,eeg,ecg,gsr\n0,1,2\n", 'a"b\n']) {
    const e = assertThrowsWith(() => parseRecordingCsv(text, meta, FILE), FILE);
    assert.ok(e instanceof DataError);
    assert.ok(!e.message.includes("\n"), e.message);
  }
});

Deno.test("readRecording() reports a missing file", async () => {
  const { meta } = tinyCsv();
  await assertRejectsWith(
    () => readRecording("/nonexistent/x.csv", meta),
    "Cannot read recording /nonexistent/x.csv: the file does not exist",
  );
});

Deno.test("recordingToCsv() refuses NaN, unequal lengths, bad labels and bad names", () => {
  const nan = syntheticRecording({ n: 10 });
  nan.signals[1][3] = NaN;
  assertThrowsWith(
    () => recordingToCsv(nan, "out/x.csv"),
    "Cannot write recording out/x.csv (e1/s1/e1-d01/s1): signals[1] (ecg)[3]: expected a finite number, got NaN",
  );
  const short = syntheticRecording({ n: 10 });
  short.clean![2] = new Float32Array(9);
  assertThrowsWith(
    () => recordingToCsv(short),
    "clean[2] (gsr): expected a Float32Array of 10 samples, got 9",
  );
  const label = syntheticRecording({ n: 10 });
  label.modes![4] = 7;
  assertThrowsWith(() => recordingToCsv(label), "modes[4]: expected a mode index 0..3, got 7");
  const name = syntheticRecording({ n: 10, channels: ["eeg", "e,cg"] });
  assertThrowsWith(() => recordingToCsv(name), "meta.channels", '"e,cg"');
  const clock = syntheticRecording({ n: 10 });
  clock.time[5] += 0.01;
  assertThrowsWith(() => recordingToCsv(clock), "time[5]: expected 0.01953125 s");
});

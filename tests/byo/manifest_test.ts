import { join } from "node:path";
import {
  type ByoEntry,
  parseByoManifestCsv,
  parseByoManifestJson,
  readByoManifest,
} from "../../lib/byo/manifest.ts";
import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";
import { FIXTURE } from "./_fixture.ts";

const HEAD =
  "file,experiment,sensor,subject,session,sample_rate,time_column,channels,label_column,events";

function only(text: string): { entries: ByoEntry[]; problems: string[] } {
  return parseByoManifestCsv(text, "/data/m.csv");
}

Deno.test("readByoManifest() reads the fixture's CSV and JSON manifests to the same entries", async () => {
  const csv = await readByoManifest(join(FIXTURE, "manifest.csv"));
  const json = await readByoManifest(join(FIXTURE, "manifest.json"));
  assert.deepEqual(csv.problems, []);
  assert.deepEqual(json.problems, []);
  assert.equal(csv.entries.length, 5);
  const strip = (e: ByoEntry) => ({ ...e, origin: "" });
  assert.deepEqual(json.entries.map(strip), csv.entries.map(strip));
  const [s01, , r01, r02] = csv.entries;
  assert.deepEqual(s01.channels, [
    { name: "eeg1", column: "Fp1" },
    { name: "eeg2", column: "Fp2" },
    { name: "ecg", column: "ECG_II" },
    { name: "gsr", column: "EDA" },
  ]);
  assert.equal(s01.sampleRate, 100);
  assert.equal(s01.timeColumn, "t_sec");
  assert.equal(s01.labelColumn, "state");
  assert.equal(s01.path, join(FIXTURE, "lab/s01.csv"));
  assert.equal(r01.eventsPath, join(FIXTURE, "road/r01_events.csv"));
  assert.equal(r01.timeColumn, null);
  assert.equal(r02.sampleRate, null);
  assert.equal(s01.origin, "line 2");
  assert.equal(json.entries[3].origin, "recordings[3]");
});

Deno.test("parseByoManifestCsv() reports one problem per bad row and keeps the good rows", () => {
  const m = only(
    [
      HEAD,
      "a.csv,e1,s,p1,1,256,,eeg=Fp1,,",
      "b.csv,e1,s,,1,256,,eeg=Fp1,,", // missing subject
      "c.csv,e1,s,p3,1,fast,,eeg=Fp1,,", // bad rate
      "d.csv,e1,s,p4,1,,,eeg=Fp1,,", // neither rate nor time column
      "e.csv,e1,s,p5,1,256,,eeg=Fp1,state,ev.csv", // label column and events
      "f.csv,e 1,s,p6,1,256,,eeg=Fp1,,", // bad id
      "g.csv,e1,s,p7,1,256,t,eeg=t,,", // time column is a channel column
      "h.csv,e1,s,p8,1,256,,eeg=Fp1", // too few fields
    ].join("\n"),
  );
  assert.deepEqual(m.entries.map((e) => e.file), ["a.csv"]);
  assert.deepEqual(m.problems, [
    "Cannot read manifest /data/m.csv: line 3, column subject: expected a value (the field is required), got nothing",
    "Cannot read manifest /data/m.csv: line 4, column sample_rate: expected a positive number of Hz, got 'fast'",
    "Cannot read manifest /data/m.csv: line 5, column sample_rate: expected a sampling rate in Hz, or a time_column to derive it from, got nothing",
    "Cannot read manifest /data/m.csv: line 6, column events: expected either label_column or events, not both, got 'ev.csv'",
    "Cannot read manifest /data/m.csv: line 7, column experiment: expected an id of letters, digits, '_', '.', '-', got 'e 1'",
    "Cannot read manifest /data/m.csv: line 8, column time_column: expected a column not also used as channel eeg, got 't'",
    "Cannot read manifest /data/m.csv: line 9: expected 10 fields (file,experiment,sensor,subject,session,sample_rate,time_column,channels,label_column,events), got 8",
  ]);
});

Deno.test("parseByoManifestCsv() reports duplicate files and duplicate recordings with both lines", () => {
  const m = only(
    [
      HEAD,
      "a.csv,e1,s,p1,1,256,,eeg,,",
      "a.csv,e1,s,p2,1,256,,eeg,,",
      "b.csv,e1,s,p1,1,256,,eeg,,",
    ].join("\n"),
  );
  assert.deepEqual(m.entries.map((e) => e.file), ["a.csv"]);
  assert.deepEqual(m.problems, [
    "Cannot read manifest /data/m.csv: line 3: file 'a.csv' is already listed (line 2); expected each recording once",
    "Cannot read manifest /data/m.csv: line 4: duplicate recording (experiment e1, sensor s, subject p1, session 1), already listed (line 2)",
  ]);
});

Deno.test("parseByoManifestCsv() throws on a malformed header or an empty manifest", () => {
  assertThrowsWith(
    () => only(""),
    "Cannot read manifest /data/m.csv: the file is empty; expected a header line 'file,experiment",
  );
  assertThrowsWith(() => only(HEAD), "line 2: expected one row per recording, found none");
  assertThrowsWith(
    () => only(HEAD + ",notes\na.csv,e,s,p,1,1,,eeg,,,x"),
    "line 1, column notes: unknown column; expected columns among file,experiment,",
  );
  assertThrowsWith(
    () => only("file,experiment,sensor,session,sample_rate,channels\na,e,s,1,1,eeg"),
    "line 1, column subject: missing column; required: file,experiment,sensor,subject,session,channels",
  );
  assertThrowsWith(
    () => only("file,experiment,sensor,subject,session,channels\na,e,s,p,1,eeg"),
    "line 1, column sample_rate: missing column; need sample_rate or time_column",
  );
});

Deno.test("parseByoManifestJson() accepts channel objects and numbers, naming fields as recordings[i]", () => {
  const m = parseByoManifestJson(
    JSON.stringify([
      {
        file: "a.csv",
        experiment: "e",
        sensor: "s",
        subject: "p",
        session: "1",
        sample_rate: 128,
        channels: { eeg: "Fp1" },
      },
      {
        file: "b.csv",
        experiment: "e",
        sensor: "s",
        subject: "q",
        session: "1",
        sample_rate: "x",
        channels: "eeg",
      },
      {
        file: "c.csv",
        experiment: "e",
        sensor: "s",
        subject: "r",
        session: "1",
        sample_rate: 1,
        channels: { eeg: 3 },
      },
      {
        file: "d.csv",
        experiment: "e",
        sensor: "s",
        subject: "t",
        session: "1",
        rate: 1,
        channels: "eeg",
      },
      "e.csv",
    ]),
    "/data/m.json",
  );
  assert.deepEqual(m.entries.map((e) => [e.file, e.sampleRate, e.channels[0].column]), [[
    "a.csv",
    128,
    "Fp1",
  ]]);
  assert.deepEqual(m.problems, [
    "Cannot read manifest /data/m.json: recordings[1], field sample_rate: expected a positive number of Hz, got 'x'",
    'Cannot read manifest /data/m.json: recordings[2], field channels: expected an object of channel name → column name, got {"eeg":3}',
    "Cannot read manifest /data/m.json: recordings[3], field rate: unknown field; expected fields among file, experiment, sensor, subject, session, sample_rate, time_column, channels, label_column, events",
    "Cannot read manifest /data/m.json: recordings[4]: expected an object with fields file, experiment, sensor, subject, session, channels",
  ]);
  assertThrowsWith(
    () => parseByoManifestJson("{", "m.json"),
    "Cannot read manifest m.json: malformed JSON",
  );
  assertThrowsWith(
    () => parseByoManifestJson("[]", "m.json"),
    "expected a non-empty array of recordings",
  );
  assertThrowsWith(() => parseByoManifestJson('{"files": []}', "m.json"), "unknown field 'files'");
});

Deno.test("readByoManifest() reads a `deno task data` manifest with time and mode columns", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(
    `${dir}/manifest.csv`,
    "file,experiment,sensor,driver,session,sample_rate,channels,samples\ne1/a.csv,e1,A,e1-d01,s1,256,eeg;ecg,100\n",
  );
  const m = await readByoManifest(`${dir}/manifest.csv`);
  assert.equal(m.entries.length, 1);
  const e = m.entries[0];
  assert.equal(e.subject, "e1-d01");
  assert.equal(e.timeColumn, "time");
  assert.equal(e.labelColumn, "mode");
  assert.equal(e.labelColumnOptional, true);
  assert.deepEqual(e.channels, [{ name: "eeg", column: "eeg" }, { name: "ecg", column: "ecg" }]);
  assert.equal(e.path, `${dir}/e1/a.csv`);
  await assertRejectsWith(
    () => readByoManifest(`${dir}/nope.csv`),
    `Cannot read manifest ${dir}/nope.csv: the file does not exist`,
  );
});

import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";
import {
  formatManifest,
  isDatasetRelativePath,
  type ManifestEntry,
  parseManifest,
  readManifest,
} from "../../lib/data/manifest.ts";

const M = "data/x/manifest.csv";
const HEADER = "file,experiment,sensor,driver,session,sample_rate,channels,samples";
const ROW1 = "e1/e1-d01-s1-s1.csv,e1,s1,e1-d01,s1,256,eeg;ecg;gsr,40000";
const ROW2 = "e1/e1-d01-s1-s2.csv,e1,s2,e1-d01,s1,250.5,eeg,10";

Deno.test("parseManifest() reads entries with their line numbers and extra columns", () => {
  const entries = parseManifest(`${HEADER},seed\n${ROW1},17\n\n${ROW2},"a,b"\n`, M);
  assert.equal(entries.length, 2);
  assert.deepEqual(entries[0], {
    file: "e1/e1-d01-s1-s1.csv",
    meta: {
      experiment: "e1",
      sensor: "s1",
      driver: "e1-d01",
      session: "s1",
      sampleRate: 256,
      channels: ["eeg", "ecg", "gsr"],
    },
    samples: 40000,
    extra: { seed: "17" },
    line: 2,
  });
  assert.equal(entries[1].meta.sampleRate, 250.5);
  assert.equal(entries[1].line, 4);
  assert.deepEqual(entries[1].extra, { seed: "a,b" });
});

Deno.test("formatManifest() then parseManifest() round-trips entries", () => {
  const entries = parseManifest(`${HEADER},seed\n${ROW1},17\n${ROW2},"a,b"\n`, M);
  const text = formatManifest(entries);
  assert.equal(text, `${HEADER},seed\n${ROW1},17\n${ROW2},"a,b"\n`);
  assert.deepEqual(parseManifest(text, M), entries);
});

Deno.test("formatManifest() fills missing extra columns with empty fields and refuses bad entries", () => {
  const [a] = parseManifest(`${HEADER}\n${ROW1}\n`, M);
  const b: ManifestEntry = { ...a, file: "b.csv", extra: { note: "x" } };
  assert.equal(formatManifest([a, b]).split("\n")[1], ROW1 + ",");
  assertThrowsWith(() => formatManifest([{ ...a, file: "../a.csv" }]), "expected a path relative");
  assertThrowsWith(
    () => formatManifest([{ ...a, samples: 0 }]),
    "samples: expected a positive whole number",
  );
  assertThrowsWith(
    () => formatManifest([{ ...a, extra: { file: "x" } }]),
    "'file' is a standard column",
  );
});

Deno.test("parseManifest() names line and column for a missing field", () => {
  assertThrowsWith(
    () => parseManifest(`${HEADER}\n${ROW1}\ne1/b.csv,e1,,e1-d01,s1,256,eeg,10\n`, M),
    `Cannot read manifest ${M}: line 3, column sensor: expected a value, got an empty field`,
  );
});

Deno.test("parseManifest() refuses a wrong field count and a missing column", () => {
  assertThrowsWith(
    () => parseManifest(`${HEADER}\ne1/b.csv,e1,s1,e1-d01,s1,256,10\n`, M),
    "line 2: expected 8 fields",
    "got 7",
  );
  assertThrowsWith(
    () => parseManifest("file,experiment,sensor,driver,session,channels,samples\nx\n", M),
    "line 1, column sample_rate: missing column; expected columns " + HEADER,
  );
});

Deno.test("parseManifest() refuses bad values with the field named", () => {
  const cases: [string, string][] = [
    [
      "e1/b.csv,e1,s1,e1-d01,s1,fast,eeg,10",
      "column sample_rate: expected a positive number of Hz, got 'fast'",
    ],
    [
      "e1/b.csv,e1,s1,e1-d01,s1,-256,eeg,10",
      "column sample_rate: expected a positive number of Hz, got '-256'",
    ],
    [
      "e1/b.csv,e1,s1,e1-d01,s1,256,eeg,1.5",
      "column samples: expected a positive whole number, got '1.5'",
    ],
    ["e1/b.csv,e1,s1,e1-d01,s1,256,eeg;eeg,10", "column channels: expected distinct channel names"],
    ["e1/b.csv,e1,s1,e1-d01,s1,256,eeg;time,10", "column channels"],
    [
      "../b.csv,e1,s1,e1-d01,s1,256,eeg,10",
      "column file: expected a path relative to the data-set folder",
    ],
    ["/abs/b.csv,e1,s1,e1-d01,s1,256,eeg,10", "column file"],
    ["e1/b.csv,e 1,s1,e1-d01,s1,256,eeg,10", "column experiment: expected an id"],
  ];
  for (const [row, expected] of cases) {
    assertThrowsWith(() => parseManifest(`${HEADER}\n${row}\n`, M), `${M}: line 2, ${expected}`);
  }
});

Deno.test("parseManifest() refuses duplicate files and duplicate recordings", () => {
  assertThrowsWith(
    () =>
      parseManifest(`${HEADER}\n${ROW1}\n${ROW2}\n${ROW1.replace("s1,e1-d01", "s3,e1-d01")}\n`, M),
    "line 4, column file: 'e1/e1-d01-s1-s1.csv' duplicates line 2",
  );
  assertThrowsWith(
    () => parseManifest(`${HEADER}\n${ROW1}\n${ROW1.replace("s1-s1.csv", "copy.csv")}\n`, M),
    "line 3: duplicate recording (experiment e1, sensor s1, driver e1-d01, session s1) already listed on line 2",
  );
});

Deno.test("parseManifest() refuses an empty manifest and a header-only manifest", () => {
  assertThrowsWith(
    () => parseManifest("", M),
    `${M}: the file is empty; expected a header line '${HEADER}'`,
  );
  assertThrowsWith(
    () => parseManifest(HEADER + "\n", M),
    "line 2: expected one row per recording, found none",
  );
});

Deno.test("readManifest() reports a missing manifest file", async () => {
  await assertRejectsWith(() => readManifest("/nonexistent/manifest.csv"), "does not exist");
});

Deno.test("isDatasetRelativePath() accepts only plain relative paths", () => {
  for (const p of ["a.csv", "e1/a-b_c.csv"]) assert.ok(isDatasetRelativePath(p), p);
  for (
    const p of [
      "",
      "/a.csv",
      "../a.csv",
      "a/../b.csv",
      "./a.csv",
      "a//b.csv",
      "a\\b.csv",
      "a b.csv",
    ]
  ) {
    assert.ok(!isDatasetRelativePath(p), p);
  }
});

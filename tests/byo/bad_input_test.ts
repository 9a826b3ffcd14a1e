/**
 * Bad input, kind by kind: each must stop the pipeline before any training with one line that
 * names the file, the line or field, and what was expected — and leave no output behind.
 */
import { join } from "node:path";
import { runPipeline } from "../../lib/byo/pipeline.ts";
import { assert, assertRejectsWith } from "../_assert.ts";
import { entries, FIXTURE_CONFIG, fixtureCopy, fixtureLines } from "./_fixture.ts";

interface BadInput {
  /** What is wrong, as in "rejects <kind>". */
  kind: string;
  /** Files to change (relative path → new text), computed from the fixture's lines. */
  changes?: () => Promise<Record<string, string>>;
  /** Config changes over the fixture's tiny config. */
  config?: Record<string, unknown>;
  /** The manifest to pass, relative to the copy (default manifest.csv). */
  manifest?: string;
  /** The output folder, relative to the copy (default: a fresh empty folder elsewhere). */
  out?: string;
  /** Fragments of the one-line message; `$` is the copy's folder. */
  message: string[];
}

/** The fixture file `file` with line `line` (1-based) passed through `edit`. */
async function editLine(file: string, line: number, edit: (cells: string[]) => string[]) {
  const lines = await fixtureLines(file);
  lines[line - 1] = edit(lines[line - 1].split(",")).join(",");
  return { [file]: lines.join("\n") + "\n" };
}

function set(index: number, value: string) {
  return (cells: string[]) => cells.map((c, i) => (i === index ? value : c));
}

const CASES: BadInput[] = [
  {
    kind: "a missing recording file",
    changes: () => editLine("manifest.csv", 3, set(0, "lab/s03.csv")),
    message: [
      "Cannot read recording $/lab/s03.csv: the file does not exist (listed in the manifest, line 3)",
    ],
  },
  {
    kind: "an empty recording file",
    changes: () => Promise.resolve({ "sim/x01.csv": "" }),
    message: [
      "Cannot read recording $/sim/x01.csv: the file is empty; expected a header line 'c1,c2,c3,c4'",
    ],
  },
  {
    kind: "a header without a declared channel",
    changes: () => editLine("lab/s02.csv", 1, set(4, "GSR")),
    message: [
      "Cannot read recording $/lab/s02.csv: line 1, column EDA: missing column (channel gsr, manifest line 3); the header has t_sec,Fp1,Fp2,ECG_II,GSR,state",
    ],
  },
  {
    kind: "a non-numeric sample",
    changes: () => editLine("road/r01.csv", 10, set(2, "n/a")),
    message: [
      "Cannot read recording $/road/r01.csv: line 10, column Heart: expected a number, got 'n/a'",
    ],
  },
  {
    kind: "a NaN sample",
    changes: () => editLine("sim/x01.csv", 5, set(0, "NaN")),
    message: [
      "Cannot read recording $/sim/x01.csv: line 5, column c1: expected a finite number, got 'NaN'",
    ],
  },
  {
    kind: "an infinite sample",
    changes: () => editLine("lab/s01.csv", 7, set(2, "Infinity")),
    message: [
      "Cannot read recording $/lab/s01.csv: line 7, column Fp2: expected a finite number, got 'Infinity'",
    ],
  },
  {
    kind: "a row with a wrong number of fields",
    changes: () => editLine("lab/s01.csv", 50, (c) => c.slice(0, 5)),
    message: [
      "Cannot read recording $/lab/s01.csv: line 50: expected 6 fields (t_sec,Fp1,Fp2,ECG_II,EDA,state), got 5",
    ],
  },
  {
    kind: "time stamps out of order",
    changes: () => editLine("road/r02.csv", 21, set(0, "0.25")),
    message: [
      "Cannot read recording $/road/r02.csv: line 21, column timestamp: expected a time after the previous sample's 0.2813 s (time stamps must increase), got 0.25",
    ],
  },
  {
    kind: "a sampling rate that contradicts the time stamps",
    changes: () => editLine("manifest.csv", 2, set(5, "128")),
    message: [
      "Cannot read recording $/lab/s01.csv: line 3, column t_sec: expected steps of 1 / 128 Hz = 0.0078125 s (sample_rate), but the median step of the time stamps is 0.01 s (100 Hz)",
    ],
  },
  {
    kind: "an unknown label",
    changes: () => editLine("lab/s02.csv", 300, set(5, "asleep")),
    message: [
      "Cannot read recording $/lab/s02.csv: line 300, column state: expected one of awake, drowsy (the label set) or an empty cell, got 'asleep'",
    ],
  },
  {
    kind: "a label file out of range",
    changes: () =>
      Promise.resolve({ "road/r01_events.csv": "start,end,label\n0,7.5,awake\n8,40,drowsy\n" }),
    message: [
      "Cannot read events $/road/r01_events.csv: line 3, column end: expected a time within recording $/road/r01.csv (0 … 16 s), got 40",
    ],
  },
  {
    kind: "overlapping events",
    changes: () =>
      Promise.resolve({ "road/r01_events.csv": "start,end,label\n0,9,awake\n8,16,drowsy\n" }),
    message: [
      "Cannot read events $/road/r01_events.csv: line 3, column start: expected a start at or after 9 (events must not overlap; line 2 ends there), got 8",
    ],
  },
  {
    kind: "a missing events file",
    changes: () => editLine("manifest.csv", 4, set(9, "road/none.csv")),
    message: ["Cannot read events $/road/none.csv: the file does not exist"],
  },
  {
    kind: "a manifest row with a missing field",
    changes: () => editLine("manifest.csv", 5, set(3, "")),
    message: [
      "Cannot read manifest $/manifest.csv: line 5, column subject: expected a value (the field is required), got nothing",
    ],
  },
  {
    kind: "duplicate recordings",
    changes: () =>
      editLine("manifest.csv", 6, (c) => [c[0], "road", "wristband", "r02", "a", ...c.slice(5)]),
    message: [
      "Cannot read manifest $/manifest.csv: line 6: duplicate recording (experiment road, sensor wristband, subject r02, session a), already listed (line 5)",
    ],
  },
  {
    kind: "a channel present in one experiment and not the other",
    changes: () => editLine("manifest.csv", 6, set(7, "eeg1=c1;eeg2=c2;ecg=c3")),
    message: [
      "Cannot use recording $/sim/x01.csv (manifest line 6, experiment sim): it maps channels eeg1;eeg2;ecg but $/lab/s01.csv (manifest line 2, experiment lab) maps eeg1;eeg2;ecg;gsr (missing gsr); every recording needs the same channel names",
    ],
  },
  {
    kind: "a window longer than a recording",
    config: { windowSeconds: 9 },
    message: [
      "Cannot use recording $/lab/s01.csv (manifest line 2, experiment lab): its longest contiguous stretch, between gaps (2 segments), lasts 8 s at 64 Hz, shorter than one window of 9 s",
    ],
  },
  {
    kind: "a missing manifest",
    manifest: "nope.csv",
    message: ["Cannot read manifest $/nope.csv: the file does not exist"],
  },
  {
    kind: "an empty manifest",
    changes: () => Promise.resolve({ "manifest.csv": "\n" }),
    message: [
      "Cannot read manifest $/manifest.csv: the file is empty; expected a header line 'file,experiment,sensor,subject,session,",
    ],
  },
  {
    kind: "an unknown manifest column",
    changes: () => editLine("manifest.csv", 1, (c) => [...c.slice(0, 9), "event"]),
    message: [
      "Cannot read manifest $/manifest.csv: line 1, column event: unknown column; expected columns among file,experiment,",
    ],
  },
  {
    kind: "a config with an unknown field",
    config: { windowSecond: 1 },
    message: [
      "Cannot use the pipeline config: unknown field 'windowSecond'; expected one of seed, labels,",
    ],
  },
  {
    kind: "an unwritable output",
    out: "manifest.csv/run",
    message: ["Cannot write output folder $/manifest.csv/run:"],
  },
];

for (const c of CASES) {
  Deno.test(`runPipeline() rejects ${c.kind} with one line naming where and what, and writes nothing`, async () => {
    const dir = await fixtureCopy(c.changes ? await c.changes() : {});
    const before = await entries(dir);
    const outRoot = await Deno.makeTempDir();
    const out = c.out ? join(dir, c.out) : join(outRoot, "run");
    const err = await assertRejectsWith(
      () =>
        runPipeline({
          manifest: join(dir, c.manifest ?? "manifest.csv"),
          out,
          config: { ...FIXTURE_CONFIG, ...c.config },
          log: () => {},
          progress: false,
        }),
      ...c.message.map((m) => m.replaceAll("$", dir)),
    );
    assert.ok(!err.message.includes("\n"), `one line: ${err.message}`);
    assert.deepEqual(await entries(outRoot), [], "no output or temporary folder");
    assert.deepEqual(await entries(dir), before, "nothing written beside the input");
  });
}

Deno.test("the bad-input tests cover at least 15 kinds", () => {
  assert.ok(CASES.length >= 15, String(CASES.length));
  assert.equal(new Set(CASES.map((c) => c.kind)).size, CASES.length);
});

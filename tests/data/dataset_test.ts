import { assert, assertRejectsWith } from "../_assert.ts";
import { DataError } from "../../lib/data/data_error.ts";
import { defaultRecordingFile, readDataset, writeDataset } from "../../lib/data/dataset.ts";
import { parseManifest } from "../../lib/data/manifest.ts";
import { sameBits, syntheticRecording } from "./_fixtures.ts";
import type { Recording } from "../../lib/data/recording.ts";

function threeRecordings(): Recording[] {
  return [
    syntheticRecording({ n: 120, seed: 1 }),
    syntheticRecording({ n: 80, seed: 2, sensor: "s3-noisy", mode: null, clean: false }),
    syntheticRecording({
      n: 64,
      seed: 3,
      experiment: "e2",
      driver: "e2-d04",
      session: "s2",
      sampleRate: 128,
      channels: ["eeg"],
    }),
  ];
}

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("writeDataset() then readDataset() returns bit-identical recordings in order", async () => {
  await withTempDir(async (dir) => {
    const recs = threeRecordings();
    const entries = await writeDataset(`${dir}/ds`, recs, {
      columns: (rec) => ({ origin: `synthetic-${rec.meta.sensor}` }),
      files: { "README.md": "# test\n" },
    });
    assert.deepEqual(entries.map((e) => e.file), [
      "e1/e1-d01-s1-s1.csv",
      "e1/e1-d01-s1-s3-noisy.csv",
      "e2/e2-d04-s2-s1.csv",
    ]);
    const back = await readDataset(`${dir}/ds`);
    assert.equal(back.length, 3);
    back.forEach((b, i) => {
      const a = recs[i];
      assert.deepEqual(b.meta, a.meta);
      assert.ok(sameBits(a.time, b.time));
      assert.deepEqual(b.modes, a.modes);
      a.signals.forEach((s, c) => assert.ok(sameBits(s, b.signals[c])));
      assert.equal(b.clean === null, a.clean === null);
      a.clean?.forEach((s, c) => assert.ok(sameBits(s, b.clean![c])));
    });
    const manifest = parseManifest(await Deno.readTextFile(`${dir}/ds/manifest.csv`));
    assert.deepEqual(manifest.map((e) => [e.samples, e.meta.sampleRate, e.extra.origin]), [
      [120, 256, "synthetic-s1"],
      [80, 256, "synthetic-s3-noisy"],
      [64, 128, "synthetic-s1"],
    ]);
    assert.equal(await Deno.readTextFile(`${dir}/ds/README.md`), "# test\n");
  });
});

Deno.test("defaultRecordingFile() is experiment/driver-session-sensor.csv", () => {
  assert.equal(defaultRecordingFile(threeRecordings()[2].meta), "e2/e2-d04-s2-s1.csv");
});

Deno.test("writeDataset() refuses duplicates, clashing names and unknown extras before writing", async () => {
  await withTempDir(async (dir) => {
    const [a, b] = threeRecordings();
    await assertRejectsWith(
      () => writeDataset(`${dir}/d1`, [a, b, a]),
      "recording 2 (experiment e1, sensor s1, driver e1-d01, session s1) duplicates recording 0",
    );
    await assertRejectsWith(
      () => writeDataset(`${dir}/d2`, [a, b], { fileName: () => "same.csv" }),
      "recording 1: file 'same.csv' is also the file of recording 0",
    );
    await assertRejectsWith(
      () => writeDataset(`${dir}/d3`, [a], { fileName: () => "../up.csv" }),
      "expected a relative path",
    );
    await assertRejectsWith(
      // deno-lint-ignore no-explicit-any
      () => writeDataset(`${dir}/d4`, [a], { fileNames: () => "x.csv" } as any),
      "unknown extra 'fileNames'",
    );
    const bad = syntheticRecording({ n: 10 });
    bad.signals[0][2] = Infinity;
    await assertRejectsWith(
      () => writeDataset(`${dir}/d5`, [a, bad]),
      "recording 1",
      "signals[0] (eeg)[2]",
    );
    for (const d of ["d1", "d2", "d3", "d4", "d5"]) {
      await assertRejectsWith(() => Deno.stat(`${dir}/${d}`), "No such file");
    }
  });
});

Deno.test("readDataset() names the manifest line of a missing recording file", async () => {
  await withTempDir(async (dir) => {
    await writeDataset(dir, threeRecordings());
    await Deno.remove(`${dir}/e1/e1-d01-s1-s3-noisy.csv`);
    await assertRejectsWith(
      () => readDataset(dir),
      `Cannot read manifest ${dir}/manifest.csv: line 3, column file: expected an existing file, 'e1/e1-d01-s1-s3-noisy.csv' does not exist`,
    );
  });
});

Deno.test("readDataset() refuses a sample count that disagrees with the manifest", async () => {
  await withTempDir(async (dir) => {
    await writeDataset(dir, threeRecordings());
    const path = `${dir}/manifest.csv`;
    const text = await Deno.readTextFile(path);
    await Deno.writeTextFile(path, text.replace(",eeg,64\n", ",eeg,65\n"));
    await assertRejectsWith(
      () => readDataset(dir),
      `Cannot read recording ${dir}/e2/e2-d04-s2-s1.csv: expected 65 samples (manifest.csv line 4, column samples), got 64 data rows`,
    );
  });
});

Deno.test("readDataset() refuses a recording whose rate disagrees with the manifest", async () => {
  await withTempDir(async (dir) => {
    await writeDataset(dir, threeRecordings());
    const path = `${dir}/manifest.csv`;
    const text = await Deno.readTextFile(path);
    await Deno.writeTextFile(path, text.replace(",128,eeg,", ",100,eeg,"));
    await assertRejectsWith(
      () => readDataset(dir),
      `Cannot read recording ${dir}/e2/e2-d04-s2-s1.csv: line`,
      "column time",
      "sample_rate 100 Hz",
    );
  });
});

Deno.test("readDataset() refuses a corrupt value with file, line and column", async () => {
  await withTempDir(async (dir) => {
    await writeDataset(dir, threeRecordings());
    const path = `${dir}/e1/e1-d01-s1-s1.csv`;
    const lines = (await Deno.readTextFile(path)).split("\n");
    const fields = lines[13].split(",");
    fields[4] = "x"; // time,mode,eeg,ecg,gsr,… → gsr
    lines[13] = fields.join(",");
    await Deno.writeTextFile(path, lines.join("\n"));
    const e = await assertRejectsWith(
      () => readDataset(dir),
      `Cannot read recording ${path}: line 14, column gsr: expected a number, got 'x'`,
    );
    assert.ok(e instanceof DataError);
  });
});

Deno.test("readDataset() reports a folder without a manifest", async () => {
  await withTempDir(async (dir) => {
    await assertRejectsWith(
      () => readDataset(dir),
      `Cannot read manifest ${dir}/manifest.csv: the file does not exist`,
    );
  });
});

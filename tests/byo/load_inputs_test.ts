import { join } from "node:path";
import { PipelineInputError } from "../../lib/byo/input_error.ts";
import { loadPipelineInputs, type PipelineLoadOptions } from "../../lib/byo/load_inputs.ts";
import { assert, assertRejectsWith } from "../_assert.ts";
import { FIXTURE, fixtureCopy, fixtureLines } from "./_fixture.ts";

const OPTIONS: PipelineLoadOptions = {
  labels: ["awake", "drowsy"],
  gapFactor: 1.5,
  channels: null,
  sampleRate: null,
  windowSeconds: 1,
  strideSeconds: null,
};

async function problems(
  dir: string,
  options: Partial<PipelineLoadOptions> = {},
): Promise<string[]> {
  try {
    await loadPipelineInputs(join(dir, "manifest.csv"), { ...OPTIONS, ...options });
  } catch (e) {
    if (e instanceof PipelineInputError) return e.problems;
    throw e;
  }
  throw new Error("expected a PipelineInputError");
}

Deno.test("loadPipelineInputs() reads the fixture: common channels, the lowest rate, 1-s windows", async () => {
  const calls: number[] = [];
  const inputs = await loadPipelineInputs(join(FIXTURE, "manifest.csv"), {
    ...OPTIONS,
    onFile: (done, total) => calls.push(done / total),
  });
  assert.equal(inputs.recordings.length, 5);
  assert.deepEqual(inputs.plan, {
    channels: ["eeg1", "eeg2", "ecg", "gsr"],
    sampleRate: 64,
    length: 64,
    stride: 64,
  });
  assert.deepEqual(calls, [0.2, 0.4, 0.6, 0.8, 1]);
  const fixed = await loadPipelineInputs(join(FIXTURE, "manifest.csv"), {
    ...OPTIONS,
    channels: ["gsr", "eeg1"],
    sampleRate: 32,
    strideSeconds: 0.5,
  });
  assert.deepEqual(fixed.plan, {
    channels: ["gsr", "eeg1"],
    sampleRate: 32,
    length: 32,
    stride: 16,
  });
});

Deno.test("loadPipelineInputs() reports the first problem of every file at once, in manifest order", async () => {
  const s02 = await fixtureLines("lab/s02.csv");
  const cells = s02[5].split(",");
  cells[4] = "x"; // line 6: EDA is not a number
  s02[5] = cells.join(",");
  const dir = await fixtureCopy({
    "lab/s02.csv": s02.join("\n"),
    "road/r01_events.csv": "start,end,label\n0,7.5,awake\n8,40,drowsy\n",
    "sim/x01.csv": "",
  });
  const lines = await problems(dir);
  assert.deepEqual(lines, [
    `Cannot read recording ${dir}/lab/s02.csv: line 6, column EDA: expected a number, got 'x'`,
    `Cannot read events ${dir}/road/r01_events.csv: line 3, column end: expected a time within recording ${dir}/road/r01.csv (0 … 16 s), got 40`,
    `Cannot read recording ${dir}/sim/x01.csv: the file is empty; expected a header line 'c1,c2,c3,c4'`,
  ]);
  const err = await assertRejectsWith(
    () => loadPipelineInputs(join(dir, "manifest.csv"), OPTIONS),
    "3 problems in the input, one per line:\n",
  );
  assert.equal(err.message.split("\n").length, 4);
});

Deno.test("loadPipelineInputs() rejects a channel present in one experiment and not another", async () => {
  const manifest = (await fixtureLines("manifest.csv")).map((l) =>
    l.replace("eeg1=c1;eeg2=c2;ecg=c3;gsr=c4", "eeg1=c1;eeg2=c2;ecg=c3;resp=c4")
  );
  const dir = await fixtureCopy({ "manifest.csv": manifest.join("\n") });
  const [line] = await problems(dir);
  assert.equal(
    line,
    `Cannot use recording ${dir}/sim/x01.csv (manifest line 6, experiment sim): it maps channels eeg1;eeg2;ecg;resp but ${dir}/lab/s01.csv (manifest line 2, experiment lab) maps eeg1;eeg2;ecg;gsr (missing gsr; extra resp); every recording needs the same channel names, or set "channels" in the config to the ones to use`,
  );
  // Using only the shared channels is fine; asking for one a recording lacks is not.
  const ok = await loadPipelineInputs(join(dir, "manifest.csv"), {
    ...OPTIONS,
    channels: ["eeg1", "ecg"],
  });
  assert.deepEqual(ok.plan.channels, ["eeg1", "ecg"]);
  const [missing] = await problems(dir, { channels: ["eeg1", "gsr"] });
  assert.ok(
    missing.startsWith(
      `Cannot use recording ${dir}/sim/x01.csv (manifest line 6, experiment sim): no channel gsr; it maps eeg1=c1;eeg2=c2;ecg=c3;resp=c4 and the config needs eeg1, gsr`,
    ),
    missing,
  );
});

Deno.test("loadPipelineInputs() rejects a window longer than a recording, counting gaps", async () => {
  const lines = await problems(FIXTURE, { windowSeconds: 9 });
  // lab/s01 has 8 s on either side of its gap; every other recording lasts 16 s.
  assert.deepEqual(lines, [
    `Cannot use recording ${FIXTURE}lab/s01.csv (manifest line 2, experiment lab): its longest contiguous stretch, between gaps (2 segments), lasts 8 s at 64 Hz, shorter than one window of 9 s; expected a recording at least one window long (use shorter windows, windowSeconds, or leave it out)`,
  ]);
  const tiny = await problems(FIXTURE, { windowSeconds: 0.1 });
  assert.deepEqual(tiny, [
    "Cannot use config: windowSeconds 0.1 × 64 Hz = 6 samples; expected at least 16 samples per window",
  ]);
});

Deno.test("loadPipelineInputs() collects manifest row problems with the recordings' problems", async () => {
  const manifest = await fixtureLines("manifest.csv");
  manifest.push(manifest[1]); // lab/s01 again
  manifest[3] = manifest[3].replace(
    "road/r01.csv,road,wristband,r01,a,64",
    "road/r01.csv,road,wristband,r01,a,",
  ); // no rate, no time column
  const dir = await fixtureCopy({
    "manifest.csv": manifest.join("\n"),
    "lab/s02.csv": "t_sec,Fp1\n0,1\n",
  });
  const lines = await problems(dir);
  assert.deepEqual(lines, [
    `Cannot read manifest ${dir}/manifest.csv: line 4, column sample_rate: expected a sampling rate in Hz, or a time_column to derive it from, got nothing`,
    `Cannot read manifest ${dir}/manifest.csv: line 7: file 'lab/s01.csv' is already listed (line 2); expected each recording once`,
    `Cannot read recording ${dir}/lab/s02.csv: line 1, column Fp2: missing column (channel eeg2, manifest line 3); the header has t_sec,Fp1`,
  ]);
});

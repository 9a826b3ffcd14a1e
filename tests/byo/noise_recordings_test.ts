import { join } from "node:path";
import { loadPipelineInputs } from "../../lib/byo/load_inputs.ts";
import { noiseStudyRecordings } from "../../lib/byo/noise_recordings.ts";
import { noiseStudy } from "../../lib/stats/noise_study.ts";
import { assert } from "../_assert.ts";
import { FIXTURE } from "./_fixture.ts";

Deno.test("noiseStudyRecordings() gives one native-rate recording per long-enough segment", async () => {
  const inputs = await loadPipelineInputs(join(FIXTURE, "manifest.csv"), {
    labels: ["awake", "drowsy"],
    gapFactor: 1.5,
    channels: null,
    sampleRate: null,
    windowSeconds: 1,
    strideSeconds: null,
  });
  const all = noiseStudyRecordings(inputs.recordings, ["gsr", "eeg1"], 4);
  // 5 recordings, lab/s01 split in two by its gap.
  assert.equal(all.recordings.length, 6);
  assert.equal(all.skipped, 0);
  const [a, b] = all.recordings;
  assert.deepEqual([a.meta.session, b.meta.session], ["1", "1#1"]);
  assert.equal(a.meta.sampleRate, 100);
  assert.equal(a.time.length, 800);
  assert.equal(b.time[0], 11);
  assert.deepEqual(a.meta.channels, ["gsr", "eeg1"]);
  // Channel order follows the request: gsr is the fixture's EDA column (≈ 5 µS awake).
  assert.ok(Math.abs(a.signals[0][0] - 5) < 0.1);
  assert.equal(a.clean, null);
  const long = noiseStudyRecordings(inputs.recordings, ["gsr"], 10);
  assert.equal(long.recordings.length, 4);
  assert.equal(long.skipped, 2);
  // Without ground truth the study still measures the blind metrics.
  const rows = noiseStudy(all.recordings);
  assert.equal(rows.length, 3 * 2);
  assert.ok(rows.every((r) => r.snrDb === null && r.madDiffSigma.mean > 0));
  // The road sensor was made 3× noisier than the lab cap (see make_fixtures.ts).
  const sigma = (e: string) =>
    rows.find((r) => r.experiment === e && r.channel === "eeg1")!.madDiffSigma.mean;
  assert.ok(sigma("road") > 1.5 * sigma("lab"), `${sigma("road")} vs ${sigma("lab")}`);
});

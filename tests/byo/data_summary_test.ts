import { join } from "node:path";
import { cutWindows } from "../../lib/byo/cut_windows.ts";
import { dataSummaryMarkdown, summarizeInputs } from "../../lib/byo/data_summary.ts";
import { loadPipelineInputs } from "../../lib/byo/load_inputs.ts";
import { assert } from "../_assert.ts";
import { FIXTURE } from "./_fixture.ts";

Deno.test("summarizeInputs() counts the fixture's recordings, gaps, hours and windows per experiment", async () => {
  const labels = ["awake", "drowsy"];
  const inputs = await loadPipelineInputs(join(FIXTURE, "manifest.csv"), {
    labels,
    gapFactor: 1.5,
    channels: null,
    sampleRate: null,
    windowSeconds: 1,
    strideSeconds: null,
  });
  const { windows } = cutWindows(inputs.recordings, inputs.plan, {
    labelPolicy: "pure",
    normalize: "none",
  });
  const s = summarizeInputs(inputs.recordings, windows, labels);
  assert.deepEqual(s.map((e) => e.experiment), ["lab", "road", "sim"]);
  const [lab, road, sim] = s;
  assert.deepEqual(lab.sampleRates, [100]);
  assert.equal(lab.gaps, 1);
  assert.equal(lab.recordings, 2);
  assert.equal(lab.hours, Number((32 / 3600).toPrecision(4)));
  // 16 windows per recording; the gap of s01 splits 16 s into 8 + 8 (no loss at 1-s windows).
  assert.equal(lab.windows, 32);
  // The first second is unlabelled; 15 labelled windows per lab recording.
  assert.equal(lab.labelledWindows, 30);
  assert.deepEqual(lab.labelCounts, { awake: 14, drowsy: 16 });
  assert.equal(road.labelledRecordings, 2);
  assert.equal(road.labelledWindows, 31); // r01's window at 7–8 s straddles its unlabelled 7.5–8 s
  assert.equal(sim.labelledRecordings, 0);
  assert.equal(sim.labelledWindows, 0);
  const md = dataSummaryMarkdown(s);
  assert.equal(md.trimEnd().split("\n").length, 5);
  assert.ok(md.includes("| lab | wet-cap | 2 | 2 | 100 | 0.008889 | 1 | 2 | 32 | 30 |"), md);
});

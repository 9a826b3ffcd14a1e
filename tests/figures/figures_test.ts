import { assert } from "../_assert.ts";
import {
  blindNoiseFigure,
  deviceConfig,
  driveFigure,
  experimentsFigure,
  generateRecording,
  historyFigure,
  modeExamples,
  modeExamplesFigure,
  modeSpectraFigure,
  noiseSpectrumFigure,
  noiseStudy,
  renderSvg,
  sensorComparisonFigure,
  snrFigure,
  throughSensor,
} from "../../lib/mod.ts";

const cfg = deviceConfig({ seed: 5 }, { scale: 0.25 });

async function renders(spec: unknown, minMarks: number, what: string) {
  // deno-lint-ignore no-explicit-any
  const svg = await renderSvg(spec as any);
  const marks = (svg.match(/<path|<rect|<line|<circle/g) ?? []).length;
  assert.ok(svg.startsWith("<svg"), `${what}: not an SVG`);
  assert.ok(marks >= minMarks, `${what}: ${marks} marks < ${minMarks}`);
}

Deno.test("the story and signal figures compile and render with data marks", async () => {
  await renders(experimentsFigure(cfg), 4, "experimentsFigure");
  await renders(historyFigure(), 7, "historyFigure");
  const ex = modeExamples(8, 128, 1);
  await renders(modeExamplesFigure(ex), 12, "modeExamplesFigure");
  await renders(modeSpectraFigure(ex), 4, "modeSpectraFigure");
  const gen = generateRecording(cfg, cfg.experiments[0], 0, 1);
  await renders(driveFigure(gen), 6, "driveFigure");
  const c = throughSensor(gen.recording, "C-wearable", 1);
  await renders(sensorComparisonFigure(gen.recording, c, 10, 5), 9, "sensorComparisonFigure");
});

Deno.test("the noise figures render one bar per sensor and channel", async () => {
  const recs = cfg.experiments.map((e) => generateRecording(cfg, e, 0, 1).recording);
  const rows = noiseStudy(recs);
  await renders(snrFigure(rows), 12, "snrFigure");
  await renders(noiseSpectrumFigure(rows, "eeg"), 4, "noiseSpectrumFigure");
  await renders(blindNoiseFigure(rows, "eeg"), 4, "blindNoiseFigure");
});

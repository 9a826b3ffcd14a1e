import type { NoiseStudyRow } from "../../lib/stats/noise_study.ts";
import { formatSig3, noiseTableMarkdown } from "../../lib/stats/noise_table.ts";
import { assert } from "../_assert.ts";

const ms = (mean: number, sd: number | null) => ({ mean, sd, n: sd === null ? 1 : 3 });
const spectrum = { freqs: new Float32Array(1), psd: new Float32Array(1) };
const row: NoiseStudyRow = {
  experiment: "e1",
  sensor: "s4-noisy",
  channel: "eeg",
  recordings: 3,
  snrDb: ms(10.94, 0.123),
  snrDbRaw: ms(8.1, 0.2),
  gain: ms(1, 0),
  offset: ms(0, 0),
  noiseRms: ms(4.5278, 0.01),
  drift: ms(0.000012345, null),
  driftSlope: ms(0, 0),
  kurtosis: null,
  artifactRate: ms(0, 0),
  madDiffSigma: ms(4, 0.5),
  mainsHz: 50,
  mainsPeakDb: ms(16.3, 0.4),
  spikeRate: ms(2, 1),
  clipFraction: ms(0.0123, 0.001),
  quantStep: ms(0.1, 0),
  baselineWander: ms(1, 0),
  noisePsd: spectrum,
  sensedPsd: spectrum,
};

Deno.test("formatSig3() keeps 3 significant digits", () => {
  assert.equal(formatSig3(10.94), "10.9");
  assert.equal(formatSig3(0.000012345), "1.23e-5");
  assert.equal(formatSig3(123456), "1.23e+5");
  assert.equal(formatSig3(0), "0");
  assert.equal(formatSig3(-4.5278), "-4.53");
});

Deno.test("noiseTableMarkdown() writes a header, an alignment line and one line per row", () => {
  const md = noiseTableMarkdown([row, { ...row, sensor: "s1" }]);
  const lines = md.trimEnd().split("\n");
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^\| experiment \| sensor \| channel \| n \| SNR dB \|/);
  assert.equal(lines[1].split("|").length, lines[0].split("|").length);
  assert.equal(
    lines[2],
    "| e1 | s4-noisy | eeg | 3 | 10.9 ± 0.123 | 8.1 ± 0.2 | 4.53 ± 0.01 | 1.23e-5 | — | 0 ± 0 " +
      "| 4 ± 0.5 | 16.3 ± 0.4 @50 | 2 ± 1 | 1.23 ± 0.1 |",
  );
});

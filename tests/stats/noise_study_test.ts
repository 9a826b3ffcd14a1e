import type { Recording } from "../../lib/data/recording.ts";
import type { NoiseMetricsOptions } from "../../lib/stats/channel_noise.ts";
import { bandPower } from "../../lib/stats/band_power.ts";
import { meanSpectrum, noiseStudy } from "../../lib/stats/noise_study.ts";
import type { Psd } from "../../lib/stats/welch_psd.ts";
import { assert, assertAllClose, assertClose, assertThrowsWith } from "../_assert.ts";
import { add, sine, white } from "./_signals.ts";

const fs = 128, n = fs * 60;

/** A two-channel recording whose sensor adds white noise of sd `sigma` (and 50 Hz hum). */
function recording(
  sensor: string,
  session: string,
  sigma: number,
  hum: number,
  clean = true,
): Recording {
  const eeg = add(sine(n, fs, 10, 20), sine(n, fs, 5, 10));
  const gsr = add(new Float32Array(n).fill(5), sine(n, fs, 0.02, 0.5));
  const seed = `${sensor}-${session}`;
  return {
    meta: {
      experiment: "e1",
      sensor,
      driver: "e1-d01",
      session,
      sampleRate: fs,
      channels: ["eeg", "gsr"],
    },
    time: Float64Array.from({ length: n }, (_, i) => i / fs),
    modes: null,
    signals: [
      add(eeg, white(n, sigma, seed + "eeg"), sine(n, fs, 50, hum)),
      add(gsr, white(n, sigma / 100, seed + "gsr")),
    ],
    clean: clean ? [eeg, gsr] : null,
  };
}

Deno.test("noiseStudy() ranks a noisy sensor below a quiet one, per channel", () => {
  const recs = [
    recording("s4-noisy", "s1", 4, 3),
    recording("s1", "s1", 0.5, 0),
    recording("s4-noisy", "s2", 4, 3),
    recording("s1", "s2", 0.5, 0),
  ];
  const rows = noiseStudy(recs);
  assert.deepEqual(rows.map((r) => `${r.sensor}/${r.channel}`), [
    "s1/eeg",
    "s1/gsr",
    "s4-noisy/eeg",
    "s4-noisy/gsr",
  ]);
  const [quiet, quietGsr, noisy, noisyGsr] = rows;
  assert.equal(quiet.recordings, 2);
  // EEG variance 200 + 50 = 250: quiet 10·log10(250/0.25) = 30 dB; noisy with hum (power 4.5)
  // 10·log10(250/(16 + 4.5)) = 10.9 dB.
  assertClose(quiet.snrDb!.mean, 30, { atol: 0.25 }); // ±3 standard errors
  assertClose(noisy.snrDb!.mean, 10 * Math.log10(250 / 20.5), { atol: 0.25 });
  assert.equal(noisy.snrDb!.n, 2);
  assert.ok(noisy.snrDb!.sd !== null && noisy.snrDb!.sd < 0.2);
  assertClose(quiet.noiseRms!.mean, 0.5, { rtol: 0.02 });
  // MAD of differences sees the white noise on the slow GSR (on EEG the 10 Hz sine dominates Δx).
  assertClose(quietGsr.madDiffSigma.mean, 0.005, { rtol: 0.05 });
  assertClose(noisyGsr.madDiffSigma.mean, 0.04, { rtol: 0.05 });
  assert.equal(noisy.mainsHz, 50);
  assert.ok(noisy.mainsPeakDb!.mean > 15 && Math.abs(quiet.mainsPeakDb!.mean) < 3);
  assertClose(noisyGsr.noiseRms!.mean, 0.04, { rtol: 0.02 });
  // The averaged noise PSD integrates to the noise power.
  assertClose(bandPower({ ...noisy.noisePsd!, df: fs / 512 } as Psd, 0, Infinity), 20.5, {
    rtol: 0.05,
  });
  assert.equal(noisy.sensedPsd.freqs.length, 257);
});

Deno.test("noiseStudy() leaves ground-truth metrics null without clean signals", () => {
  const rows = noiseStudy([recording("s2", "s1", 1, 0, false), recording("s2", "s2", 1, 0, true)]);
  assert.equal(rows[0].snrDb!.n, 1);
  assert.equal(rows[0].snrDb!.sd, null);
  assert.equal(rows[0].madDiffSigma.n, 2);
  const none = noiseStudy([recording("s2", "s1", 1, 0, false)]);
  assert.equal(none[0].snrDb, null);
  assert.equal(none[0].noisePsd, null);
});

Deno.test("noiseStudy() names the recording and channel in errors", () => {
  const bad = recording("s3", "s9", 1, 0);
  bad.signals[1][7] = NaN;
  assertThrowsWith(() => noiseStudy([bad]), "e1/s3/e1-d01/s9", "channel gsr", "NaN at sample 7");
  const short = recording("s3", "s1", 1, 0);
  short.signals.pop();
  assertThrowsWith(() => noiseStudy([short]), "recordings[0]", "2 names but there are 1 signals");
  assertThrowsWith(() => noiseStudy([]), "non-empty");
  assertThrowsWith(
    () => noiseStudy([bad], { foo: 1 } as unknown as NoiseMetricsOptions),
    'unknown option "foo"',
  );
});

Deno.test("meanSpectrum() interpolates onto the grid with the lowest Nyquist", () => {
  const mk = (df: number, vals: number[]): Psd => ({
    freqs: Float32Array.from(vals.map((_, k) => k * df)),
    psd: Float32Array.from(vals),
    df,
    sampleRate: 2 * df * (vals.length - 1),
    segmentLength: 2 * (vals.length - 1),
    nfft: 2 * (vals.length - 1),
    segments: 1,
  });
  const m = meanSpectrum([mk(1, [2, 4, 6, 8, 10]), mk(1, [0, 0, 0]), mk(0.5, [1, 2, 3, 4, 5])]);
  assertAllClose(m.freqs, [0, 1, 2]);
  // Third PSD at 0, 1, 2 Hz → bins 0, 2, 4 → 1, 3, 5.
  assertAllClose(m.psd, [(2 + 0 + 1) / 3, (4 + 0 + 3) / 3, (6 + 0 + 5) / 3], { atol: 1e-6 });
});

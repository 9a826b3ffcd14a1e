import { windowFeatureMatrix } from "../../lib/finetune/window_feature_matrix.ts";
import { FEATURE_NAMES, windowFeatures } from "../../lib/features/window_features.ts";
import { getWindowChannel } from "../../lib/data/window_set.ts";
import { makeWindows } from "../../lib/data/windows.ts";
import { deviceConfig } from "../../lib/device/experiment.ts";
import { generateRecording } from "../../lib/device/generate.ts";
import { assert, assertThrowsWith } from "../_assert.ts";
import { protocolWindows } from "./_windows.ts";

Deno.test("windowFeatureMatrix() holds windowFeatures() of every window, row by row", () => {
  const cfg = deviceConfig({}, { scale: 0.1 });
  const rec = generateRecording(cfg, cfg.experiments[0], 0, 1).recording;
  const ws = makeWindows([rec], { length: 512, sampleRate: 128 });
  const m = windowFeatureMatrix(ws);
  const F = FEATURE_NAMES.length;
  assert.equal(m.length, ws.n * F);
  for (const i of [0, ws.n - 1]) {
    const want = windowFeatures({
      sampleRate: 128,
      channels: ws.channels,
      signals: ws.channels.map((c) => getWindowChannel(ws, i, c)),
    });
    assert.deepEqual(m.subarray(i * F, (i + 1) * F), want);
  }
});

Deno.test("windowFeatureMatrix() needs the eeg, ecg and gsr channels", () => {
  const ws = protocolWindows({ drivers: [1], unlabelled: 0 });
  assertThrowsWith(
    () => windowFeatureMatrix({ ...ws, channels: ["eeg", "ecg", "emg"] }),
    'lack channel "gsr"',
  );
});

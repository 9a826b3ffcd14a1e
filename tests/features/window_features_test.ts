import { FEATURE_NAMES, windowFeatures } from "../../lib/features/window_features.ts";
import type { PhysioWindow } from "../../lib/features/physio_window.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { add, sine, white } from "../stats/_signals.ts";
import { syntheticEcg, syntheticGsr } from "./_synth.ts";

const fs = 256, seconds = 30, n = fs * seconds;
const { ecg, rTimes } = syntheticEcg("wf-ecg", fs, seconds, { meanRr: 0.8 });
const window: PhysioWindow = {
  sampleRate: fs,
  channels: ["eeg", "ecg", "gsr"],
  signals: [
    add(sine(n, fs, 10, 10), white(n, 1, "wf-eeg")),
    ecg,
    syntheticGsr("wf-gsr", fs, seconds, [{ onset: 3, amp: 0.1 }, { onset: 12, amp: 0.2 }, {
      onset: 21,
      amp: 0.05,
    }]),
  ],
};

Deno.test("windowFeatures() returns the named features in FEATURE_NAMES order", () => {
  const f = windowFeatures(window);
  assert.equal(f.length, FEATURE_NAMES.length);
  const get = (name: (typeof FEATURE_NAMES)[number]) => f[FEATURE_NAMES.indexOf(name)];
  assertClose(get("eeg_alpha"), 50, { rtol: 0.03 });
  assert.ok(get("eeg_theta_alpha") < 0.02);
  assertClose(get("eeg_alpha_rel"), 0.99, { atol: 0.01 });
  const trueHr = (60 * (rTimes.length - 1)) / (rTimes[rTimes.length - 1] - rTimes[0]);
  assertClose(get("ecg_hr_bpm"), trueHr, { atol: 1 });
  assert.ok(get("ecg_rmssd_ms") > 20 && get("ecg_rmssd_ms") < 80);
  assertClose(get("gsr_tonic_us"), 4.05, { atol: 0.1 });
  assertClose(get("gsr_scr_per_min"), 6); // 3 SCRs in half a minute
  assertClose(get("gsr_scr_amp_us"), (0.1 + 0.2 + 0.05) / 3, { rtol: 0.1 });
});

Deno.test("windowFeatures() names the missing channel", () => {
  const w = { ...window, channels: ["eeg", "ekg", "gsr"] };
  assertThrowsWith(() => windowFeatures(w), "windowFeatures", 'lacks channel "ecg"');
});

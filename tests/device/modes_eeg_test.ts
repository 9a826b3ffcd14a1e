import { assert } from "../_assert.ts";
import { eegBandPowers } from "../../lib/features/eeg_band_powers.ts";
import { modeExamples } from "../../lib/device/examples.ts";

Deno.test("generateEeg() has a higher theta/alpha ratio when drowsy than alert, for every driver", () => {
  for (let seed = 1; seed <= 5; seed++) {
    const [alert, normal, drowsy, asleep] = modeExamples(60, 128, seed).map((r) =>
      eegBandPowers(r.signals[0], 128)
    );
    // Designed amplitudes: theta/alpha power ratio alert (4/4)² = 1, drowsy (10/6)² ≈ 2.8.
    assert.ok(drowsy.thetaAlphaRatio > 1.8 * alert.thetaAlphaRatio, `seed ${seed}`);
    assert.ok(asleep.thetaAlphaRatio > drowsy.thetaAlphaRatio, `seed ${seed}`);
    // Alpha peaks in relaxed wakefulness; delta dominates sleep; beta falls.
    assert.ok(normal.absolute.alpha > alert.absolute.alpha, `seed ${seed}`);
    assert.ok(asleep.relative.delta > 0.6, `seed ${seed}: ${asleep.relative.delta}`);
    assert.ok(alert.absolute.beta > 3 * asleep.absolute.beta, `seed ${seed}`);
  }
});

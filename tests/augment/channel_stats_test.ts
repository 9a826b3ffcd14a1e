import { channelMeans, channelStandardDeviations } from "../../lib/augment/channel_stats.ts";
import { assertAllClose } from "../_assert.ts";

Deno.test("channelMeans() and channelStandardDeviations() work per interleaved channel", () => {
  // Channel 0: 1, 3 (mean 2, sd 1); channel 1: 10, 10 (mean 10, sd 0); channel 2: 0, -4.
  const w = new Float32Array([1, 10, 0, 3, 10, -4]);
  assertAllClose(channelMeans(w, 2, 3), [2, 10, -2]);
  assertAllClose(channelStandardDeviations(w, 2, 3), [1, 0, 2]);
});

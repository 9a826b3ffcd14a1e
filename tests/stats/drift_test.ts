import { driftRms, driftSlopePerMinute } from "../../lib/stats/drift.ts";
import { assertClose } from "../_assert.ts";
import { add, sine, white } from "./_signals.ts";

Deno.test("driftSlopePerMinute() recovers a linear trend under white noise", () => {
  const fs = 128, n = fs * 300;
  const ramp = new Float32Array(n).map((_, i) => (0.5 * i) / fs / 60 + 3);
  assertClose(driftSlopePerMinute(add(ramp, white(n, 0.1, "drift-ramp")), fs), 0.5, { rtol: 0.01 });
});

Deno.test("driftRms() is the RMS of the slow part and ignores the offset", () => {
  const fs = 128, n = fs * 200;
  const x = add(sine(n, fs, 0.05, 1), white(n, 1, "drift-slow"), new Float32Array(n).fill(4));
  assertClose(driftRms(x, fs), Math.SQRT1_2, { rtol: 0.03 });
});

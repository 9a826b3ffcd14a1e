import { gsrTonicLevel } from "../../lib/features/gsr_tonic.ts";
import { assertClose } from "../_assert.ts";
import { syntheticGsr } from "./_synth.ts";

Deno.test("gsrTonicLevel() is the window median", () => {
  assertClose(gsrTonicLevel(Float32Array.from([5, 1, 9, 2, 3])), 3);
});

Deno.test("gsrTonicLevel() ignores a few SCR bumps on the tonic level", () => {
  const x = syntheticGsr("tonic", 64, 60, [{ onset: 10, amp: 0.3 }, { onset: 40, amp: 0.2 }]);
  // Tonic 4 µS + drift ≤ 0.05 µS + 0.05 µS slow sine: the median stays within 0.1 µS of 4.
  assertClose(gsrTonicLevel(x), 4.05, { atol: 0.06 });
});

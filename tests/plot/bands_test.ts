import { assert, assertThrowsWith } from "../_assert.ts";
import { bandsFromLabels, checkBands } from "../../lib/plot/bands.ts";

const MODES = ["alert", "normal", "drowsy", "asleep"];

Deno.test("bandsFromLabels() turns runs of equal labels into bands ending at the next run", () => {
  const time = [0, 0.5, 1, 1.5, 2, 2.5];
  const labels = Uint8Array.from([0, 0, 2, 2, 2, 3]);
  assert.deepEqual(bandsFromLabels(time, labels, MODES), [
    { start: 0, end: 1, label: "alert" },
    { start: 1, end: 2.5, label: "drowsy" },
    { start: 2.5, end: 3, label: "asleep" }, // last band: one sample step past the end
  ]);
});

Deno.test("bandsFromLabels() leaves unlabelled samples out and accepts string labels", () => {
  assert.deepEqual(bandsFromLabels([0, 1, 2, 3], ["a", null, null, "b"]), [
    { start: 0, end: 1, label: "a" },
    { start: 3, end: 4, label: "b" },
  ]);
  assert.deepEqual(bandsFromLabels([], []), []);
});

Deno.test("bandsFromLabels() rejects labels missing from names and mismatched lengths", () => {
  assertThrowsWith(() => bandsFromLabels([0, 1], [0, 9], MODES), "labels[1] is 9", "names");
  assertThrowsWith(() => bandsFromLabels([0, 1], [0]), "time has 2", "labels has 1");
});

Deno.test("checkBands() rejects a band without a label", () => {
  assertThrowsWith(
    () => checkBands("f", "bands", [{ start: 0, end: 1, label: "" }]),
    "f: bands[0]",
  );
  assert.equal(checkBands("f", "bands", []).length, 0);
});

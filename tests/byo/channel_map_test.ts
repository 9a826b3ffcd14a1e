import { formatChannelMap, parseChannelMap } from "../../lib/byo/channel_map.ts";
import { assert } from "../_assert.ts";

Deno.test("parseChannelMap() maps names to columns, a bare name to the column of that name", () => {
  assert.deepEqual(parseChannelMap("eeg=Fp1; ecg = ECG II ;gsr"), [
    { name: "eeg", column: "Fp1" },
    { name: "ecg", column: "ECG II" },
    { name: "gsr", column: "gsr" },
  ]);
  assert.deepEqual(parseChannelMap("eeg=Fp1;"), [{ name: "eeg", column: "Fp1" }]);
});

Deno.test("formatChannelMap() round-trips through parseChannelMap()", () => {
  for (const text of ["eeg=Fp1;ecg=ECG_II;gsr=EDA", "eeg;ecg=Heart", "x.1=a"]) {
    const parsed = parseChannelMap(text);
    assert.ok(Array.isArray(parsed), String(parsed));
    assert.equal(formatChannelMap(parsed as never), text);
  }
});

Deno.test("parseChannelMap() says what it expected for malformed mappings", () => {
  const cases: [string, string][] = [
    ["", "at least one channel"],
    ["eeg=Fp1;eeg=Fp2", "distinct channel names, 'eeg' appears twice"],
    ["eeg=Fp1;ecg=Fp1", "distinct columns, 'Fp1' is mapped twice"],
    ["eeg=", "a column for channel 'eeg'"],
    ["=Fp1", "'name=column' pairs joined with ';'"],
    ["a=b=c", "'name=column' pairs joined with ';'"],
    ["time=t", "a channel name of names of letters"],
    ["e e g=Fp1", "a channel name of names of letters"],
    ["eeg_clean=x", "a channel name of"],
  ];
  for (const [text, expected] of cases) {
    const r = parseChannelMap(text);
    assert.equal(typeof r, "string", `${text} should fail`);
    assert.ok((r as string).includes(expected), `${text}: ${r}`);
  }
});

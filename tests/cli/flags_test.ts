import { assert, assertThrowsWith } from "../_assert.ts";
import { helpText, parseFlags, UsageError } from "../../lib/cli/flags.ts";

const SPEC = {
  out: { type: "string", default: "out", arg: "DIR", help: "Output folder" },
  seed: { type: "number", default: 7, help: "Seed" },
  quick: { type: "boolean", help: "Quick" },
} as const;

Deno.test("parseFlags() fills defaults and parses numbers and booleans", () => {
  assert.deepEqual(parseFlags([], "t", "s", SPEC), { out: "out", seed: 7, quick: false });
  assert.deepEqual(parseFlags(["--seed", "3", "--quick", "--out=x"], "t", "s", SPEC), {
    out: "x",
    seed: 3,
    quick: true,
  });
});

Deno.test("parseFlags() rejects unknown flags and non-numbers with a UsageError", () => {
  const e = assertThrowsWith(() => parseFlags(["--sed", "3"], "t", "s", SPEC), "t:", "--sed");
  assert.ok(e instanceof UsageError);
  assertThrowsWith(
    () => parseFlags(["--seed", "x"], "t", "s", SPEC),
    "--seed expects a number, got 'x'",
  );
});

Deno.test("parseFlags() returns null after printing help for --help", () => {
  const log = console.log;
  const lines: string[] = [];
  console.log = (s: string) => lines.push(s);
  try {
    assert.equal(parseFlags(["--help"], "t", "s", SPEC), null);
  } finally {
    console.log = log;
  }
  assert.equal(lines[0], helpText("t", "s", SPEC));
  assert.ok(lines[0].includes("--out DIR") && lines[0].includes("(default: out)"));
});

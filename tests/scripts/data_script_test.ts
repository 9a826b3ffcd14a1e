import { assert } from "../_assert.ts";
import { readDataset } from "../../lib/data/dataset.ts";

async function deno(args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...args],
    stdout: "piped",
    stderr: "piped",
    env: { CS_PROGRESS: "silent", NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("scripts/data.ts writes a readable data set that is identical for the same seed", async () => {
  const a = await Deno.makeTempDir();
  const b = await Deno.makeTempDir();
  for (const dir of [a, b]) {
    const r = await deno(["scripts/data.ts", "--out", dir, "--scale", "0.1", "--seed", "9"]);
    assert.equal(r.code, 0, r.stderr);
  }
  const recs = await readDataset(a);
  assert.equal(recs.length, 14); // 2 drivers × (2 + 2 + 2 + 1) sessions at scale 0.1
  const file = "e3/e3-d01-s1-C-wearable.csv";
  assert.equal(await Deno.readTextFile(`${a}/${file}`), await Deno.readTextFile(`${b}/${file}`));
});

Deno.test("scripts/data.ts exits 2 with a one-line error on an unknown flag", async () => {
  const r = await deno(["scripts/data.ts", "--sclae", "0.1"]);
  assert.equal(r.code, 2);
  const lines = r.stderr.trim().split("\n").filter((l) => !l.includes("DeprecationWarning"));
  assert.equal(lines.length, 1, r.stderr);
  assert.ok(lines[0].startsWith("error: deno task data:") && lines[0].includes("--sclae"));
});

Deno.test("scripts/data.ts prints --help and exits 0", async () => {
  const r = await deno(["scripts/data.ts", "--help"]);
  assert.equal(r.code, 0);
  assert.ok(r.stdout.includes("Usage: deno task data") && r.stdout.includes("--seed"));
});

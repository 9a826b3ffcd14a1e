import { assert } from "../_assert.ts";

async function deno(args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...args],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("scripts/bench.ts --json prints one consistent JSON line per wasm backend, with a kernel profile", async () => {
  const r = await deno([
    "scripts/bench.ts",
    "--backends",
    "wasm-1,wasm-2",
    "--steps",
    "2",
    "--warmup",
    "1",
    "--pairs",
    "8",
    "--json",
    "--profile",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.equal(lines.length, 2, r.stdout);
  for (const [i, line] of lines.entries()) {
    const o = JSON.parse(line);
    assert.equal(o.backend, ["wasm-1", "wasm-2"][i]);
    assert.equal(o.threads, i + 1);
    assert.equal(o.poolThreads, 1);
    assert.equal(o.windows, 16);
    assert.ok(o.secPerStep > 0 && o.minSecPerStep <= o.secPerStep);
    assert.ok(Math.abs(o.windowsPerSec - 16 / o.secPerStep) < 1e-6 * o.windowsPerSec);
    assert.ok(Math.abs(o.gflops - o.gflopPerStep / o.secPerStep) < 1e-6 * o.gflops);
    assert.equal(o.numTensorsAfterSteps, o.numTensorsAfterWarmup, "no tensor leak");
    assert.ok(Number.isFinite(o.lossFirst) && Number.isFinite(o.lossLast));
    for (const k of ["Conv2D", "Conv2DBackpropFilter", "Conv2DBackpropInput"]) {
      assert.ok(o.kernelMs[k] > 0, `profile has ${k}`);
    }
  }
});

Deno.test("scripts/bench.ts exits 2 with a one-line error on an unknown backend or a bad count", async () => {
  for (
    const [args, want] of [
      [["--backends", "gpu"], "unknown backend 'gpu'"],
      [["--pool-threads", "0"], "--pool-threads must be a positive integer"],
    ] as const
  ) {
    const r = await deno(["scripts/bench.ts", ...args]);
    assert.equal(r.code, 2, r.stderr);
    const lines = r.stderr.trim().split("\n").filter((l) => !l.includes("DeprecationWarning"));
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0].includes(want), lines[0]);
  }
});

Deno.test("scripts/bench.ts --torch with an interpreter that cannot run says so and exits 1, still printing the wasm figures", async () => {
  const r = await deno([
    "scripts/bench.ts",
    "--backends",
    "wasm-1",
    "--steps",
    "1",
    "--warmup",
    "0",
    "--pairs",
    "4",
    "--torch",
    "/nonexistent/python",
  ]);
  assert.equal(r.code, 1);
  assert.ok(r.stderr.includes("--torch: cannot run '/nonexistent/python'"), r.stderr);
  assert.ok(r.stdout.includes("wasm-1"), r.stdout);
});

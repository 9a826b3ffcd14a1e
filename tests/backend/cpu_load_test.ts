import { autoThreadCount, measureCpuLoad, parseProcStat } from "../../lib/backend/cpu_load.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("parseProcStat() sums the first eight counters and takes idle + iowait as idle", () => {
  const text = "cpu  100 5 30 800 20 1 2 3 9 9\ncpu0 50 2 15 400 10 0 1 1 0 0\n";
  // total = 100 + 5 + 30 + 800 + 20 + 1 + 2 + 3 (guest columns are inside user/nice)
  assert.deepEqual(parseProcStat(text), { total: 961, idle: 820 });
});

Deno.test("parseProcStat() rejects text that is not a /proc/stat cpu line", () => {
  assertThrowsWith(() => parseProcStat("intr 1 2 3"), "expected a 'cpu' line", "intr 1 2 3");
  assertThrowsWith(() => parseProcStat("cpu 1 x 3 4"), "non-numeric counter");
});

Deno.test("autoThreadCount() starts one thread per free CPU, at least 1 and at most max", () => {
  assert.equal(autoThreadCount({ cpus: 2, busy: 0.3 }), 2);
  assert.equal(autoThreadCount({ cpus: 2, busy: 0.6 }), 1);
  assert.equal(autoThreadCount({ cpus: 2, busy: 3.5 }), 1);
  assert.equal(autoThreadCount({ cpus: 16, busy: 2 }), 8);
  assert.equal(autoThreadCount({ cpus: 16, busy: 2 }, 16), 14);
  assert.equal(autoThreadCount({ cpus: 1, busy: 0 }), 1);
});

Deno.test("measureCpuLoad() reports the machine's CPUs and a busy share between 0 and all of them", async () => {
  const load = await measureCpuLoad(100);
  assert.equal(load.cpus, navigator.hardwareConcurrency);
  assert.ok(load.busy >= 0 && load.busy <= load.cpus, `busy ${load.busy}`);
  assert.equal(load.source, Deno.build.os === "linux" ? "/proc/stat" : "loadavg");
});

import {
  autoThreadCount,
  busyFromLoadavg,
  measureCpuLoad,
  parseProcStat,
} from "../../lib/backend/cpu_load.ts";
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
  // /proc/stat needs --allow-all; the load average needs --allow-sys.
  const all = (await Deno.permissions.query({ name: "run" })).state === "granted" &&
    (await Deno.permissions.query({ name: "ffi" })).state === "granted";
  const expected = Deno.build.os === "linux" && all ? "/proc/stat" : "loadavg";
  assert.equal(load.source, expected);
});

Deno.test("busyFromLoadavg() subtracts this process's own recent CPU use from the load average", () => {
  // Load 2.5; we used 30 CPU-seconds in 60 s of life (0.5 CPU): others keep 2.0 CPUs busy.
  assert.equal(busyFromLoadavg(2.5, 30, 60, 4), 2);
  // 10 s old, busy all along (1 CPU), over a sixth of the load's minute: 1.2 − 1/6.
  assert.ok(Math.abs(busyFromLoadavg(1.2, 10, 10, 2) - (1.2 - 1 / 6)) < 1e-12);
  // Clamped to 0 … cpus.
  assert.equal(busyFromLoadavg(0.1, 120, 120, 2), 0);
  assert.equal(busyFromLoadavg(9, 0, 100, 2), 2);
});

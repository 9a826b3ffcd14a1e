import * as wasmBackend from "@tensorflow/tfjs-backend-wasm";
import { tf } from "../../lib/backend/tf.ts";
import {
  type BackendInfo,
  backendInfo,
  DEFAULT_BACKEND_OPTIONS,
  describeBackend,
  resolveBackendOptions,
  setupBackend,
} from "../../lib/backend/setup.ts";
import { WASM_KERNEL_NAMES } from "../../lib/backend/kernels/register.ts";
import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";

const info = await setupBackend({ quiet: true });

/** Runs fixtures/setup_child.ts with `options` (and a breakage mode); returns its exit code, JSON result and stderr. */
async function child(options: unknown, breakage = "") {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      new URL("./fixtures/setup_child.ts", import.meta.url).pathname,
      JSON.stringify(options),
      breakage,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout).trim().split("\n");
  const stderr = new TextDecoder().decode(out.stderr);
  const last = stdout[stdout.length - 1];
  const result = out.code === 0
    ? JSON.parse(last) as { info: BackendInfo; backend: string; sum: number }
    : null;
  return { code: out.code, result, stdout: stdout.join("\n"), stderr };
}

Deno.test("setupBackend() starts wasm with SIMD, auto threads (free CPUs) and all our kernels by default", () => {
  assert.equal(info.name, "wasm");
  assert.equal(info.simd, true);
  assert.ok(info.threads >= 1 && info.threads <= navigator.hardwareConcurrency);
  const m = /^(\d+) CPUs, (\d+\.\d) busy → (\d+) threads?$/.exec(info.threadChoice ?? "");
  assert.ok(m, `threadChoice '${info.threadChoice}'`);
  assert.equal(Number(m[1]), navigator.hardwareConcurrency);
  assert.equal(Number(m[3]), info.threads);
  assert.equal(info.poolThreads, 1, "tfjs's own pool stays at one thread");
  assert.equal(wasmBackend.getThreadsCount(), info.poolThreads);
  assert.deepEqual(info.kernels, [...WASM_KERNEL_NAMES]);
  assert.equal(info.fallbackReason, null);
  assert.equal(info.tfjsVersion, "4.22.0");
  assert.equal(tf.getBackend(), "wasm");
  for (const k of WASM_KERNEL_NAMES) assert.ok(tf.getKernel(k, "wasm"), k);
});

Deno.test("setupBackend() is idempotent and re-selects its backend after a manual switch", async () => {
  await tf.setBackend("cpu");
  const again = await setupBackend({ quiet: true, threads: info.threads });
  assert.deepEqual(again, info);
  assert.equal(tf.getBackend(), "wasm");
  assert.deepEqual(backendInfo(), info);
});

Deno.test("setupBackend() refuses to switch backend or thread count within a process", async () => {
  await assertRejectsWith(
    () => setupBackend({ backend: "cpu", quiet: true }),
    "already runs wasm",
    "restart the process",
  );
  const other = info.threads === 1 ? 2 : 1;
  await assertRejectsWith(() => setupBackend({ threads: other, quiet: true }), "cannot switch");
});

Deno.test("resolveBackendOptions() fills defaults and rejects unknown options and bad values", () => {
  assert.deepEqual(resolveBackendOptions({}), { ...DEFAULT_BACKEND_OPTIONS });
  assert.deepEqual(resolveBackendOptions({ threads: 3 }).threads, 3);
  assertThrowsWith(() => resolveBackendOptions({ thread: 2 } as never), "unknown option 'thread'");
  assertThrowsWith(() => resolveBackendOptions({ backend: "webgl" as never }), "backend must be");
  assertThrowsWith(() => resolveBackendOptions({ threads: 0 }), "threads must be");
  assertThrowsWith(() => resolveBackendOptions({ threads: 1.5 }), "threads must be");
  assertThrowsWith(() => resolveBackendOptions({ threads: 9 }), "threads must be");
  assertThrowsWith(() => resolveBackendOptions({ poolThreads: 0 }), "poolThreads must be");
  assertThrowsWith(() => resolveBackendOptions({ poolThreads: 2.5 }), "poolThreads must be");
  assertThrowsWith(
    () => resolveBackendOptions({ quiet: "yes" as never }),
    "quiet must be a boolean",
  );
  assertThrowsWith(() => resolveBackendOptions({ initTimeoutMs: -1 }), "initTimeoutMs must be");
});

Deno.test("describeBackend() names the backend, SIMD and threads in one line", () => {
  assert.equal(
    describeBackend({ ...info, threads: 2, simd: true, threadChoice: null }),
    `wasm (SIMD, 2 threads, ${WASM_KERNEL_NAMES.length} custom kernels, tfjs 4.22.0)`,
  );
  assert.equal(
    describeBackend({
      ...info,
      threads: 1,
      simd: true,
      threadChoice: "2 CPUs, 1.4 busy → 1 thread",
    }),
    `wasm (SIMD, 1 thread (auto: 2 CPUs, 1.4 busy → 1 thread), ${WASM_KERNEL_NAMES.length} custom kernels, tfjs 4.22.0)`,
  );
  assert.equal(
    describeBackend({ ...info, name: "cpu", threads: 1, kernels: [] }),
    "cpu (tfjs 4.22.0, plain JavaScript)",
  );
});

Deno.test("setupBackend() in a fresh process starts one wasm thread, two kernel threads (with tfjs's pool at 1 or 2), or cpu, when asked", async () => {
  const one = await child({ threads: 1, quiet: true });
  assert.equal(one.code, 0, one.stderr);
  assert.equal(one.result!.info.name, "wasm");
  assert.equal(one.result!.info.threads, 1);
  assert.equal(one.result!.sum, 96);

  const two = await child({ threads: 2, quiet: true });
  assert.equal(two.code, 0, two.stderr);
  assert.equal(two.result!.info.threads, 2, "our kernel threads");
  assert.equal(two.result!.info.poolThreads, 1, "tfjs's pool");
  assert.equal(two.result!.info.fallbackReason, null);
  assert.equal(two.result!.sum, 96);

  const pool = await child({ threads: 2, poolThreads: 2, quiet: true });
  assert.equal(pool.code, 0, pool.stderr);
  assert.equal(pool.result!.info.threads, 2);
  assert.equal(pool.result!.info.poolThreads, 2);
  assert.equal(pool.result!.info.fallbackReason, null);

  const cpu = await child({ backend: "cpu", quiet: true });
  assert.equal(cpu.code, 0, cpu.stderr);
  assert.equal(cpu.result!.backend, "cpu");
  assert.equal(cpu.result!.info.fallbackReason, null);
  assert.equal(cpu.result!.sum, 96);
});

Deno.test("setupBackend() falls back to one wasm thread, printing why, when threads are unavailable", async () => {
  const r = await child({ threads: 2 }, "no-sab");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.result!.info.name, "wasm");
  assert.equal(r.result!.info.threads, 1);
  assert.match(
    r.result!.info.fallbackReason!,
    /wasm threads unavailable: SharedArrayBuffer is unavailable/,
  );
  assert.match(r.stderr, /tfjs backend fallback: wasm threads unavailable/);
  assert.match(r.stdout, /tfjs backend: wasm \(SIMD, 1 thread,/);
  assert.equal(r.result!.info.threadChoice, null, "threads were given, not chosen");
  assert.equal(r.result!.sum, 96);
});

Deno.test("setupBackend() after an earlier tfjs call keeps the wasm backend already started and says so", async () => {
  const r = await child({ threads: 2 }, "early-op");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.result!.info.name, "wasm");
  assert.equal(r.result!.info.threads, 1);
  assert.deepEqual(r.result!.info.kernels, [...WASM_KERNEL_NAMES]);
  assert.match(
    r.result!.info.fallbackReason!,
    /already started with 1 thread\(s\) by a tfjs call before setupBackend\(\)/,
  );
  assert.equal(r.result!.sum, 96);
});

Deno.test("setupBackend() falls back to cpu, printing why, when wasm is unavailable, and throws when wasm was required", async () => {
  const auto = await child({}, "no-wasm");
  assert.equal(auto.code, 0, auto.stderr);
  assert.equal(auto.result!.backend, "cpu");
  assert.match(auto.result!.info.fallbackReason!, /the tfjs wasm backend is not registered/);
  assert.match(auto.stderr, /tfjs backend fallback: the tfjs wasm backend is not registered/);
  assert.match(auto.stdout, /tfjs backend: cpu/);
  assert.equal(auto.result!.sum, 96);

  const strict = await child({ backend: "wasm", quiet: true }, "no-wasm");
  assert.notEqual(strict.code, 0);
  assert.match(
    strict.stderr,
    /setupBackend: the wasm backend is unavailable: the tfjs wasm backend is not registered/,
  );
});

Deno.test("setupBackend() called twice at once starts the backend and its threads once", async () => {
  const r = await child({ threads: 2, quiet: true }, "concurrent");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.result!.info.threads, 2);
  assert.equal(r.result!.info.fallbackReason, null);
  assert.equal(r.result!.sum, 96);
});

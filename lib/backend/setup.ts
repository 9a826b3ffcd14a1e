/**
 * One call that every notebook, script and test uses to get a fast tfjs backend:
 * {@linkcode setupBackend}. It starts tfjs's WebAssembly backend (XNNPACK, SIMD), registers
 * our kernels on it (the conv filter gradient it lacks and faster replacements for slow ones,
 * see `kernels/register.ts`), and falls back — printing why — to one thread, or to the plain
 * JavaScript `cpu` backend, when something is unavailable.
 *
 * Threads: with more than one, the multi-threaded build of the backend is started (its
 * memory is shared between threads) and our 1-D convolution kernels — most of a training
 * step — split their work over helper threads of ours (`kernel_threads.ts`). tfjs's own
 * XNNPACK thread pool is kept at one thread by default ({@linkcode BackendOptions.poolThreads}):
 * its idle workers spin-wait (pthreadpool) and take the core our threads need; what is left
 * on it (elementwise ops, small matmuls) gains little from threads.
 *
 * @module
 */
import * as wasmBackend from "@tensorflow/tfjs-backend-wasm";
import { tf } from "./tf.ts";
import { registerWasmKernels } from "./kernels/register.ts";
import { prepareWasmThreads } from "./wasm_threads.ts";
import { startKernelThreads } from "./kernel_threads.ts";
import { conv1dKernels } from "./kernels/simd/conv1d_kernels.ts";
import { type WasmBackendLike, wasmMemory } from "./kernels/wasm_kernel_calls.ts";
import { autoThreadCount, measureCpuLoad } from "./cpu_load.ts";

/** Which tfjs backend {@linkcode setupBackend} starts. */
export type BackendName = "wasm" | "cpu";

/** Options of {@linkcode setupBackend}; defaults in {@linkcode DEFAULT_BACKEND_OPTIONS}. */
export interface BackendOptions {
  /** "wasm", "cpu" (slow: about 80 s per training step of workload W), or "auto" (wasm, else cpu). */
  backend: BackendName | "auto";
  /**
   * wasm threads: a count 1…8, or "auto": the logical CPUs that other work leaves free
   * (measured for a quarter second at start-up; a busy CPU makes a second thread slower, not
   * faster), at least 1.
   */
  threads: number | "auto";
  /**
   * Threads of tfjs's own XNNPACK pool when `threads` > 1: 1 (default; see the module docs)
   * up to 8. Benchmarks set it to `threads` to compare.
   */
  poolThreads: number;
  /** No console output (fallback reasons are still in the returned info). */
  quiet: boolean;
  /** Milliseconds to wait for the wasm backend to start before giving up on it. */
  initTimeoutMs: number;
}

/** The defaults of every {@linkcode BackendOptions} field. */
export const DEFAULT_BACKEND_OPTIONS: Readonly<BackendOptions> = Object.freeze({
  backend: "auto",
  threads: "auto",
  poolThreads: 1,
  quiet: false,
  initTimeoutMs: 30_000,
});

/** What {@linkcode setupBackend} started. */
export interface BackendInfo {
  /** The active tfjs backend. */
  name: BackendName;
  /** Threads the backend computes with: our kernels' threads (1 for cpu). */
  threads: number;
  /** Threads of tfjs's own XNNPACK pool (1 for cpu and single-threaded wasm). */
  poolThreads: number;
  /** Whether the wasm binary uses SIMD instructions. */
  simd: boolean;
  /** Our kernels registered on the backend. */
  kernels: string[];
  /** Why the backend or thread count is not what was asked for; null when it is. */
  fallbackReason: string | null;
  /** How "auto" chose the thread count, e.g. "2 CPUs, 1.3 busy → 1 thread"; null otherwise. */
  threadChoice: string | null;
  /** The tfjs version. */
  tfjsVersion: string;
}

/** Most threads the wasm backend supports (its pre-created worker pool). */
const MAX_WASM_THREADS = 8;

let current: { info: BackendInfo; asked: BackendOptions } | null = null;
/** The start in progress (so that overlapping calls start the backend once). */
let starting: Promise<BackendInfo> | null = null;
type BackendFactory = () => tf.KernelBackend | Promise<tf.KernelBackend>;
let wasmFactory: BackendFactory | null = null;

/** Validates `options` against {@linkcode BackendOptions} and fills in the defaults. */
export function resolveBackendOptions(options: Partial<BackendOptions> = {}): BackendOptions {
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULT_BACKEND_OPTIONS)) {
      throw new Error(
        `setupBackend: unknown option '${key}' (expected one of ${
          Object.keys(DEFAULT_BACKEND_OPTIONS).join(", ")
        })`,
      );
    }
  }
  const o: BackendOptions = { ...DEFAULT_BACKEND_OPTIONS };
  for (const [k, v] of Object.entries(options)) {
    if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  }
  if (!["auto", "wasm", "cpu"].includes(o.backend)) {
    throw new Error(
      `setupBackend: backend must be "auto", "wasm" or "cpu", got ${String(o.backend)}`,
    );
  }
  if (
    o.threads !== "auto" &&
    !(Number.isInteger(o.threads) && o.threads >= 1 && o.threads <= MAX_WASM_THREADS)
  ) {
    throw new Error(
      `setupBackend: threads must be "auto" or an integer 1…${MAX_WASM_THREADS}, got ${
        String(o.threads)
      }`,
    );
  }
  if (
    !(Number.isInteger(o.poolThreads) && o.poolThreads >= 1 && o.poolThreads <= MAX_WASM_THREADS)
  ) {
    throw new Error(
      `setupBackend: poolThreads must be an integer 1…${MAX_WASM_THREADS}, got ${
        String(o.poolThreads)
      }`,
    );
  }
  if (typeof o.quiet !== "boolean") {
    throw new Error(`setupBackend: quiet must be a boolean, got ${String(o.quiet)}`);
  }
  if (!(Number.isFinite(o.initTimeoutMs) && o.initTimeoutMs > 0)) {
    throw new Error(
      `setupBackend: initTimeoutMs must be a positive number, got ${o.initTimeoutMs}`,
    );
  }
  return o;
}

/** A one-line description of a backend, e.g. "wasm (SIMD, 2 threads, 6 custom kernels)". */
export function describeBackend(info: BackendInfo): string {
  if (info.name === "cpu") return `cpu (tfjs ${info.tfjsVersion}, plain JavaScript)`;
  const threads = `${info.threads} thread${info.threads === 1 ? "" : "s"}${
    info.threadChoice ? ` (auto: ${info.threadChoice})` : ""
  }${info.poolThreads > 1 ? `, tfjs pool ${info.poolThreads}` : ""}`;
  return `wasm (${
    info.simd ? "SIMD" : "no SIMD"
  }, ${threads}, ${info.kernels.length} custom kernels, tfjs ${info.tfjsVersion})`;
}

/** The backend {@linkcode setupBackend} started in this process, or null before the first call. */
export function backendInfo(): BackendInfo | null {
  return current === null ? null : { ...current.info, kernels: [...current.info.kernels] };
}

/** Starts helper threads for our SIMD kernels on the running wasm backend's shared memory. */
async function startOwnKernelThreads(threads: number): Promise<void> {
  const memory = wasmMemory(tf.backend() as unknown as WasmBackendLike);
  if (memory === null) throw new Error("the wasm backend does not expose its memory");
  const kernel = conv1dKernels(memory);
  if (kernel === null) throw new Error("this engine lacks WebAssembly SIMD");
  await startKernelThreads(kernel.module, memory, threads);
}

async function startWithin(name: string, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([tf.setBackend(name), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Abandons a wasm start that failed or timed out: removing the backend also marks its pending
 * initialisation as outdated in the tfjs engine (so that a late success cannot take over),
 * and re-registering the factory lets a later start begin afresh.
 */
function resetWasmBackend(): void {
  if (wasmFactory === null) return;
  try {
    tf.removeBackend("wasm");
  } catch {
    // Not registered any more: nothing to remove.
  }
  tf.registerBackend("wasm", wasmFactory, 2);
}

/** Whether the tfjs engine already holds an initialised wasm backend (without starting one). */
function wasmAlreadyStarted(): boolean {
  const engine = tf.engine() as unknown as { registry: Record<string, unknown> };
  return engine.registry.wasm !== undefined;
}

async function startWasm(o: BackendOptions, reasons: string[]): Promise<BackendInfo | null> {
  wasmFactory ??= tf.findBackendFactory("wasm") as BackendFactory | null;
  if (wasmFactory === null) {
    reasons.push("the tfjs wasm backend is not registered");
    return null;
  }
  let want = o.threads === "auto" ? 1 : o.threads, threadChoice: string | null = null;
  if (o.threads === "auto") {
    const load = await measureCpuLoad();
    want = autoThreadCount(load, MAX_WASM_THREADS);
    threadChoice = `${load.cpus} CPUs, ${load.busy.toFixed(1)} busy → ${want} thread${
      want === 1 ? "" : "s"
    }`;
  }
  let threads = 1, poolThreads = 1;
  if (wasmAlreadyStarted()) {
    // A tfjs call before setupBackend started wasm (its priority makes it tfjs's default);
    // its build and pool are fixed now. Our kernel threads need the threaded build's shared
    // memory.
    await tf.setBackend("wasm");
    poolThreads = wasmBackend.getThreadsCount();
    if (want > 1) {
      try {
        await startOwnKernelThreads(want);
        threads = want;
      } catch {
        // The single-threaded build (tfjs's default under Deno): said below.
      }
    }
    if (threads !== want) {
      reasons.push(
        `the wasm backend was already started with ${threads} thread(s) by a tfjs call ` +
          `before setupBackend() (call setupBackend() first to get ${want})`,
      );
    }
  } else if (want > 1) {
    try {
      const prep = await prepareWasmThreads(o.poolThreads);
      const ok = await startWithin("wasm", o.initTimeoutMs);
      prep.finish();
      if (ok) {
        poolThreads = wasmBackend.getThreadsCount();
        if (poolThreads !== o.poolThreads) {
          reasons.push(`tfjs's pool started ${poolThreads} thread(s) instead of ${o.poolThreads}`);
        }
        try {
          await startOwnKernelThreads(want);
          threads = want;
        } catch (e) {
          reasons.push(`kernel threads unavailable: ${(e as Error).message}`);
        }
      } else {
        reasons.push(`the multi-threaded wasm backend did not start within ${o.initTimeoutMs} ms`);
        resetWasmBackend();
      }
    } catch (e) {
      reasons.push(`wasm threads unavailable: ${(e as Error).message}`);
      resetWasmBackend();
    }
  }
  if (tf.getBackend() !== "wasm") {
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    wasmBackend.setThreadsCount(1);
    if (!(await startWithin("wasm", o.initTimeoutMs))) {
      reasons.push(`the wasm backend did not start within ${o.initTimeoutMs} ms`);
      resetWasmBackend();
      return null;
    }
    threads = poolThreads = 1;
  }
  const kernels = registerWasmKernels();
  const simd = Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"));
  return {
    name: "wasm",
    threads,
    poolThreads,
    simd,
    kernels,
    fallbackReason: reasons.length ? reasons.join("; ") : null,
    threadChoice,
    tfjsVersion: tf.version.tfjs,
  };
}

/**
 * Starts the tfjs backend for this process and returns what it started. Idempotent: later
 * calls with compatible options return the same info (and re-select the backend if someone
 * switched away from it); asking for a different backend or thread count than the one
 * running throws, because wasm threads cannot change within a process.
 *
 * With `backend: "auto"` (default) a wasm failure falls back to `cpu`; with `"wasm"` it
 * throws. A thread failure falls back to one wasm thread. Fallbacks are printed (unless
 * `quiet`) and recorded in `fallbackReason`.
 */
export async function setupBackend(options: Partial<BackendOptions> = {}): Promise<BackendInfo> {
  // Calls that overlap wait for the start in progress, then see its result.
  while (starting !== null) await starting.catch(() => {});
  const o = resolveBackendOptions(options);
  if (current !== null) {
    const { info } = current;
    const wantName = o.backend === "auto" ? info.name : o.backend;
    const wantThreads = o.threads === "auto" ? current.asked.threads : o.threads;
    const sameThreads = wantThreads === current.asked.threads ||
      (typeof wantThreads === "number" && wantThreads === info.threads);
    if (wantName !== info.name || (info.name === "wasm" && !sameThreads)) {
      throw new Error(
        `setupBackend: this process already runs ${
          describeBackend(info)
        }; cannot switch to ${o.backend} with threads ${o.threads} (restart the process or kernel)`,
      );
    }
    if (tf.getBackend() !== info.name) await tf.setBackend(info.name);
    return backendInfo()!;
  }
  starting = (async () => {
    const reasons: string[] = [];
    let info: BackendInfo | null = null;
    if (o.backend !== "cpu") {
      info = await startWasm(o, reasons);
      if (info === null && o.backend === "wasm") {
        throw new Error(`setupBackend: the wasm backend is unavailable: ${reasons.join("; ")}`);
      }
    }
    if (info === null) {
      if (!(await tf.setBackend("cpu"))) {
        throw new Error("setupBackend: the cpu backend failed to start");
      }
      info = {
        name: "cpu",
        threads: 1,
        poolThreads: 1,
        simd: false,
        kernels: [],
        fallbackReason: reasons.length ? reasons.join("; ") : null,
        threadChoice: null,
        tfjsVersion: tf.version.tfjs,
      };
    }
    current = { info, asked: o };
    if (!o.quiet) {
      if (info.fallbackReason) console.warn(`tfjs backend fallback: ${info.fallbackReason}`);
      console.log(`tfjs backend: ${describeBackend(info)}`);
    }
    return backendInfo()!;
  })();
  try {
    return await starting;
  } finally {
    starting = null;
  }
}

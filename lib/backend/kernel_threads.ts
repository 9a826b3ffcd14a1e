/**
 * Helper threads for our own WebAssembly SIMD kernels on the tfjs wasm backend's shared
 * (threaded-build) memory. tfjs's own thread pool runs only tfjs's kernels; a kernel of ours
 * that should use the other cores splits its work into jobs (each a list of calls), runs the
 * first on the calling thread and the others on these threads ({@linkcode KernelThreads.run}),
 * which wait on a shared control block (no messages per job). Both sides spin for a short
 * while before they sleep (Atomics.wait/notify): on a virtual machine, waking a sleeping
 * thread can take longer than a kernel, and a training step runs dozens of them.
 *
 * @module
 */
import { Worker } from "node:worker_threads";

/** Slot layout (Int32 words): must match kernel_thread_worker.ts. */
const SEQ = 0, DONE = 1, STATUS = 2, NCALLS = 3, CALLS = 4, CALL_INTS = 16;
/** Most calls in one job, and most i32 arguments of one call. */
export const MAX_CALLS = 16, MAX_ARGS = CALL_INTS - 1;
/** Words per slot: the header and MAX_CALLS calls, padded to whole cache lines. */
const SLOT_INTS = 272;
/** How long a helper spins for its next job, and the caller for a job's end, before sleeping (ms). */
const SPIN_MS = 2;
/** How long a job may take before the caller gives up (ms). */
const JOB_TIMEOUT_MS = 120_000;

/** One call: a function exported by the kernel module and its i32 arguments. */
export interface KernelCall {
  fn: string;
  args: number[];
}

/** One job: calls run in order on one thread. */
export type KernelJob = KernelCall[];

/** A pool of helper threads running one kernel module on one shared memory. */
export interface KernelThreads {
  /** Threads in all, the calling one included. */
  readonly threads: number;
  /**
   * Runs jobs[0] on the calling thread (each call via `local`) and jobs[1 …] on the helpers,
   * and returns once all are done; throws when a helper's job failed or took too long.
   * At most `threads` jobs of at most {@linkcode MAX_CALLS} calls.
   */
  run(jobs: KernelJob[], local: (call: KernelCall) => void): void;
}

const pools = new Map<WebAssembly.Module, WeakMap<WebAssembly.Memory, KernelThreads>>();

/** Stops the helpers of the pool for `module` on `memory` and forgets the pool. */
function stopPool(module: WebAssembly.Module, memory: WebAssembly.Memory): void {
  const pool = pools.get(module)?.get(memory) as
    | (KernelThreads & { workers?: Worker[] })
    | undefined;
  for (const w of pool?.workers ?? []) w.terminate();
  pools.get(module)?.delete(memory);
}

/** The pool started for `module` on `memory`, or null when none was started. */
export function kernelThreadsFor(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
): KernelThreads | null {
  return pools.get(module)?.get(memory) ?? null;
}

/**
 * Starts `threads − 1` helper threads (un-referenced: they do not keep the process alive)
 * that instantiate `module` on the shared `memory`, and registers the pool for
 * {@linkcode kernelThreadsFor}. Resolves once every helper is ready; rejects (after
 * stopping them) when one fails to start within `timeoutMs`.
 */
export async function startKernelThreads(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  threads: number,
  timeoutMs = 10_000,
): Promise<KernelThreads> {
  if (!Number.isInteger(threads) || threads < 2) {
    throw new Error(`startKernelThreads: threads must be an integer ≥ 2, got ${threads}`);
  }
  if (!(memory.buffer instanceof SharedArrayBuffer)) {
    throw new Error("startKernelThreads: the memory is not shared (not a threaded build)");
  }
  const existing = kernelThreadsFor(module, memory);
  if (existing && existing.threads === threads) return existing;
  // A pool of another size is replaced: its helpers stop.
  if (existing) stopPool(module, memory);
  const functions = WebAssembly.Module.exports(module)
    .filter((e) => e.kind === "function")
    .map((e) => e.name);
  const index = new Map(functions.map((n, i) => [n, i]));
  const helpers = threads - 1;
  const control = new SharedArrayBuffer(helpers * SLOT_INTS * 4);
  const workers: Worker[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  try {
    await Promise.all(
      Array.from({ length: helpers }, (_, slot) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL("./kernel_thread_worker.ts", import.meta.url));
          workers.push(w);
          const timer = setTimeout(
            () => reject(new Error(`kernel thread ${slot + 1} did not start in ${timeoutMs} ms`)),
            timeoutMs,
          );
          timers.push(timer);
          const onMessage = (m: unknown) => {
            if (m !== "ready") return; // only the helper's own message counts
            w.off("message", onMessage);
            clearTimeout(timer);
            resolve();
          };
          w.on("message", onMessage);
          w.once("error", (e) => {
            clearTimeout(timer);
            reject(e);
          });
          w.postMessage({
            memory,
            module,
            functions,
            control,
            slot,
            slotInts: SLOT_INTS,
            spinMs: SPIN_MS,
          });
        })),
    );
  } catch (e) {
    for (const t of timers) clearTimeout(t);
    for (const w of workers) w.terminate();
    throw e;
  }
  for (const w of workers) w.unref();
  const slots = Array.from(
    { length: helpers },
    (_, s) => new Int32Array(control, s * SLOT_INTS * 4, SLOT_INTS),
  );
  const pool: KernelThreads & { workers: Worker[] } = {
    threads,
    // Held here: a helper whose Worker object is collected may be stopped.
    workers,
    run(jobs, local) {
      if (jobs.length > threads) {
        throw new Error(`KernelThreads.run: ${jobs.length} jobs for ${threads} threads`);
      }
      const started: Int32Array[] = [];
      for (let h = 0; h + 1 < jobs.length; h++) {
        const job = jobs[h + 1], ctl = slots[h];
        if (job.length > MAX_CALLS) {
          throw new Error(`KernelThreads.run: a job of ${job.length} calls (at most ${MAX_CALLS})`);
        }
        job.forEach((call, c) => {
          const fn = index.get(call.fn);
          if (fn === undefined) {
            throw new Error(`KernelThreads.run: unknown function '${call.fn}'`);
          }
          if (call.args.length > MAX_ARGS) {
            throw new Error(
              `KernelThreads.run: ${call.args.length} arguments (at most ${MAX_ARGS})`,
            );
          }
          const at = CALLS + c * CALL_INTS;
          ctl[at] = fn;
          for (let i = 0; i < MAX_ARGS; i++) ctl[at + 1 + i] = call.args[i] ?? 0;
        });
      }
      // Validated every job before starting any.
      for (let h = 0; h + 1 < jobs.length; h++) {
        const ctl = slots[h];
        ctl[NCALLS] = jobs[h + 1].length;
        Atomics.add(ctl, SEQ, 1);
        Atomics.notify(ctl, SEQ);
        started.push(ctl);
      }
      let error: unknown = null;
      try {
        if (jobs.length > 0) { for (const call of jobs[0]) local(call); }
      } catch (e) {
        error = e;
      }
      // Wait for every helper, even after a local failure: they write to shared memory.
      const t0 = performance.now();
      for (const ctl of started) {
        const seq = Atomics.load(ctl, SEQ);
        for (let i = 1;; i++) {
          const done = Atomics.load(ctl, DONE);
          if (done === seq) break;
          if ((i & 255) !== 0) continue;
          const waited = performance.now() - t0;
          if (waited < SPIN_MS) continue;
          const left = JOB_TIMEOUT_MS - waited;
          if (left <= 0) {
            // A helper that does not answer is stopped (it must not write into buffers the
            // caller frees) and the pool dropped: later kernels run on one thread.
            stopPool(module, memory);
            throw new Error(
              `kernel thread job timed out after ${JOB_TIMEOUT_MS} ms; kernels continue on one thread`,
            );
          }
          Atomics.wait(ctl, DONE, done, left);
        }
        if (ctl[STATUS] !== 0 && error === null) {
          error = new Error("a kernel thread's job failed (WebAssembly trap)");
        }
      }
      if (error !== null) throw error;
    },
  };
  let byMemory = pools.get(module);
  if (!byMemory) pools.set(module, byMemory = new WeakMap());
  byMemory.set(memory, pool);
  return pool;
}

/**
 * Runs `jobs` (one per thread; job 0 on the calling thread) on `pool`, in rounds of at most
 * {@linkcode MAX_CALLS} calls per job; without a pool (or with one job) runs every call
 * here, in job order.
 */
export function runKernelJobs(
  pool: KernelThreads | null,
  jobs: KernelJob[],
  local: (call: KernelCall) => void,
): void {
  if (pool === null || jobs.length <= 1) {
    for (const job of jobs) for (const call of job) local(call);
    return;
  }
  const rounds = Math.max(...jobs.map((j) => Math.ceil(j.length / MAX_CALLS)));
  for (let r = 0; r < rounds; r++) {
    pool.run(jobs.map((j) => j.slice(r * MAX_CALLS, (r + 1) * MAX_CALLS)), local);
  }
}

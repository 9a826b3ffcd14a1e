/**
 * The body of a kernel thread (see {@linkcode ./kernel_threads.ts}): instantiates the
 * WebAssembly kernel module it is sent on the tfjs wasm backend's shared memory, then waits
 * on its slot of the control block for jobs (a list of calls: function index + i32
 * arguments), runs each and reports it done. Between jobs it spins for a short while before
 * it sleeps (Atomics.wait): waking a sleeping thread costs far more on a virtual machine
 * than the gaps between the kernels of a training step. Self-contained: it imports nothing
 * but `node:worker_threads`.
 *
 * @module
 */
import { parentPort } from "node:worker_threads";

/** Slot layout; must match kernel_threads.ts. */
const SEQ = 0, DONE = 1, STATUS = 2, NCALLS = 3, CALLS = 4, CALL_INTS = 16;

interface Start {
  memory: WebAssembly.Memory;
  module: WebAssembly.Module;
  functions: string[];
  control: SharedArrayBuffer;
  slot: number;
  slotInts: number;
  spinMs: number;
}

const pause: () => void = (Atomics as unknown as { pause?: () => void }).pause ?? (() => {});

parentPort!.once("message", (start: Start) => {
  const instance = new WebAssembly.Instance(start.module, { env: { memory: start.memory } });
  const fns = start.functions.map((n) => instance.exports[n] as (...a: number[]) => void);
  const ctl = new Int32Array(start.control, start.slot * start.slotInts * 4, start.slotInts);
  parentPort!.postMessage("ready");
  // A fresh control block starts at SEQ 0; the caller may have posted the first job
  // already, so the starting value is not read from it.
  let seen = 0;
  const args: number[] = new Array(CALL_INTS - 1).fill(0);
  for (;;) {
    // Spin for spinMs, then sleep until SEQ changes.
    const t0 = performance.now();
    for (let i = 1; Atomics.load(ctl, SEQ) === seen; i++) {
      pause();
      if ((i & 255) === 0 && performance.now() - t0 > start.spinMs) {
        Atomics.wait(ctl, SEQ, seen);
      }
    }
    seen = Atomics.load(ctl, SEQ);
    let status = 0;
    try {
      const n = ctl[NCALLS];
      for (let c = 0; c < n; c++) {
        const at = CALLS + c * CALL_INTS;
        for (let i = 0; i < CALL_INTS - 1; i++) args[i] = ctl[at + 1 + i];
        fns[ctl[at]](...args);
      }
    } catch (_) {
      status = 1;
    }
    Atomics.store(ctl, STATUS, status);
    Atomics.store(ctl, DONE, seen);
    Atomics.notify(ctl, DONE);
  }
});

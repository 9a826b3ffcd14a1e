/**
 * The body of a kernel thread (see {@linkcode ./kernel_threads.ts}): instantiates the
 * WebAssembly kernel module it is sent on the tfjs wasm backend's shared memory, then waits
 * on its slot of the control block for jobs (function index + i32 arguments), runs each and
 * reports it done. Self-contained: it imports nothing but `node:worker_threads`.
 *
 * @module
 */
import { parentPort } from "node:worker_threads";

/** Slot layout; must match kernel_threads.ts. */
const SEQ = 0, DONE = 1, FN = 2, STATUS = 3, ARGS = 4;

interface Start {
  memory: WebAssembly.Memory;
  module: WebAssembly.Module;
  functions: string[];
  control: SharedArrayBuffer;
  slot: number;
  slotInts: number;
}

parentPort!.once("message", (start: Start) => {
  const instance = new WebAssembly.Instance(start.module, { env: { memory: start.memory } });
  const fns = start.functions.map((n) => instance.exports[n] as (...a: number[]) => void);
  const ctl = new Int32Array(start.control, start.slot * start.slotInts * 4, start.slotInts);
  parentPort!.postMessage("ready");
  // A fresh control block starts at SEQ 0; the caller may have posted the first job
  // already, so the starting value is not read from it.
  let seen = 0;
  for (;;) {
    Atomics.wait(ctl, SEQ, seen);
    seen = Atomics.load(ctl, SEQ);
    let status = 0;
    try {
      const fn = fns[Atomics.load(ctl, FN)];
      const args: number[] = [];
      for (let i = ARGS; i < start.slotInts; i++) args.push(ctl[i]);
      fn(...args);
    } catch (_) {
      status = 1;
    }
    Atomics.store(ctl, STATUS, status);
    Atomics.store(ctl, DONE, seen);
    Atomics.notify(ctl, DONE);
  }
});

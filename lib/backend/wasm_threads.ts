/**
 * Multi-threading for the tfjs `wasm` backend under Deno.
 *
 * tfjs-backend-wasm 4.22.0 refuses threads when it believes it runs in Node (Deno's npm
 * compatibility makes it think so), and its threaded build cannot start under Deno anyway:
 *
 * 1. it hands Emscripten's pthread workers `blob:` URLs, which Deno's `node:worker_threads`
 *    rejects, and sends each worker the module source as a `Blob` to `importScripts`;
 * 2. the worker prelude assigns `location` (and other names) on the worker's global, which
 *    Deno's worker global scope only exposes as getters, so `Object.assign` throws;
 * 3. the C++ side caps the thread pool at half of `os.cpus().length` (it assumes two hardware
 *    threads per core), so on a 2-core machine it silently runs one thread.
 *
 * {@linkcode prepareWasmThreads} fixes each before the backend is initialised: it writes the
 * worker script (with a tolerant global assignment and the module source read from a file)
 * and the module source to a temporary folder, swaps `worker_threads.Worker` for a subclass
 * that maps the `blob:` URL to that file, turns the thread flag on, and has `os.cpus()`
 * report enough cores while the backend starts. Everything is read from the pinned npm
 * package; nothing is fetched.
 *
 * @module
 */
import os from "node:os";
import workerThreads from "node:worker_threads";
import * as wasmBackend from "@tensorflow/tfjs-backend-wasm";
import workerModule from "@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js";
import threadedFactory from "@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js";
import { tf } from "./tf.ts";

/** The code in tfjs's worker script that loads the module from the message's Blob/URL. */
const IMPORT_MODULE_CODE =
  'if(typeof e.data.urlOrBlob=="string"){importScripts(e.data.urlOrBlob)}' +
  "else{var objectUrl=URL.createObjectURL(e.data.urlOrBlob);importScripts(objectUrl);" +
  "URL.revokeObjectURL(objectUrl)}";
/** The worker prelude's global assignment, which throws on Deno's getter-only globals. */
const ASSIGN_GLOBALS_CODE = "Object.assign(global,";
/** Defines each property on the global object, shadowing getter-only ones. */
const ASSIGN_GLOBALS_SHIM = "function __assignGlobals(t,s){for(const k of Object.keys(s)){" +
  "try{Object.defineProperty(t,k,{value:s[k],writable:true,configurable:true,enumerable:true})}" +
  "catch(_){try{t[k]=s[k]}catch(_){}}}return t}";

/** Files written for the pthread workers, and how to finish once the backend started. */
export interface WasmThreadsPreparation {
  /** The folder holding the worker script and the module source. */
  dir: string;
  /**
   * Call once the backend has started (or failed to): restores `os.cpus`, and un-references
   * the pthread workers so that they no longer keep the process alive (Emscripten references
   * a worker while its thread runs, and XNNPACK's pool threads run until exit).
   */
  finish(): void;
}

/**
 * Builds the worker script from tfjs's: tolerant global assignment, module source read from
 * `modulePath`. Throws when tfjs's script does not contain the code it patches (another tfjs
 * version).
 */
export function patchedWorkerSource(original: string, modulePath: string): string {
  for (const needle of [IMPORT_MODULE_CODE, ASSIGN_GLOBALS_CODE]) {
    if (!original.includes(needle)) {
      throw new Error(`the tfjs wasm worker script lacks the code to patch ('${needle}')`);
    }
  }
  const patched = original
    .replace(ASSIGN_GLOBALS_CODE, "__assignGlobals(global,")
    .replace(IMPORT_MODULE_CODE, `importScripts(${JSON.stringify(modulePath)});`);
  // tfjs escapes newlines in the script the same way before handing it to a Blob.
  return (ASSIGN_GLOBALS_SHIM + patched).replace(/\n/g, "\\n");
}

let prepared: WasmThreadsPreparation | null = null;
const pthreadWorkers: workerThreads.Worker[] = [];

/**
 * Prepares the wasm backend to start its multi-threaded build (shared memory) with a thread
 * pool of `threads` threads (≥ 1; 1 keeps tfjs's own kernels on the calling thread). Must be
 * awaited before the wasm backend is initialised; the caller then checks `getThreadsCount()`.
 */
export async function prepareWasmThreads(threads: number): Promise<WasmThreadsPreparation> {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`prepareWasmThreads: threads must be an integer ≥ 1, got ${threads}`);
  }
  if (typeof SharedArrayBuffer === "undefined") {
    throw new Error("SharedArrayBuffer is unavailable");
  }
  if (prepared === null) {
    const dir = await Deno.makeTempDir({ prefix: "contrastive-sensors-wasm-" });
    const modulePath = `${dir}/tfjs-backend-wasm-threaded-simd.js`;
    const workerPath = `${dir}/tfjs-backend-wasm-threaded-simd.worker.cjs`;
    const workerSource = patchedWorkerSource(
      (workerModule as { wasmWorkerContents: string }).wasmWorkerContents,
      modulePath,
    );
    await Deno.writeTextFile(
      modulePath,
      "var WasmBackendModuleThreadedSimd = " + String(threadedFactory),
    );
    await Deno.writeTextFile(workerPath, workerSource);
    const NodeWorker = workerThreads.Worker;
    class FileWorker extends NodeWorker {
      constructor(specifier: string | URL, options?: workerThreads.WorkerOptions) {
        const isBlob = typeof specifier === "string" && specifier.startsWith("blob:");
        super(isBlob ? workerPath : specifier, options);
        if (isBlob) pthreadWorkers.push(this);
      }
    }
    (workerThreads as { Worker: typeof NodeWorker }).Worker = FileWorker;
    globalThis.addEventListener("unload", () => {
      try {
        Deno.removeSync(dir, { recursive: true });
      } catch {
        // Temporary files only; the OS cleans up.
      }
    });
    prepared = { dir, finish: () => {} };
  }
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", true);
  wasmBackend.setThreadsCount(threads);
  const realCpus = os.cpus;
  const fakeCount = Math.max(2 * threads, realCpus().length);
  (os as { cpus: typeof os.cpus }).cpus = () => {
    const cpus = realCpus();
    return Array.from({ length: fakeCount }, (_, i) => cpus[i % cpus.length]);
  };
  prepared.finish = () => {
    (os as { cpus: typeof os.cpus }).cpus = realCpus;
    for (const w of pthreadWorkers) {
      w.unref();
      w.ref = () => {};
    }
  };
  return prepared;
}

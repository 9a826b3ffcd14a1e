import workerModule from "@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js";
import { patchedWorkerSource, prepareWasmThreads } from "../../lib/backend/wasm_threads.ts";
import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";

const original = (workerModule as { wasmWorkerContents: string }).wasmWorkerContents;

Deno.test("patchedWorkerSource() loads the module from the given file and assigns globals tolerantly", () => {
  const src = patchedWorkerSource(original, "/tmp/x/module.js");
  assert.ok(
    src.includes('importScripts("/tmp/x/module.js");WasmBackendModuleThreadedSimd(Module)'),
  );
  assert.ok(!src.includes("URL.createObjectURL(e.data.urlOrBlob)"), "no Blob URL left");
  assert.ok(!src.includes("Object.assign(global,"), "no throwing assignment left");
  assert.ok(src.startsWith("function __assignGlobals(t,s)"));
  assert.ok(!src.includes("\n"), "newlines escaped as tfjs does");
  // The result is valid JavaScript.
  new Function(src);
});

Deno.test("patchedWorkerSource() throws, naming the missing code, on another tfjs worker script", () => {
  assertThrowsWith(
    () => patchedWorkerSource("var Module={};", "/m.js"),
    "the tfjs wasm worker script lacks the code to patch",
    "importScripts",
  );
  const noAssign = original.replace("Object.assign(global,", "Object.assign(globalThis,");
  assertThrowsWith(() => patchedWorkerSource(noAssign, "/m.js"), "Object.assign(global,");
});

Deno.test("prepareWasmThreads() rejects thread counts below 1", async () => {
  await assertRejectsWith(() => prepareWasmThreads(0), "threads must be an integer ≥ 1, got 0");
  await assertRejectsWith(() => prepareWasmThreads(2.5), "got 2.5");
});

import {
  encodeModule,
  exportOn,
  expr,
  forLoop,
  I32,
  op,
  sleb,
  uleb,
} from "../../../../lib/backend/kernels/simd/wasm_encoder.ts";
import { assert, assertThrowsWith } from "../../../_assert.ts";

Deno.test("uleb() and sleb() give the LEB128 bytes of the WebAssembly spec's examples", () => {
  assert.deepEqual(uleb(0), [0x00]);
  assert.deepEqual(uleb(127), [0x7f]);
  assert.deepEqual(uleb(128), [0x80, 0x01]);
  assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]);
  assert.deepEqual(sleb(-1), [0x7f]);
  assert.deepEqual(sleb(63), [0x3f]);
  assert.deepEqual(sleb(64), [0xc0, 0x00]);
  assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
  assertThrowsWith(() => uleb(-1), "expected an integer ≥ 0, got -1");
});

Deno.test("encodeModule() builds a valid module whose exported function runs on the imported memory", () => {
  const bytes = encodeModule([{
    name: "maxStore",
    params: [I32, I32, I32],
    locals: [],
    // mem_f32[p] = mem_f32[a] > mem_f32[b] ? mem_f32[a] : mem_f32[b]
    body: [
      op.get(0),
      op.get(1),
      op.f32Load(),
      op.get(2),
      op.f32Load(),
      op.get(1),
      op.f32Load(),
      op.get(2),
      op.f32Load(),
      op.f32Gt,
      op.select,
      op.f32Store(),
    ],
  }], false);
  assert.ok(WebAssembly.validate(bytes));
  const memory = new WebAssembly.Memory({ initial: 1 });
  const { maxStore } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: { memory },
  }).exports as { maxStore: (p: number, a: number, b: number) => void };
  const h = new Float32Array(memory.buffer);
  h[1] = 2.5;
  h[2] = -4;
  maxStore(0, 4, 8);
  assert.equal(h[0], 2.5);
});

Deno.test("forLoop() and expr run a counted loop: Σ_{v<n} (2v + 1) written to memory is n²", () => {
  // f(n): acc = 0; for (v = 0; v < n; v++) acc += 2·v + 1; mem[0] = acc. Locals: v = 1, acc = 2.
  const bytes = encodeModule([{
    name: "f",
    params: [I32],
    locals: [I32, I32],
    body: [
      forLoop(
        1,
        op.get(0),
        expr.add(op.get(2), expr.add(expr.mul(op.get(1), op.i32(2)), op.i32(1))),
        op.set(2),
      ),
      op.i32(0),
      op.get(2),
      [0x36, 0x02, 0x00], // i32.store
    ],
  }], false);
  const memory = new WebAssembly.Memory({ initial: 1 });
  const f = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports
    .f as (n: number) => void;
  for (const n of [0, 1, 7, 100]) {
    f(n);
    assert.equal(new Int32Array(memory.buffer)[0], n * n);
  }
});

Deno.test("exportOn() instantiates a module once per memory and maker, and gives null for a module the engine rejects", () => {
  let made = 0;
  const make = (shared: boolean) => {
    made++;
    return encodeModule([{ name: "f", params: [I32], locals: [], body: [] }], shared);
  };
  const bad = (_shared: boolean) => new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]);
  const m1 = new WebAssembly.Memory({ initial: 1 }), m2 = new WebAssembly.Memory({ initial: 1 });
  const a = exportOn<(n: number) => void>(m1, make, "f");
  assert.equal(typeof a, "function");
  assert.equal(exportOn(m1, make, "f"), a);
  assert.equal(made, 1, "cached for the same memory");
  assert.notEqual(exportOn(m2, make, "f"), a);
  assert.equal(made, 2, "a new instance for another memory");
  assert.equal(exportOn(m1, bad, "f"), null);
});

/**
 * A minimal WebAssembly binary encoder: enough to write small SIMD kernels that run on the
 * tfjs wasm backend's own memory (one imported memory, i32 parameters, no globals or
 * tables). Instructions are written as byte arrays with the helpers in {@linkcode op}.
 *
 * @module
 */

/** Unsigned LEB128 encoding of a non-negative integer. */
export function uleb(n: number): number[] {
  if (!(Number.isInteger(n) && n >= 0)) throw new Error(`uleb: expected an integer ≥ 0, got ${n}`);
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 encoding of a 32-bit integer. */
export function sleb(n: number): number[] {
  if (!Number.isInteger(n)) throw new Error(`sleb: expected an integer, got ${n}`);
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const enc = new TextEncoder();
const name = (s: string) => [...uleb(enc.encode(s).length), ...enc.encode(s)];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

/** Value types. */
export const I32 = 0x7f, F32 = 0x7d, V128 = 0x7b;

/** Instruction helpers (each returns its bytes). Memory accesses take a byte offset. */
export const op = {
  block: (...body: number[][]) => [0x02, 0x40, ...body.flat(), 0x0b],
  loop: (...body: number[][]) => [0x03, 0x40, ...body.flat(), 0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32: (n: number) => [0x41, ...sleb(n)],
  f32: (x: number) => [0x43, ...new Uint8Array(new Float32Array([x]).buffer)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32LtU: [0x49],
  i32GeU: [0x4f],
  i32Eqz: [0x45],
  i32Eq: [0x46],
  i32DivU: [0x6e],
  i32RemU: [0x70],
  i32Or: [0x72],
  i32And: [0x71],
  i32ShrU: [0x76],
  i32Ne: [0x47],
  i32LtS: [0x48],
  i32GtS: [0x4a],
  f32Load: (offset = 0) => [0x2a, 0x02, ...uleb(offset)],
  f32Store: (offset = 0) => [0x38, 0x02, ...uleb(offset)],
  f32Gt: [0x5e],
  select: [0x1b],
  memoryFill: [0xfc, ...uleb(11), 0x00],
  memoryCopy: [0xfc, ...uleb(10), 0x00, 0x00],
  v128Load: (offset = 0) => [0xfd, ...uleb(0x00), 0x04, ...uleb(offset)],
  v128Store: (offset = 0) => [0xfd, ...uleb(0x0b), 0x04, ...uleb(offset)],
  f32x4Splat: [0xfd, ...uleb(0x13)],
  v128Load32Splat: (offset = 0) => [0xfd, ...uleb(0x09), 0x02, ...uleb(offset)],
  f32x4Mul: [0xfd, ...uleb(0xe6)],
  /** Pseudo-maximum: pmax(a, b) = a < b ? b : a (a NaN b leaves a). */
  f32x4Pmax: [0xfd, ...uleb(0xeb)],
  /** Relaxed SIMD: a·b + c, fused where the CPU has FMA (stack: a, b, c). */
  f32x4RelaxedMadd: [0xfd, ...uleb(0x105)],
  f32x4Gt: [0xfd, ...uleb(0x44)],
  v128And: [0xfd, ...uleb(0x4e)],
  v128AndNot: [0xfd, ...uleb(0x4f)],
  v128Bitselect: [0xfd, ...uleb(0x52)],
  v128Zero: [0xfd, ...uleb(0x0c), ...new Array(16).fill(0)],
  i8x16Shuffle: (lanes: number[]) => [0xfd, ...uleb(0x0d), ...lanes],
  f32x4Add: [0xfd, ...uleb(0xe4)],
  f64x2Add: [0xfd, ...uleb(0xf0)],
  f64x2PromoteLowF32x4: [0xfd, ...uleb(0x5f)],
  f32x4DemoteF64x2Zero: [0xfd, ...uleb(0x5e)],
};

/** i32 expression helpers: each operand is the bytes that push one i32. */
export const expr = {
  add: (a: number[], b: number[]): number[] => [...a, ...b, ...op.i32Add],
  mul: (a: number[], b: number[]): number[] => [...a, ...b, ...op.i32Mul],
  /** f32x4 a·b + c: one relaxed-SIMD fused multiply-add, or a multiply and an add. */
  madd: (a: number[], b: number[], c: number[], fused: boolean): number[] =>
    fused
      ? [...a, ...b, ...c, ...op.f32x4RelaxedMadd]
      : [...c, ...a, ...b, ...op.f32x4Mul, ...op.f32x4Add],
};

/** `for (local v = 0; v < limit; v++) body`, with `limit` an i32 expression. */
export function forLoop(v: number, limit: number[], ...body: number[][]): number[] {
  return [
    ...op.i32(0),
    ...op.set(v),
    ...op.block(
      op.loop(
        op.get(v),
        limit,
        op.i32GeU,
        op.brIf(1),
        ...body,
        op.get(v),
        op.i32(1),
        op.i32Add,
        op.set(v),
        op.br(0),
      ),
    ),
  ];
}

/** One function of a module: its parameter and local types, body and export name. */
export interface WasmFunction {
  name: string;
  params: number[];
  locals: number[];
  body: number[][];
}

/**
 * Encodes a module that imports one memory as `env.memory` (shared, with 65 536 pages
 * maximum, when `sharedMemory`; else unshared with no maximum) and exports `functions`.
 */
export function encodeModule(
  functions: WasmFunction[],
  sharedMemory: boolean,
): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0x00]);
  const limits = sharedMemory ? [0x03, ...uleb(0), ...uleb(65536)] : [0x00, ...uleb(0)];
  const imports = [[...name("env"), ...name("memory"), 0x02, ...limits]];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const codes = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [...uleb(1), t]));
    const body = [...locals, ...f.body.flat(), 0x0b];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(exports)),
    ...section(10, vec(codes)),
  ]);
}

const exportsOn = new WeakMap<
  WebAssembly.Memory,
  Map<(sharedMemory: boolean) => Uint8Array<ArrayBuffer>, Map<string, unknown>>
>();

/**
 * The export `name` of the module `make(shared)` instantiated on `memory` (shared: whether
 * the memory is a threaded build's) — once per memory and module maker — or null where the
 * engine rejects the module (no SIMD or bulk memory).
 */
export function exportOn<T>(
  memory: WebAssembly.Memory,
  make: (sharedMemory: boolean) => Uint8Array<ArrayBuffer>,
  name: string,
): T | null {
  let byMaker = exportsOn.get(memory);
  if (!byMaker) exportsOn.set(memory, byMaker = new Map());
  let byName = byMaker.get(make);
  if (!byName) byMaker.set(make, byName = new Map());
  if (byName.has(name)) return byName.get(name) as T | null;
  const bytes = make(memory.buffer instanceof SharedArrayBuffer);
  let fn: T | null = null;
  if (WebAssembly.validate(bytes)) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    fn = instance.exports[name] as T;
  }
  byName.set(name, fn);
  return fn;
}

/**
 * The max-pool gradient of non-overlapping 1 × 2 windows (MaxPooling1D with pool 2, stride 2,
 * no padding: our encoders' pools) as a WebAssembly SIMD kernel on the tfjs wasm heap. The
 * JavaScript loop it replaces costs ~7 ns per input value; this one handles four channels
 * per instruction.
 *
 * For each image row and output column j, with x₀ = x[2j], x₁ = x[2j + 1] (per channel) and
 * g = dy[j]: the gradient goes to the first maximum, exactly as tfjs's `cpu` backend decides
 * it (a strict `>` starting from −∞, so NaN and −∞ never win):
 *
 *   a₀ = x₀ > −∞,  b = a₀ ? x₀ : −∞,  a₁ = x₁ > b,
 *   dx[2j] = g·[a₀ ∧ ¬a₁],  dx[2j + 1] = g·[a₁]
 *
 * and columns past the last window get 0.
 *
 * @module
 */
import { encodeModule, exportOn, I32, op, V128 } from "./wasm_encoder.ts";

// Parameters (byte offsets on the heap, then sizes) and locals, by index.
const X = 0, DY = 1, DX = 2, ROWS = 3, OW = 4, IW = 5, CH = 6;
const R = 7, J = 8, C = 9, PX = 10, PDX = 11, PG = 12, CB = 13, TAIL = 14;
const NINF = 15, V0 = 16, A0 = 17, A1 = 18, G = 19;

const { get, set, i32, block, loop, br, brIf } = op;

/** The body of `maxPoolPairsGrad(x, dy, dx, rows, ow, iw, ch)`; `ch` must be a multiple of 4. */
function body(): number[][] {
  const addr = (p: number, extra: number[] = []) => [...get(p), ...get(C), ...op.i32Add, ...extra];
  const perChannelBlock = block(
    loop(
      // while (c < cb)
      get(C),
      get(CB),
      op.i32GeU,
      brIf(1),
      // v0 = x₀; a0 = v0 > −∞
      addr(PX),
      op.v128Load(),
      op.tee(V0),
      get(NINF),
      op.f32x4Gt,
      set(A0),
      // a1 = x₁ > (a0 ? v0 : −∞)
      addr(PX, [...get(CB), ...op.i32Add]),
      op.v128Load(),
      get(V0),
      get(NINF),
      get(A0),
      op.v128Bitselect,
      op.f32x4Gt,
      set(A1),
      // g = dy[j]
      addr(PG),
      op.v128Load(),
      set(G),
      // dx₀ = g & a0 & ~a1
      addr(PDX),
      get(G),
      get(A0),
      op.v128And,
      get(A1),
      op.v128AndNot,
      op.v128Store(),
      // dx₁ = g & a1
      addr(PDX, [...get(CB), ...op.i32Add]),
      get(G),
      get(A1),
      op.v128And,
      op.v128Store(),
      // c += 16
      get(C),
      i32(16),
      op.i32Add,
      set(C),
      br(0),
    ),
  );
  const pairsBlock = block(
    loop(
      get(J),
      get(OW),
      op.i32GeU,
      brIf(1),
      i32(0),
      set(C),
      perChannelBlock,
      // px += 2·cb; pdx += 2·cb; pg += cb; j++
      get(PX),
      get(CB),
      get(CB),
      op.i32Add,
      op.i32Add,
      set(PX),
      get(PDX),
      get(CB),
      get(CB),
      op.i32Add,
      op.i32Add,
      set(PDX),
      get(PG),
      get(CB),
      op.i32Add,
      set(PG),
      get(J),
      i32(1),
      op.i32Add,
      set(J),
      br(0),
    ),
  );
  return [
    // cb = ch·4; tail = (iw − 2·ow)·cb; ninf = splat(−∞); px, pdx, pg = x, dx, dy
    get(CH),
    i32(4),
    op.i32Mul,
    set(CB),
    get(IW),
    get(OW),
    get(OW),
    op.i32Add,
    op.i32Sub,
    get(CB),
    op.i32Mul,
    set(TAIL),
    op.f32(-Infinity),
    op.f32x4Splat,
    set(NINF),
    get(X),
    set(PX),
    get(DX),
    set(PDX),
    get(DY),
    set(PG),
    block(
      loop(
        get(R),
        get(ROWS),
        op.i32GeU,
        brIf(1),
        i32(0),
        set(J),
        pairsBlock,
        // zero the columns past the last window, then skip them
        get(PDX),
        i32(0),
        get(TAIL),
        op.memoryFill,
        get(PX),
        get(TAIL),
        op.i32Add,
        set(PX),
        get(PDX),
        get(TAIL),
        op.i32Add,
        set(PDX),
        get(R),
        i32(1),
        op.i32Add,
        set(R),
        br(0),
      ),
    ),
  ];
}

/** The kernel's module bytes, for a shared (threaded build) or unshared memory. */
export function maxPoolPairsModule(sharedMemory: boolean): Uint8Array<ArrayBuffer> {
  return encodeModule([{
    name: "maxPoolPairsGrad",
    params: [I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128],
    body: body(),
  }], sharedMemory);
}

/** `maxPoolPairsGrad(x, dy, dx, rows, ow, iw, ch)`: byte offsets, then sizes. */
export type MaxPoolPairsGrad = (
  x: number,
  dy: number,
  dx: number,
  rows: number,
  ow: number,
  iw: number,
  ch: number,
) => void;

/**
 * The kernel instantiated on `memory` (cached per memory), or null when this runtime lacks
 * WebAssembly SIMD or bulk memory.
 */
export function maxPoolPairsGrad(memory: WebAssembly.Memory): MaxPoolPairsGrad | null {
  return exportOn<MaxPoolPairsGrad>(memory, maxPoolPairsModule, "maxPoolPairsGrad");
}

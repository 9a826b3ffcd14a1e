/**
 * Column sums of a float32 matrix X [rows, cols] as a WebAssembly SIMD kernel on the tfjs
 * wasm heap — the bias gradients, Σ over every position of an activation [B, …, C]:
 *
 *   out[c] = Σ_r X[r, c]
 *
 * Four columns per instruction, accumulated in float32 over blocks of {@linkcode BLOCK_ROWS}
 * rows and across blocks in float64, so the result stays within a few float32 roundings of
 * the `cpu` backend's float64 sum even over 10⁵ rows.
 *
 * @module
 */
import { encodeModule, exportOn, I32, op, V128 } from "./wasm_encoder.ts";

/** Rows summed in float32 before the block sum is added in float64. */
export const BLOCK_ROWS = 64;

// Parameters: x, scratch (cols f32, then cols f64 accumulators), out (byte offsets); rows, cols.
const X = 0, SCRATCH = 1, OUT = 2, ROWS = 3, COLS = 4;
const R = 5, CB = 6, ROWBYTES = 7, PX = 8, ACC = 9, S = 10;

const { get, set, i32, block, loop, br, brIf } = op;

/** for (cb = 0; cb < rowBytes; cb += 16) { …body } */
const overColumnGroups = (...body: number[][]) => [
  ...i32(0),
  ...set(CB),
  ...block(
    loop(
      get(CB),
      get(ROWBYTES),
      op.i32GeU,
      brIf(1),
      ...body,
      get(CB),
      i32(16),
      op.i32Add,
      set(CB),
      br(0),
    ),
  ),
];

/** acc64[2·cb + offset] += promote(lanes of s picked by `shuffle`) */
const addToAcc = (offset: number, lanes: number[] | null) => [
  ...get(ACC),
  ...get(CB),
  ...get(CB),
  ...op.i32Add,
  ...op.i32Add,
  ...get(ACC),
  ...get(CB),
  ...get(CB),
  ...op.i32Add,
  ...op.i32Add,
  ...op.v128Load(offset),
  ...get(S),
  ...(lanes ? [...get(S), ...op.i8x16Shuffle(lanes)] : []),
  ...op.f64x2PromoteLowF32x4,
  ...op.f64x2Add,
  ...op.v128Store(offset),
];

const HIGH_PAIR = [8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15];
const LOW_HALVES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

/** Moves the float32 block sums into the float64 accumulators and clears them. */
const flush = overColumnGroups(
  // s = scratch[cb]; scratch[cb] = 0
  get(SCRATCH),
  get(CB),
  op.i32Add,
  op.v128Load(),
  set(S),
  get(SCRATCH),
  get(CB),
  op.i32Add,
  op.v128Zero,
  op.v128Store(),
  addToAcc(0, null),
  addToAcc(16, HIGH_PAIR),
);

function body(): number[][] {
  return [
    // rowBytes = cols·4; acc = scratch + rowBytes; zero scratch and acc (3·rowBytes bytes)
    get(COLS),
    i32(4),
    op.i32Mul,
    set(ROWBYTES),
    get(SCRATCH),
    get(ROWBYTES),
    op.i32Add,
    set(ACC),
    get(SCRATCH),
    i32(0),
    get(ROWBYTES),
    i32(3),
    op.i32Mul,
    op.memoryFill,
    get(X),
    set(PX),
    block(
      loop(
        get(R),
        get(ROWS),
        op.i32GeU,
        brIf(1),
        // scratch[cb] += x[row, cb]
        overColumnGroups(
          get(SCRATCH),
          get(CB),
          op.i32Add,
          get(SCRATCH),
          get(CB),
          op.i32Add,
          op.v128Load(),
          get(PX),
          get(CB),
          op.i32Add,
          op.v128Load(),
          op.f32x4Add,
          op.v128Store(),
        ),
        get(PX),
        get(ROWBYTES),
        op.i32Add,
        set(PX),
        get(R),
        i32(1),
        op.i32Add,
        set(R),
        // every BLOCK_ROWS rows and at the end: flush
        block(
          get(R),
          i32(BLOCK_ROWS),
          op.i32RemU,
          op.i32Eqz,
          get(R),
          get(ROWS),
          op.i32Eq,
          op.i32Or,
          op.i32Eqz,
          brIf(0),
          flush,
        ),
        br(0),
      ),
    ),
    // out[cb] = demote(acc[2cb]) ‖ demote(acc[2cb + 16])
    overColumnGroups(
      get(OUT),
      get(CB),
      op.i32Add,
      get(ACC),
      get(CB),
      get(CB),
      op.i32Add,
      op.i32Add,
      op.v128Load(),
      op.f32x4DemoteF64x2Zero,
      get(ACC),
      get(CB),
      get(CB),
      op.i32Add,
      op.i32Add,
      op.v128Load(16),
      op.f32x4DemoteF64x2Zero,
      op.i8x16Shuffle(LOW_HALVES),
      op.v128Store(),
    ),
  ];
}

/** The kernel's module bytes, for a shared (threaded build) or unshared memory. */
export function columnSumsModule(sharedMemory: boolean): Uint8Array<ArrayBuffer> {
  return encodeModule([{
    name: "columnSums",
    params: [I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, V128],
    body: body(),
  }], sharedMemory);
}

/**
 * `columnSums(x, scratch, out, rows, cols)`: byte offsets of X, of a scratch area of
 * 3·cols float32 (16-byte aligned), and of out; `cols` a multiple of 4.
 */
export type ColumnSums = (
  x: number,
  scratch: number,
  out: number,
  rows: number,
  cols: number,
) => void;

/** The kernel instantiated on `memory` (cached per memory), or null without WebAssembly SIMD. */
export function columnSums(memory: WebAssembly.Memory): ColumnSums | null {
  return exportOn<ColumnSums>(memory, columnSumsModule, "columnSums");
}

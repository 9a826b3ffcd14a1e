/**
 * A WebAssembly SIMD kernel for max pooling along one axis: for x seen as [B, L, C] and
 * windows of `f` positions every `s` positions (no padding),
 *
 *   y[b, i, c] = max_{k < f} x[b, i·s + k, c],
 *
 * four channels at a time (C a multiple of 4). The maximum starts at −∞ and takes a value
 * only when it is larger (f32x4.pmax), so NaN inputs are skipped and an all-NaN window gives
 * −∞ — the tfjs `cpu` backend's rule.
 *
 * @module
 */
import { encodeModule, exportOn, I32, op, V128 } from "./wasm_encoder.ts";

const { get, set, tee, i32, block, loop, br, brIf } = op;

// Parameters (bytes unless said otherwise): x, y, rows (B·outL, count), outL (count),
// imageBytes (L·C·4), strideBytes (s·C·4), rowBytes (C·4), window f (count).
const X = 0, Y = 1, ROWS = 2, OUTL = 3, IMG = 4, STRIDE = 5, ROW = 6, F = 7;
// Locals: r, i (position in image), xr (window start), c (byte offset in row), p, k, acc.
const R = 8, I = 9, XR = 10, C = 11, P = 12, K = 13, ACC = 14;

const NEG_INF = [...op.f32(-Infinity), ...op.f32x4Splat];

function body(): number[][] {
  return [
    // xr = X; i = 0 (x of row r: image start + i·STRIDE)
    get(X),
    set(XR),
    block(
      loop(
        get(R),
        get(ROWS),
        op.i32GeU,
        brIf(1),
        // for c = 0; c < ROW; c += 16
        i32(0),
        set(C),
        block(
          loop(
            get(C),
            get(ROW),
            op.i32GeU,
            brIf(1),
            NEG_INF,
            set(ACC),
            get(XR),
            get(C),
            op.i32Add,
            set(P),
            get(F),
            set(K),
            loop(
              get(ACC),
              get(P),
              op.v128Load(),
              op.f32x4Pmax,
              set(ACC),
              get(P),
              get(ROW),
              op.i32Add,
              set(P),
              get(K),
              i32(1),
              op.i32Sub,
              tee(K),
              brIf(0),
            ),
            get(Y),
            get(C),
            op.i32Add,
            get(ACC),
            op.v128Store(),
            get(C),
            i32(16),
            op.i32Add,
            set(C),
            br(0),
          ),
        ),
        // Next output row: y += ROW; i += 1; xr += STRIDE, or at the image's end the next
        // image's start.
        get(Y),
        get(ROW),
        op.i32Add,
        set(Y),
        get(R),
        i32(1),
        op.i32Add,
        set(R),
        block(
          // if (++i == OUTL) { i = 0; X += IMG; xr = X; continue } else xr += STRIDE
          get(I),
          i32(1),
          op.i32Add,
          tee(I),
          get(OUTL),
          op.i32Ne,
          brIf(0),
          i32(0),
          set(I),
          get(X),
          get(IMG),
          op.i32Add,
          tee(X),
          set(XR),
          br(1),
        ),
        get(XR),
        get(STRIDE),
        op.i32Add,
        set(XR),
        br(0),
      ),
    ),
  ];
}

/** The kernel's module bytes, for a shared (threaded build) or unshared memory. */
export function maxPool1dModule(sharedMemory: boolean): Uint8Array<ArrayBuffer> {
  return encodeModule([{
    name: "maxPool1d",
    params: new Array(8).fill(I32),
    locals: [I32, I32, I32, I32, I32, I32, V128],
    body: body(),
  }], sharedMemory);
}

/**
 * y[b, i, c] = max_{k < window} x[b, i·stride + k, c] for `rows` = B·outL output rows (all
 * sizes in bytes: imageBytes = L·C·4, strideBytes = stride·C·4, rowBytes = C·4 with C a
 * multiple of 4; window ≥ 1).
 */
export type MaxPool1d = (
  x: number,
  y: number,
  rows: number,
  outL: number,
  imageBytes: number,
  strideBytes: number,
  rowBytes: number,
  window: number,
) => void;

/** The kernel instantiated on `memory` (cached per memory), or null without wasm SIMD. */
export function maxPool1d(memory: WebAssembly.Memory): MaxPool1d | null {
  return exportOn<MaxPool1d>(memory, maxPool1dModule, "maxPool1d");
}

/**
 * A WebAssembly SIMD kernel for the forward pass of a 1-D convolution at stride 1 on the
 * tfjs wasm backend's own memory, without a patch matrix (im2col).
 *
 * For x of shape [B, W, ci] (already padded) and a filter seen as a matrix F [M, N]
 * (M = fw·ci, N = co; the [1, fw, ci, co] filter's own layout), the output is
 *
 *   y[b, j, n] = Σ_m x_flat[b·W·ci + j·ci + m] · F[m, n],
 *
 * a matrix product whose left operand has overlapping rows (position j starts at j·ci). The
 * kernel walks tiles of MR positions × 4·NV output channels; each runs the whole reduction
 * over m (unrolled by 4) with f32x4 accumulators (fused multiply-adds where the engine has
 * relaxed SIMD), reading F from a copy packed per tile column ({@linkcode packFilter}) so
 * that its loads have constant offsets. Callers split the images between threads. The
 * functions are instantiated with the other 1-D kernels by {@linkcode ./conv1d_kernels.ts}.
 *
 * @module
 */
import { encodeModule, expr, forLoop, I32, op, V128, type WasmFunction } from "./wasm_encoder.ts";

const { add, mul } = expr;
const { get, set, tee, i32, block, loop, brIf } = op;

// Parameters (bytes unless said otherwise).
const X = 0, // x at image 0, position 0
  F = 1, // packed filter: the region's first tile column
  Y = 2, // y at image 0, position 0, the region's first channel
  IMAGES = 3, // images (count)
  P0 = 4, // first position of the region (count)
  PTILES = 5, // position tiles per image (count)
  NTILES = 6, // channel tiles (count)
  XIMG = 7, // bytes per image of x
  XSTEP = 8, // bytes per position of x (ci·4)
  YIMG = 9, // bytes per image of y
  YROW = 10, // bytes per position of y (co·4)
  FTILE = 11, // bytes per packed tile column (M·nv·16)
  M4 = 12, // M / 4, rounded down (count)
  MREM = 13; // M mod 4 (count)
const PARAMS = 14;
// i32 locals.
const B = 14, PT = 15, NT = 16, K = 17, FP = 18, XI = 19, YP = 20, XT = 21;
const ROW0 = 22; // mr row pointers follow
const MAX_MR = 6;
const I32_LOCALS = 8 + MAX_MR;
const V0 = PARAMS + I32_LOCALS;

/** Tile shapes the module exports, as `conv_{MR}x{NV}` (positions × f32x4 channel blocks). */
export const FORWARD_TILE_SHAPES: ReadonlyArray<readonly [number, number]> = [
  ...[1, 2, 3, 4, 5, 6].map((mr) => [mr, 2] as const),
  ...[1, 2, 3, 4, 5, 6].map((mr) => [mr, 1] as const),
];

function convFunction(mr: number, nv: number, fused: boolean): WasmFunction {
  const acc = (r: number, k: number) => V0 + r * nv + k;
  const fv = (k: number) => V0 + mr * nv + k;
  const a = V0 + mr * nv + nv;
  const row = (r: number) => ROW0 + r;
  /** One step of the reduction: m at byte offset 4u of the rows, 16·nv·u of the filter. */
  const step = (u: number) => {
    const out: number[][] = [];
    for (let k = 0; k < nv; k++) out.push(get(FP), op.v128Load(16 * nv * u + 16 * k), set(fv(k)));
    for (let r = 0; r < mr; r++) {
      out.push(get(row(r)), op.v128Load32Splat(4 * u), set(a));
      for (let k = 0; k < nv; k++) {
        out.push(expr.madd(get(a), get(fv(k)), get(acc(r, k)), fused), set(acc(r, k)));
      }
    }
    return out;
  };
  const advance = (bytesX: number) => {
    const out: number[][] = [];
    for (let r = 0; r < mr; r++) out.push(get(row(r)), i32(bytesX), op.i32Add, set(row(r)));
    out.push(get(FP), i32(4 * bytesX * nv), op.i32Add, set(FP));
    return out;
  };
  const tile: number[][] = [
    // First position of the tile: xT = xImg + (P0 + pt·mr)·XSTEP; rows r at xT + r·XSTEP.
    add(get(XI), mul(add(get(P0), mul(get(PT), i32(mr))), get(XSTEP))),
    set(XT),
  ];
  const setRows: number[][] = [];
  for (let r = 0; r < mr; r++) {
    setRows.push(add(get(XT), mul(i32(r), get(XSTEP))), set(row(r)));
  }
  const zero: number[][] = [];
  for (let r = 0; r < mr; r++) for (let k = 0; k < nv; k++) zero.push(op.v128Zero, set(acc(r, k)));
  const store: number[][] = [
    // yP = Y + b·YIMG + (P0 + pt·mr)·YROW + nt·16·nv
    add(
      add(add(get(Y), mul(get(B), get(YIMG))), mul(add(get(P0), mul(get(PT), i32(mr))), get(YROW))),
      mul(get(NT), i32(16 * nv)),
    ),
    set(YP),
  ];
  for (let r = 0; r < mr; r++) {
    for (let k = 0; k < nv; k++) store.push(get(YP), get(acc(r, k)), op.v128Store(16 * k));
    if (r + 1 < mr) store.push(get(YP), get(YROW), op.i32Add, set(YP));
  }
  const reduce: number[][] = [
    // Unrolled by 4 while M4 > 0, then one m at a time.
    block(
      get(M4),
      op.i32Eqz,
      brIf(0),
      get(M4),
      set(K),
      loop(
        ...step(0),
        ...step(1),
        ...step(2),
        ...step(3),
        ...advance(16),
        get(K),
        i32(1),
        op.i32Sub,
        tee(K),
        brIf(0),
      ),
    ),
    block(
      get(MREM),
      op.i32Eqz,
      brIf(0),
      get(MREM),
      set(K),
      loop(...step(0), ...advance(4), get(K), i32(1), op.i32Sub, tee(K), brIf(0)),
    ),
  ];
  const perTile = [
    ...tile,
    ...setRows,
    add(get(F), mul(get(NT), get(FTILE))),
    set(FP),
    ...zero,
    ...reduce,
    ...store,
  ];
  const body = [
    forLoop(
      B,
      get(IMAGES),
      add(get(X), mul(get(B), get(XIMG))),
      set(XI),
      forLoop(PT, get(PTILES), forLoop(NT, get(NTILES), ...perTile)),
    ),
  ];
  return {
    name: `conv_${mr}x${nv}`,
    params: new Array(PARAMS).fill(I32),
    locals: [...new Array(I32_LOCALS).fill(I32), ...new Array(mr * nv + nv + 1).fill(V128)],
    body,
  };
}

/** The kernel's functions, `conv_{MR}x{NV}` for each {@linkcode FORWARD_TILE_SHAPES} entry. */
export function forwardFunctions(fused: boolean): WasmFunction[] {
  return FORWARD_TILE_SHAPES.map(([mr, nv]) => convFunction(mr, nv, fused));
}

/** A module of just this kernel (for tests and benchmarks). */
export function conv1dForwardModule(
  sharedMemory: boolean,
  fused: boolean,
): Uint8Array<ArrayBuffer> {
  return encodeModule(forwardFunctions(fused), sharedMemory);
}

/** One tile function (arguments in bytes or counts as the parameters above list). */
export type ConvTileFunction = (
  x: number,
  f: number,
  y: number,
  images: number,
  p0: number,
  pTiles: number,
  nTiles: number,
  xImageBytes: number,
  xStepBytes: number,
  yImageBytes: number,
  yRowBytes: number,
  fTileBytes: number,
  m4: number,
  mRem: number,
) => void;

/** A rectangle of tiles: positions p0 … p0 + pTiles·mr − 1 of every image × channel tiles. */
export interface ForwardRegion {
  mr: number;
  nv: number;
  p0: number;
  pTiles: number;
  n0: number;
  nTiles: number;
}

/**
 * Covers y [ow, N] (per image; N a multiple of 4) with regions of 6-position tiles and a
 * remainder, over 8-channel tiles and a 4-channel remainder. Throws when N is not a
 * positive multiple of 4 or ow < 1.
 */
export function forwardRegions(ow: number, n: number): ForwardRegion[] {
  if (!(Number.isInteger(ow) && ow >= 1 && Number.isInteger(n) && n >= 4 && n % 4 === 0)) {
    throw new Error(
      `forwardRegions: expected ow ≥ 1 and N a positive multiple of 4, got ${ow} × ${n}`,
    );
  }
  const regions: ForwardRegion[] = [];
  const pMain = ow - (ow % MAX_MR), nMain = n - (n % 8);
  const cols: Array<[number, number, number]> = [];
  if (nMain > 0) cols.push([2, 0, nMain / 8]);
  if (n > nMain) cols.push([1, nMain, 1]);
  for (const [nv, n0, nTiles] of cols) {
    if (pMain > 0) regions.push({ mr: MAX_MR, nv, p0: 0, pTiles: pMain / MAX_MR, n0, nTiles });
    if (ow > pMain) regions.push({ mr: ow - pMain, nv, p0: pMain, pTiles: 1, n0, nTiles });
  }
  return regions;
}

/**
 * Packs F [M, N] (row-major) for the kernel: the 8-channel tile columns first, each as
 * [M, 8], then a 4-channel remainder as [M, 4]. `out` must hold M·N values.
 */
export function packFilter(f: Float32Array, m: number, n: number, out: Float32Array): void {
  const nMain = n - (n % 8);
  let o = 0;
  for (let n0 = 0; n0 < nMain; n0 += 8) {
    for (let r = 0; r < m; r++) for (let c = 0; c < 8; c++) out[o++] = f[r * n + n0 + c];
  }
  if (n > nMain) {
    for (let r = 0; r < m; r++) for (let c = 0; c < 4; c++) out[o++] = f[r * n + nMain + c];
  }
}

/** Byte offset of a region's first packed tile column in the packed filter. */
export function packedOffset(region: ForwardRegion, m: number): number {
  return region.n0 * m * 4;
}

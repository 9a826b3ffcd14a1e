/**
 * A WebAssembly SIMD kernel for the filter gradient of a 1-D convolution at stride 1, run
 * on the tfjs wasm backend's own memory without any patch matrix (im2col) or packing.
 *
 * For x of shape [B, W, ci] (already padded) and dy of shape [B, ow, co], the gradient is
 *
 *   dW[m, n] = Σ_{b, j} x[b, j + k, c] · dy[b, j, n],   m = k·ci + c,
 *
 * and since x[b, j + k, c] = x_flat[b·W·ci + j·ci + m], the "patch" of position (b, j) is the
 * contiguous run of M = fw·ci floats of x starting at (b, j, 0): a matrix product whose left
 * operand has overlapping rows. The kernel walks positions in chunks that stay in the L1
 * cache; for each chunk it runs over tiles of MR rows (m) × 4·NV columns (n), accumulating
 * f32x4 registers (with a fused multiply-add where the engine has relaxed SIMD), and adds
 * each tile's partial sums into a float64 accumulator C [M, co]. Callers split the images
 * between threads, each with its own C. The functions are instantiated with the other 1-D
 * kernels by {@linkcode ./conv1d_kernels.ts}.
 *
 * @module
 */
import { encodeModule, expr, forLoop, I32, op, V128, type WasmFunction } from "./wasm_encoder.ts";

const { add, mul } = expr;
const { get, set, tee, i32, block, loop, br, brIf } = op;

// Parameters (bytes unless said otherwise).
const X = 0, // x + m0·4: the first m of the region at position (0, 0)
  DY = 1, // dy + n0·4
  C = 2, // C (float64) + (m0·co + n0)·8
  IMAGES = 3, // images to walk (count)
  OW = 4, // positions per image (count)
  XIMG = 5, // bytes per image of x
  XSTEP = 6, // bytes per position of x (ci·4)
  DYROW = 7, // bytes per position of dy (co·4)
  CROW = 8, // bytes per row of C (co·8)
  MTILES = 9, // tiles along m (count)
  NTILES = 10, // tiles along n (count)
  JB = 11; // positions per chunk (count)
const PARAMS = 12;
// i32 locals.
const B = 12,
  J0 = 13,
  JN = 14,
  MT = 15,
  NT = 16,
  K = 17,
  XP = 18,
  DYP = 19,
  CP = 20,
  XIMGP = 21,
  DYIMGP = 22;
/** Positions per iteration of the inner loop (pointer pairs xP[u], dyP[u]). */
const UNROLL = 4;
const XPU = (u: number) => (u === 0 ? XP : 23 + 2 * (u - 1));
const DYPU = (u: number) => (u === 0 ? DYP : 24 + 2 * (u - 1));
const I32_LOCALS = 11 + 2 * (UNROLL - 1);
const V0 = PARAMS + I32_LOCALS; // first v128 local

/** Tile shapes the module exports, as `tile_{MR}x{NV}` (rows × f32x4 column blocks). */
export const TILE_SHAPES: ReadonlyArray<readonly [number, number]> = [
  ...[1, 2, 3, 4, 5, 6].map((mr) => [mr, 2] as const),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((mr) => [mr, 1] as const),
];

function tileFunction(mr: number, nv: number, fused: boolean): WasmFunction {
  const acc = (r: number, k: number) => V0 + r * nv + k;
  const dyv = (k: number) => V0 + mr * nv + k;
  const a = V0 + mr * nv + nv;
  /** One position: the tile's accumulators += x[xp + r] · dy[dyp + 4k …]. */
  const inner = (xp: number, dyp: number): number[][] => {
    const out: number[][] = [];
    for (let k = 0; k < nv; k++) out.push(get(dyp), op.v128Load(16 * k), set(dyv(k)));
    for (let r = 0; r < mr; r++) {
      out.push(get(xp), op.v128Load32Splat(4 * r), set(a));
      for (let k = 0; k < nv; k++) {
        out.push(expr.madd(get(a), get(dyv(k)), get(acc(r, k)), fused), set(acc(r, k)));
      }
    }
    return out;
  };
  // xP[u] = xP[u − 1] + XSTEP (and dy), from xP[0]; after an iteration xP[0] = xP[U − 1] + XSTEP.
  const pointersFrom0: number[][] = [];
  for (let u = 1; u < UNROLL; u++) {
    pointersFrom0.push(add(get(XPU(u - 1)), get(XSTEP)), set(XPU(u)));
    pointersFrom0.push(add(get(DYPU(u - 1)), get(DYROW)), set(DYPU(u)));
  }
  const positions: number[][] = [];
  for (let u = 0; u < UNROLL; u++) positions.push(...inner(XPU(u), DYPU(u)));
  const advance: number[][] = [
    add(get(XPU(UNROLL - 1)), get(XSTEP)),
    set(XP),
    add(get(DYPU(UNROLL - 1)), get(DYROW)),
    set(DYP),
    ...pointersFrom0,
  ];
  const zero: number[][] = [];
  for (let r = 0; r < mr; r++) for (let k = 0; k < nv; k++) zero.push(op.v128Zero, set(acc(r, k)));
  // C rows r: cP + r·CROW; columns 4k … 4k + 3 as two float64x2 at byte 32k and 32k + 16.
  const store: number[][] = [];
  for (let r = 0; r < mr; r++) {
    for (let k = 0; k < nv; k++) {
      store.push(
        get(CP),
        get(CP),
        op.v128Load(32 * k),
        get(acc(r, k)),
        op.f64x2PromoteLowF32x4,
        op.f64x2Add,
        op.v128Store(32 * k),
        get(CP),
        get(CP),
        op.v128Load(32 * k + 16),
        get(acc(r, k)),
        get(acc(r, k)),
        op.i8x16Shuffle([8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15]),
        op.f64x2PromoteLowF32x4,
        op.f64x2Add,
        op.v128Store(32 * k + 16),
      );
    }
    if (r + 1 < mr) store.push(get(CP), get(CROW), op.i32Add, set(CP));
  }
  const tile = [
    // xP = xImg + j0·XSTEP + mt·mr·4; dyP = dyImg + j0·DYROW + nt·nv·16
    add(add(get(XIMGP), mul(get(J0), get(XSTEP))), mul(get(MT), i32(mr * 4))),
    set(XP),
    add(add(get(DYIMGP), mul(get(J0), get(DYROW))), mul(get(NT), i32(nv * 16))),
    set(DYP),
    ...zero,
    // UNROLL positions per iteration (pointer pairs xP[u], dyP[u]), then one at a time.
    block(
      get(JN),
      i32(UNROLL),
      op.i32DivU,
      tee(K),
      op.i32Eqz,
      brIf(0),
      ...pointersFrom0,
      loop(
        ...positions,
        ...advance,
        get(K),
        i32(1),
        op.i32Sub,
        tee(K),
        brIf(0),
      ),
    ),
    block(
      get(JN),
      i32(UNROLL),
      op.i32RemU,
      tee(K),
      op.i32Eqz,
      brIf(0),
      loop(
        ...inner(XP, DYP),
        add(get(XP), get(XSTEP)),
        set(XP),
        add(get(DYP), get(DYROW)),
        set(DYP),
        get(K),
        i32(1),
        op.i32Sub,
        tee(K),
        brIf(0),
      ),
    ),
    // cP = C + mt·mr·CROW + nt·nv·32
    add(add(get(C), mul(get(MT), mul(i32(mr), get(CROW)))), mul(get(NT), i32(nv * 32))),
    set(CP),
    ...store,
  ];
  const chunks = [
    // for (j0 = 0; j0 < OW; j0 += JB): jn = min(JB, OW − j0)
    ...i32(0),
    ...set(J0),
    ...block(
      loop(
        get(J0),
        get(OW),
        op.i32GeU,
        brIf(1),
        get(JB),
        [...get(OW), ...get(J0), ...op.i32Sub],
        get(JB),
        [...get(OW), ...get(J0), ...op.i32Sub],
        op.i32LtS,
        op.select,
        set(JN),
        forLoop(MT, get(MTILES), forLoop(NT, get(NTILES), ...tile)),
        get(J0),
        get(JB),
        op.i32Add,
        set(J0),
        br(0),
      ),
    ),
  ];
  const body = [
    forLoop(
      B,
      get(IMAGES),
      add(get(X), mul(get(B), get(XIMG))),
      set(XIMGP),
      add(get(DY), mul(mul(get(B), get(OW)), get(DYROW))),
      set(DYIMGP),
      chunks,
    ),
  ];
  return {
    name: `tile_${mr}x${nv}`,
    params: new Array(PARAMS).fill(I32),
    locals: [...new Array(I32_LOCALS).fill(I32), ...new Array(mr * nv + nv + 1).fill(V128)],
    body,
  };
}

/** The kernel's functions, `tile_{MR}x{NV}` for each {@linkcode TILE_SHAPES} entry. */
export function filterGemmFunctions(fused: boolean): WasmFunction[] {
  return TILE_SHAPES.map(([mr, nv]) => tileFunction(mr, nv, fused));
}

/** A module of just this kernel (for tests and benchmarks). */
export function conv1dFilterGemmModule(
  sharedMemory: boolean,
  fused: boolean,
): Uint8Array<ArrayBuffer> {
  return encodeModule(filterGemmFunctions(fused), sharedMemory);
}

/** One tile function (all arguments in bytes or counts as listed in the module docs). */
export type TileFunction = (
  x: number,
  dy: number,
  c: number,
  images: number,
  ow: number,
  xImageBytes: number,
  xStepBytes: number,
  dyRowBytes: number,
  cRowBytes: number,
  mTiles: number,
  nTiles: number,
  chunk: number,
) => void;

/** A rectangle of equal tiles of C: `mTiles` × `nTiles` tiles of `mr` rows × 4·`nv` columns. */
export interface TileRegion {
  mr: number;
  nv: number;
  m0: number;
  mTiles: number;
  n0: number;
  nTiles: number;
}

/**
 * Covers C [M, N] (N a multiple of 4) with tile regions: 6 × 8 tiles (twelve f32x4
 * accumulators) with remainder rows and a 4-column remainder; for M ≤ 8, one row of M × 4
 * tiles. Throws when N is not a positive multiple of 4 or M < 1.
 */
export function tileRegions(m: number, n: number): TileRegion[] {
  if (!(Number.isInteger(m) && m >= 1 && Number.isInteger(n) && n >= 4 && n % 4 === 0)) {
    throw new Error(`tileRegions: expected M ≥ 1 and N a positive multiple of 4, got ${m} × ${n}`);
  }
  if (m <= 8) return [{ mr: m, nv: 1, m0: 0, mTiles: 1, n0: 0, nTiles: n / 4 }];
  const regions: TileRegion[] = [];
  const mMain = m - (m % 6), nMain = n - (n % 8);
  const cols: Array<[number, number, number]> = []; // [nv, n0, nTiles]
  if (nMain > 0) cols.push([2, 0, nMain / 8]);
  if (n > nMain) cols.push([1, nMain, 1]);
  for (const [nv, n0, nTiles] of cols) {
    if (mMain > 0) regions.push({ mr: 6, nv, m0: 0, mTiles: mMain / 6, n0, nTiles });
    if (m > mMain) regions.push({ mr: m - mMain, nv, m0: mMain, mTiles: 1, n0, nTiles });
  }
  return regions;
}

import { hasRelaxedSimd } from "../../../../lib/backend/kernels/simd/conv1d_kernels.ts";
import {
  conv1dFilterGemmModule,
  TILE_SHAPES,
  type TileFunction,
  tileRegions,
} from "../../../../lib/backend/kernels/simd/conv1d_filter_gemm.ts";
import { Rng } from "../../../../lib/random/rng.ts";
import { assert } from "../../../_assert.ts";

/** dW[m, n] = Σ_{b, j} x[b, j·ci + m] · dy[b, j, n] in float64: the plain loop. */
function reference(
  x: Float32Array,
  dy: Float32Array,
  images: number,
  w: number,
  ci: number,
  ow: number,
  m: number,
  n: number,
): Float64Array {
  const out = new Float64Array(m * n);
  for (let b = 0; b < images; b++) {
    for (let j = 0; j < ow; j++) {
      for (let r = 0; r < m; r++) {
        const xv = x[b * w * ci + j * ci + r];
        for (let c = 0; c < n; c++) out[r * n + c] += xv * dy[(b * ow + j) * n + c];
      }
    }
  }
  return out;
}

/** Lays x, dy and a float64 C out in a fresh memory and runs every region of tileRegions(M, N). */
function runRegions(
  tiles: (memory: WebAssembly.Memory) => Record<string, TileFunction>,
  x: Float32Array,
  dy: Float32Array,
  images: number,
  w: number,
  ci: number,
  fw: number,
  co: number,
  chunk: number,
  initial = 0,
): Float64Array {
  const ow = w - fw + 1, m = fw * ci;
  const xAt = 64, dyAt = xAt + 4 * x.length + 64;
  const cAt = Math.ceil((dyAt + 4 * dy.length + 64) / 8) * 8;
  const bytes = cAt + 8 * m * co + 64;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
  new Float32Array(memory.buffer, xAt, x.length).set(x);
  new Float32Array(memory.buffer, dyAt, dy.length).set(dy);
  const c = new Float64Array(memory.buffer, cAt, m * co).fill(initial);
  const fns = tiles(memory);
  for (const r of tileRegions(m, co)) {
    fns[`tile_${r.mr}x${r.nv}`](
      xAt + 4 * r.m0,
      dyAt + 4 * r.n0,
      cAt + 8 * (r.m0 * co + r.n0),
      images,
      ow,
      4 * w * ci,
      4 * ci,
      4 * co,
      8 * co,
      r.mTiles,
      r.nTiles,
      chunk,
    );
  }
  return Float64Array.from(c);
}

function randomArray(rng: Rng, n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.normal();
  return a;
}

function maxRelError(a: Float64Array, b: Float64Array): number {
  let d = 0, s = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return d / s;
}

const instantiate = (fused: boolean) => (memory: WebAssembly.Memory) => {
  const mod = new WebAssembly.Module(conv1dFilterGemmModule(false, fused));
  const inst = new WebAssembly.Instance(mod, { env: { memory } });
  return inst.exports as unknown as Record<string, TileFunction>;
};

Deno.test("tileRegions() covers every entry of C exactly once with tiles the module exports", () => {
  const names = new Set(TILE_SHAPES.map(([mr, nv]) => `${mr}x${nv}`));
  for (let m = 1; m <= 40; m++) {
    for (const n of [4, 8, 12, 32, 36, 64]) {
      const hits = new Uint8Array(m * n);
      for (const r of tileRegions(m, n)) {
        assert.ok(names.has(`${r.mr}x${r.nv}`), `tile ${r.mr}x${r.nv} for ${m}×${n}`);
        for (let i = 0; i < r.mTiles * r.mr; i++) {
          for (let j = 0; j < r.nTiles * 4 * r.nv; j++) hits[(r.m0 + i) * n + r.n0 + j]++;
        }
      }
      assert.ok(hits.every((h) => h === 1), `${m}×${n}: each entry once`);
    }
  }
});

Deno.test("tileRegions() uses 6 × 8 tiles and their remainders for the W encoder's layers", () => {
  assert.deepEqual(tileRegions(160, 64), [
    { mr: 6, nv: 2, m0: 0, mTiles: 26, n0: 0, nTiles: 8 },
    { mr: 4, nv: 2, m0: 156, mTiles: 1, n0: 0, nTiles: 8 },
  ]);
  assert.deepEqual(tileRegions(7, 32), [{ mr: 7, nv: 1, m0: 0, mTiles: 1, n0: 0, nTiles: 8 }]);
  assert.deepEqual(tileRegions(13, 12), [
    { mr: 6, nv: 2, m0: 0, mTiles: 2, n0: 0, nTiles: 1 },
    { mr: 1, nv: 2, m0: 12, mTiles: 1, n0: 0, nTiles: 1 },
    { mr: 6, nv: 1, m0: 0, mTiles: 2, n0: 8, nTiles: 1 },
    { mr: 1, nv: 1, m0: 12, mTiles: 1, n0: 8, nTiles: 1 },
  ]);
});

Deno.test("tileRegions() rejects output channels that are not a multiple of 4", () => {
  assert.throws(() => tileRegions(10, 6), /N a positive multiple of 4, got 10 × 6/);
  assert.throws(() => tileRegions(0, 8), /M ≥ 1/);
});

Deno.test("filter-gradient tiles match the plain loop on random 1-D shapes, fused and unfused", () => {
  const rng = new Rng("conv1d-filter-gemm");
  const variants = hasRelaxedSimd() ? [false, true] : [false];
  for (let i = 0; i < 30; i++) {
    const images = 1 + rng.int(4), ci = 1 + rng.int(9), fw = 1 + rng.int(6);
    const w = fw + rng.int(40), co = 4 * (1 + rng.int(5)), chunk = 1 + rng.int(20);
    const ow = w - fw + 1;
    const x = randomArray(rng, images * w * ci), dy = randomArray(rng, images * ow * co);
    const want = reference(x, dy, images, w, ci, ow, fw * ci, co);
    for (const fused of variants) {
      const got = runRegions(instantiate(fused), x, dy, images, w, ci, fw, co, chunk);
      const err = maxRelError(got, want);
      assert.ok(
        err < 1e-6,
        `case ${i} (fused ${fused}, ${images}×${w}×${ci}, fw ${fw}, co ${co}, chunk ${chunk}): ${err}`,
      );
    }
  }
});

Deno.test("filter-gradient tiles add to C (accumulate) instead of overwriting it", () => {
  const rng = new Rng("conv1d-filter-gemm-acc");
  const x = randomArray(rng, 2 * 10 * 3), dy = randomArray(rng, 2 * 8 * 8);
  const want = reference(x, dy, 2, 10, 3, 8, 9, 8).map((v) => v + 0.5);
  const got = runRegions(instantiate(false), x, dy, 2, 10, 3, 3, 8, 5, 0.5);
  assert.ok(maxRelError(got, want) < 1e-6);
});

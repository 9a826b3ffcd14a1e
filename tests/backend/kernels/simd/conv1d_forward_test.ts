import {
  conv1dForwardModule,
  type ConvTileFunction,
  FORWARD_TILE_SHAPES,
  forwardRegions,
  packedOffset,
  packFilter,
} from "../../../../lib/backend/kernels/simd/conv1d_forward.ts";
import { hasRelaxedSimd } from "../../../../lib/backend/kernels/simd/conv1d_kernels.ts";
import { Rng } from "../../../../lib/random/rng.ts";
import { assert } from "../../../_assert.ts";

/** y[b, j, n] = Σ_m x[b, j·ci + m] · F[m, n] in float64: the plain loop. */
function reference(
  x: Float32Array,
  f: Float32Array,
  images: number,
  w: number,
  ci: number,
  fw: number,
  co: number,
) {
  const ow = w - fw + 1, m = fw * ci, y = new Float64Array(images * ow * co);
  for (let b = 0; b < images; b++) {
    for (let j = 0; j < ow; j++) {
      for (let n = 0; n < co; n++) {
        let s = 0;
        for (let r = 0; r < m; r++) s += x[b * w * ci + j * ci + r] * f[r * co + n];
        y[(b * ow + j) * co + n] = s;
      }
    }
  }
  return y;
}

/** Runs every region of forwardRegions on a fresh memory; y starts filled with NaN. */
function run(
  fused: boolean,
  x: Float32Array,
  f: Float32Array,
  images: number,
  w: number,
  ci: number,
  fw: number,
  co: number,
) {
  const ow = w - fw + 1, m = fw * ci;
  const xAt = 64, fAt = xAt + 4 * x.length + 64, yAt = fAt + 4 * f.length + 64;
  const memory = new WebAssembly.Memory({
    initial: Math.ceil((yAt + 4 * images * ow * co + 64) / 65536),
  });
  new Float32Array(memory.buffer, xAt, x.length).set(x);
  packFilter(f, m, co, new Float32Array(memory.buffer, fAt, f.length));
  const y = new Float32Array(memory.buffer, yAt, images * ow * co).fill(NaN);
  const inst = new WebAssembly.Instance(new WebAssembly.Module(conv1dForwardModule(false, fused)), {
    env: { memory },
  });
  for (const r of forwardRegions(ow, co)) {
    (inst.exports[`conv_${r.mr}x${r.nv}`] as ConvTileFunction)(
      xAt,
      fAt + packedOffset(r, m),
      yAt + 4 * r.n0,
      images,
      r.p0,
      r.pTiles,
      r.nTiles,
      4 * w * ci,
      4 * ci,
      4 * ow * co,
      4 * co,
      16 * m * r.nv,
      m >> 2,
      m & 3,
    );
  }
  return Float32Array.from(y);
}

function randomArray(rng: Rng, n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.normal();
  return a;
}

Deno.test("forwardRegions() covers every output position and channel exactly once with exported tiles", () => {
  const names = new Set(FORWARD_TILE_SHAPES.map(([mr, nv]) => `${mr}x${nv}`));
  for (let ow = 1; ow <= 30; ow++) {
    for (const n of [4, 8, 12, 20, 64]) {
      const hits = new Uint8Array(ow * n);
      for (const r of forwardRegions(ow, n)) {
        assert.ok(names.has(`${r.mr}x${r.nv}`));
        for (let p = 0; p < r.pTiles * r.mr; p++) {
          for (let c = 0; c < r.nTiles * 4 * r.nv; c++) hits[(r.p0 + p) * n + r.n0 + c]++;
        }
      }
      assert.ok(hits.every((h) => h === 1), `${ow} × ${n}`);
    }
  }
});

Deno.test("forwardRegions() uses 6-position × 8-channel tiles and a remainder on the W encoder's layer 2", () => {
  assert.deepEqual(forwardRegions(121, 64), [
    { mr: 6, nv: 2, p0: 0, pTiles: 20, n0: 0, nTiles: 8 },
    { mr: 1, nv: 2, p0: 120, pTiles: 1, n0: 0, nTiles: 8 },
  ]);
  assert.throws(() => forwardRegions(5, 6), /N a positive multiple of 4, got 5 × 6/);
  assert.throws(() => forwardRegions(0, 8), /ow ≥ 1/);
});

Deno.test("packFilter() lays 8-channel tile columns out as [M, 8], then a 4-channel remainder as [M, 4]", () => {
  const m = 2, n = 12;
  const f = Float32Array.from({ length: m * n }, (_, i) => i); // f[r, c] = 12r + c
  const out = new Float32Array(m * n);
  packFilter(f, m, n, out);
  assert.deepEqual([...out], [
    ...[0, 1, 2, 3, 4, 5, 6, 7], // row 0, channels 0–7
    ...[12, 13, 14, 15, 16, 17, 18, 19], // row 1, channels 0–7
    ...[8, 9, 10, 11], // row 0, channels 8–11
    ...[20, 21, 22, 23], // row 1, channels 8–11
  ]);
  assert.equal(packedOffset({ mr: 6, nv: 1, p0: 0, pTiles: 1, n0: 8, nTiles: 1 }, m), 64);
});

Deno.test("forward tiles match the plain loop on random 1-D shapes, fused and unfused", () => {
  const rng = new Rng("conv1d-forward");
  const variants = hasRelaxedSimd() ? [false, true] : [false];
  for (let i = 0; i < 30; i++) {
    const images = 1 + rng.int(4), ci = 1 + rng.int(9), fw = 1 + rng.int(6);
    const w = fw + rng.int(30), co = 4 * (1 + rng.int(5));
    const x = randomArray(rng, images * w * ci), f = randomArray(rng, fw * ci * co);
    const want = reference(x, f, images, w, ci, fw, co);
    let scale = 0;
    for (const v of want) scale = Math.max(scale, Math.abs(v));
    for (const fused of variants) {
      const got = run(fused, x, f, images, w, ci, fw, co);
      let err = 0;
      for (let k = 0; k < want.length; k++) err = Math.max(err, Math.abs(got[k] - want[k]));
      assert.ok(
        err / scale < 1e-6,
        `case ${i} (fused ${fused}, ${images}×${w}×${ci}, fw ${fw}, co ${co}): ${err / scale}`,
      );
    }
  }
});

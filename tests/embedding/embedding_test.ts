import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { pca, umap2d } from "../../lib/embedding/projection.ts";
import { SPECTRAL_BANDS, spectralFeatures } from "../../lib/embedding/spectral_features.ts";
import type { WindowSet } from "../../lib/data/window_set.ts";
import { Rng } from "../../lib/random/rng.ts";

function sineWindows(freqs: number[], fs = 128, length = 256): WindowSet {
  const n = freqs.length;
  const x = new Float32Array(n * length);
  const rng = new Rng(1);
  freqs.forEach((f, i) => {
    for (let t = 0; t < length; t++) {
      x[i * length + t] = Math.sin(2 * Math.PI * f * t / fs) + 0.01 * rng.normal();
    }
  });
  return {
    x,
    n,
    length,
    channels: ["eeg"],
    sampleRate: fs,
    labels: new Int8Array(n),
    meta: freqs.map((_, i) => ({
      recording: i,
      experiment: "e",
      sensor: "s",
      driver: "d",
      session: "s1",
      start: 0,
      startSample: 0,
    })),
  };
}

Deno.test("spectralFeatures() puts a sine's power in the band that contains it, standardised", () => {
  const ws = sineWindows([3, 3.1, 20, 20.5]);
  const { x, dim } = spectralFeatures(ws);
  assert.equal(dim, SPECTRAL_BANDS + 1);
  // Bands are log-spaced from 2 Hz (4 bins at 0.5 Hz) to 64 Hz: 3 Hz falls in band 1,
  // 20 Hz in band 10 (2·32^(k/16) ≤ f < 2·32^((k+1)/16)).
  const z = (i: number, band: number) => x[i * dim + band];
  assert.ok(z(0, 1) > 0 && z(1, 1) > 0 && z(2, 1) < 0 && z(3, 1) < 0, "3 Hz band");
  assert.ok(z(2, 10) > 0 && z(3, 10) > 0 && z(0, 10) < 0 && z(1, 10) < 0, "20 Hz band");
  for (let j = 0; j < SPECTRAL_BANDS; j++) {
    const col = [0, 1, 2, 3].map((i) => x[i * dim + j]);
    assertClose(col.reduce((a, b) => a + b) / 4, 0, { atol: 1e-5 });
  }
});

Deno.test("pca() finds the direction of largest variance and drops constant columns", () => {
  const rng = new Rng(2);
  const n = 200;
  const x = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const t = rng.normal();
    x[i * 3] = t;
    x[i * 3 + 1] = t + 0.05 * rng.normal();
    x[i * 3 + 2] = 7; // constant
  }
  const { scores, explained } = pca(x, n, 3, 2);
  assert.equal(scores.length, 2 * n);
  assert.ok(explained[0] > 0.99, `explained ${explained}`);
  assertThrowsWith(() => pca(new Float32Array(6).fill(1), 3, 2), "only 0 of 2 columns vary");
});

Deno.test("umap2d() is deterministic for a seed and keeps two far clusters apart", () => {
  const rng = new Rng(3);
  const n = 60, d = 5;
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) x[i * d + k] = (i < 30 ? 0 : 10) + rng.normal();
  }
  const a = umap2d(x, n, d, { seed: 4, nNeighbors: 10 });
  assert.deepEqual(a, umap2d(x, n, d, { seed: 4, nNeighbors: 10 }));
  const centre = (lo: number) =>
    [0, 1].map((c) => {
      let s = 0;
      for (let i = lo; i < lo + 30; i++) s += a[2 * i + c];
      return s / 30;
    });
  const [c1, c2] = [centre(0), centre(30)];
  let spread = 0;
  for (let i = 0; i < 30; i++) spread += Math.hypot(a[2 * i] - c1[0], a[2 * i + 1] - c1[1]) / 30;
  assert.ok(Math.hypot(c1[0] - c2[0], c1[1] - c2[1]) > 3 * spread);
  assertThrowsWith(() => umap2d(x, n, d, { sede: 1 } as never), "unknown option 'sede'");
});

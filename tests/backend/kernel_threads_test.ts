import {
  kernelThreadsFor,
  MAX_CALLS,
  runKernelJobs,
  startKernelThreads,
} from "../../lib/backend/kernel_threads.ts";
import type { TileFunction } from "../../lib/backend/kernels/simd/conv1d_filter_gemm.ts";
import { conv1dKernelsCompiled } from "../../lib/backend/kernels/simd/conv1d_kernels.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert } from "../_assert.ts";

const compiled = conv1dKernelsCompiled(true)!;

/** A shared memory holding x [images, w, 1] and dy [images, w, 4] (fw 1, so M = 1, N = 4). */
function setup(images: number, w: number) {
  const memory = new WebAssembly.Memory({ initial: 4, maximum: 1024, shared: true });
  const rng = new Rng("kernel-threads");
  const x = new Float32Array(memory.buffer, 0, images * w);
  const dy = new Float32Array(memory.buffer, 4 * images * w, images * w * 4);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  for (let i = 0; i < dy.length; i++) dy[i] = rng.normal();
  const cAt = Math.ceil((8 * images * w * 5 + 64) / 8) * 8;
  const instance = new WebAssembly.Instance(compiled.module, { env: { memory } });
  const tile = instance.exports.tile_1x1 as TileFunction;
  // One job per image range, each with its own float64 accumulator of 4 columns.
  const job = (t: number, b0: number, b1: number) => ({
    fn: "tile_1x1",
    args: [
      4 * b0 * w,
      4 * (images * w + b0 * w * 4),
      cAt + 32 * t,
      b1 - b0,
      w,
      4 * w,
      4,
      16,
      32,
      1,
      1,
      8,
    ],
  });
  const sums = (threads: number) => {
    const c = new Float64Array(memory.buffer, cAt, 4 * threads);
    const s = [0, 0, 0, 0];
    for (let t = 0; t < threads; t++) for (let k = 0; k < 4; k++) s[k] += c[4 * t + k];
    return s;
  };
  const reset = (threads: number) => new Float64Array(memory.buffer, cAt, 4 * threads).fill(0);
  return { memory, tile, job, sums, reset };
}

Deno.test("startKernelThreads() runs jobs on helper threads with the same result as one thread", async () => {
  const images = 30, w = 50;
  const s = setup(images, w);
  s.reset(1);
  s.tile(...(s.job(0, 0, images).args as Parameters<TileFunction>));
  const one = s.sums(1);
  for (const threads of [2, 3]) {
    const pool = await startKernelThreads(compiled.module, s.memory, threads);
    assert.equal(pool.threads, threads);
    assert.equal(kernelThreadsFor(compiled.module, s.memory), pool);
    for (let round = 0; round < 3; round++) {
      s.reset(threads);
      const jobs = Array.from(
        { length: threads },
        (_, t) => [
          s.job(t, Math.floor((t * images) / threads), Math.floor(((t + 1) * images) / threads)),
        ],
      );
      let localRuns = 0;
      pool.run(jobs, (job) => {
        localRuns++;
        s.tile(...(job.args as Parameters<TileFunction>));
      });
      assert.equal(localRuns, 1, "job 0 runs on the calling thread");
      const got = s.sums(threads);
      for (let k = 0; k < 4; k++) {
        assert.ok(Math.abs(got[k] - one[k]) < 1e-9, `${threads} threads, column ${k}`);
      }
    }
  }
});

Deno.test("KernelThreads.run() throws when a helper's job traps, and the pool keeps working", async () => {
  const s = setup(4, 10);
  const pool = await startKernelThreads(compiled.module, s.memory, 2);
  const bad = { fn: "tile_1x1", args: [0x7ffffff0, 0, 0, 1, 10, 40, 4, 16, 32, 1, 1, 8] };
  assert.throws(
    () =>
      pool.run(
        [[s.job(0, 0, 2)], [bad]],
        (job) => s.tile(...(job.args as Parameters<TileFunction>)),
      ),
    /kernel thread's job failed/,
  );
  s.reset(2);
  pool.run(
    [[s.job(0, 0, 2)], [s.job(1, 2, 4)]],
    (job) => s.tile(...(job.args as Parameters<TileFunction>)),
  );
  assert.ok(s.sums(2).every(Number.isFinite));
});

Deno.test("KernelThreads.run() rejects unknown functions and more jobs than threads", async () => {
  const s = setup(2, 8);
  const pool = await startKernelThreads(compiled.module, s.memory, 2);
  const noop = () => {};
  assert.throws(
    () => pool.run([[s.job(0, 0, 1)], [{ fn: "nope", args: [] }]], noop),
    /unknown function 'nope'/,
  );
  assert.throws(
    () => pool.run([[s.job(0, 0, 1)], [s.job(1, 1, 2)], [s.job(0, 0, 1)]], noop),
    /3 jobs for 2 threads/,
  );
});

Deno.test("startKernelThreads() rejects an unshared memory and fewer than 2 threads", async () => {
  await assert.rejects(
    () => startKernelThreads(compiled.module, new WebAssembly.Memory({ initial: 1 }), 2),
    /not shared/,
  );
  const shared = new WebAssembly.Memory({ initial: 1, maximum: 4, shared: true });
  await assert.rejects(() => startKernelThreads(compiled.module, shared, 1), /integer ≥ 2, got 1/);
});

Deno.test("startKernelThreads() helpers pick up a job posted as soon as the pool is ready (30 fresh pools)", async () => {
  for (let trial = 0; trial < 30; trial++) {
    const s = setup(4, 10);
    const threads = 2 + (trial % 2);
    const pool = await startKernelThreads(compiled.module, s.memory, threads);
    s.reset(threads);
    const jobs = Array.from({ length: threads }, (_, t) => [s.job(t, 0, 4)]);
    pool.run(jobs, (job) => s.tile(...(job.args as Parameters<TileFunction>)));
    const got = s.sums(threads), per = got.map((v) => v / threads);
    s.reset(1);
    s.tile(...(s.job(0, 0, 4).args as Parameters<TileFunction>));
    const one = s.sums(1);
    for (let k = 0; k < 4; k++) assert.ok(Math.abs(per[k] - one[k]) < 1e-9, `trial ${trial}`);
  }
});

Deno.test("the 1-D Conv2D, input- and filter-gradient kernels on 1, 2 and 3 kernel threads match cpu within 1e-5 and each other bit for bit", async () => {
  const digests: number[] = [];
  for (const threads of [1, 2, 3]) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        new URL("./fixtures/threaded_conv1d_child.ts", import.meta.url).pathname,
        String(threads),
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout).trim().split("\n");
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const r = JSON.parse(stdout[stdout.length - 1]);
    assert.equal(r.threads, threads);
    assert.equal(r.kernelThreads, threads, "our kernel threads started with the backend's count");
    assert.ok(r.worst <= 1e-5, `relative error ${r.worst}`);
    assert.equal(r.leaked, 0);
    digests.push(r.digest);
  }
  assert.equal(digests[1], digests[0], "2 threads give the same bits as 1");
  assert.equal(digests[2], digests[0], "3 threads give the same bits as 1");
});

Deno.test("runKernelJobs() runs jobs of many calls (over MAX_CALLS, in rounds) with the result of one thread", async () => {
  const images = 40, w = 12;
  const s = setup(images, w);
  s.reset(1);
  s.tile(...(s.job(0, 0, images).args as Parameters<TileFunction>));
  const one = s.sums(1);
  const pool = await startKernelThreads(compiled.module, s.memory, 2);
  // Two jobs of 20 one-image calls each (more than MAX_CALLS), accumulating into C[t].
  const jobs = [0, 1].map((t) =>
    Array.from({ length: 20 }, (_, i) => s.job(t, t * 20 + i, t * 20 + i + 1))
  );
  assert.ok(jobs[0].length > MAX_CALLS);
  s.reset(2);
  let localCalls = 0;
  runKernelJobs(pool, jobs, (call) => {
    localCalls++;
    s.tile(...(call.args as Parameters<TileFunction>));
  });
  assert.equal(localCalls, 20, "every call of job 0 ran here");
  const got = s.sums(2);
  for (let k = 0; k < 4; k++) assert.ok(Math.abs(got[k] - one[k]) < 1e-9, `column ${k}`);
  // Without a pool every call runs here.
  s.reset(2);
  localCalls = 0;
  runKernelJobs(null, jobs, (call) => {
    localCalls++;
    s.tile(...(call.args as Parameters<TileFunction>));
  });
  assert.equal(localCalls, 40);
});

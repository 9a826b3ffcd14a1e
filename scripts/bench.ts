/**
 * `deno task bench`: seconds per training step of workload W on each tfjs backend.
 *
 * W (issue 3): windows 256 × 1; encoder Conv1D(32, k7, relu) → MaxPool(2) → Conv1D(64, k5,
 * relu) → MaxPool(2) → Conv1D(64, k3, relu) → GlobalAveragePooling1D → Dense(64); a batch
 * of 128 pairs (256 windows); NT-Xent on L2-normalised outputs, τ = 0.1; Adam, lr 1e-3.
 *
 * Each backend runs in its own child process (wasm threads are fixed when the backend
 * starts): warm-up steps, then timed steps, of which the median is reported with windows
 * per second and achieved GFLOP/s (3 × the forward pass's multiply-adds × 2, about
 * 3.1 GFLOP per step). A benchmark prints figures and judges nothing.
 *
 * @module
 */
import os from "node:os";
import {
  buildEncoder,
  encoderForwardFlops,
  ntXentLoss,
  parseFlags,
  Rng,
  runMain,
  setupBackend,
  tf,
  UsageError,
} from "@contrastive-sensors/lib";

const SPEC = {
  backends: {
    type: "string",
    default: `wasm,wasm-1,wasm-${Math.min(8, navigator.hardwareConcurrency)}`,
    arg: "LIST",
    help: "Comma-separated: wasm (threads chosen as notebooks get them: free CPUs), wasm-N " +
      "(N threads), cpu (plain JS, ~80 s/step: not run unless listed)",
  },
  steps: { type: "number", default: 10, help: "Timed steps per wasm backend (median reported)" },
  warmup: { type: "number", default: 3, help: "Untimed warm-up steps per wasm backend" },
  "cpu-steps": { type: "number", default: 2, help: "Timed steps for cpu (no warm-up)" },
  pairs: { type: "number", default: 128, help: "Pairs per batch (windows = 2 × pairs)" },
  seed: { type: "number", default: 0, help: "Seed of the weights and the batch" },
  "pool-threads": {
    type: "number",
    default: 1,
    help: "Threads of tfjs's own XNNPACK pool for wasm-N, N > 1 (1: our kernel threads get " +
      "the cores; N: compare with tfjs's pool at N)",
  },
  rounds: {
    type: "number",
    default: 1,
    help: "Run every backend this many times in turn (interleaved) and report the median " +
      "of the rounds' medians (steadier on a shared machine)",
  },
  torch: {
    type: "string",
    arg: "PYTHON",
    help: "Also run W in PyTorch side by side (bench/torch_w.py with this interpreter, e.g. " +
      "/usr/bin/python3 with Debian's python3-torch) at each wasm thread count",
  },
  profile: {
    type: "boolean",
    help: "Also time each kernel over one more step and print where the time goes",
  },
  json: { type: "boolean", help: "Print one JSON object per backend per line instead of a table" },
  child: { type: "string", arg: "BACKEND", help: "(internal) run one backend in this process" },
} as const;

const COMMAND = "deno task bench";
const SUMMARY = "Times training steps of workload W on each tfjs backend (one child process " +
  "each) and prints s/step, windows/s and GFLOP/s.";

/** One backend's figures: the JSON line `--json` prints. */
interface BenchResult {
  backend: string;
  name: string;
  threads: number;
  simd: boolean;
  secPerStep: number;
  minSecPerStep: number;
  maxSecPerStep: number;
  windowsPerSec: number;
  gflops: number;
  gflopPerStep: number;
  steps: number;
  warmup: number;
  windows: number;
  lossFirst: number;
  lossLast: number;
  numTensorsAfterWarmup: number;
  numTensorsAfterSteps: number;
  loadAverage: [number, number];
  poolThreads: number;
  /** Per kernel name: milliseconds in one profiled step (with --profile), largest first. */
  kernelMs?: Record<string, number>;
  /** Rounds run (--rounds) and each round's median seconds per step. */
  rounds?: number;
  roundSecPerStep?: number[];
  fallbackReason: string | null;
  threadChoice: string | null;
  tfjsVersion: string;
}

/** Parses one --backends entry into setupBackend options. */
function backendOptions(spec: string): { backend: "wasm" | "cpu"; threads: number | "auto" } {
  if (spec === "cpu") return { backend: "cpu", threads: "auto" };
  if (spec === "wasm") return { backend: "wasm", threads: "auto" };
  const m = /^wasm-([1-8])$/.exec(spec);
  if (m) return { backend: "wasm", threads: Number(m[1]) };
  throw new UsageError(
    `${COMMAND}: --backends: unknown backend '${spec}' (expected wasm, wasm-1 … wasm-8 or cpu)`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs W on one backend in this process and returns its figures. */
async function runOne(
  spec: string,
  steps: number,
  warmup: number,
  pairs: number,
  seed: number,
  poolThreads: number,
  profile: boolean,
): Promise<BenchResult> {
  const load0 = os.loadavg()[0];
  const info = await setupBackend({ ...backendOptions(spec), poolThreads, quiet: true });
  const model = buildEncoder({ seed });
  const optimizer = tf.train.adam(1e-3);
  // Two views of `pairs` random windows, built once outside the timing: x and x + noise.
  const rng = new Rng(seed).fork("bench-batch");
  const n = pairs * 256;
  const a = new Float32Array(n), b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rng.normal();
    b[i] = a[i] + 0.3 * rng.normal();
  }
  const x1 = tf.tensor3d(a, [pairs, 256, 1]), x2 = tf.tensor3d(b, [pairs, 256, 1]);
  const step = (): number => {
    const loss = optimizer.minimize(() => {
      const z1 = model.apply(x1) as tf.Tensor2D, z2 = model.apply(x2) as tf.Tensor2D;
      return ntXentLoss(z1, z2, 0.1, { checkValues: false });
    }, true)!;
    const v = loss.dataSync()[0];
    loss.dispose();
    return v;
  };
  let lossFirst = NaN;
  for (let i = 0; i < warmup; i++) {
    const v = step();
    if (i === 0) lossFirst = v;
  }
  const afterWarmup = tf.memory().numTensors;
  const times: number[] = [];
  let lossLast = NaN;
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    lossLast = step();
    times.push((performance.now() - t0) / 1000);
    if (warmup === 0 && i === 0) lossFirst = lossLast;
  }
  const sec = median(times);
  let kernelMs: Record<string, number> | undefined;
  if (profile) {
    const p = await tf.profile(() => {
      step();
    });
    const byName = new Map<string, number>();
    for (const k of p.kernels) {
      byName.set(k.name, (byName.get(k.name) ?? 0) + (k.kernelTimeMs as number));
    }
    kernelMs = Object.fromEntries(
      [...byName].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 100) / 100]),
    );
  }
  const flops = 3 * encoderForwardFlops({}, 2 * pairs);
  return {
    backend: spec,
    name: info.name,
    threads: info.threads,
    simd: info.simd,
    secPerStep: sec,
    minSecPerStep: Math.min(...times),
    maxSecPerStep: Math.max(...times),
    windowsPerSec: (2 * pairs) / sec,
    gflops: flops / sec / 1e9,
    gflopPerStep: flops / 1e9,
    steps,
    warmup,
    windows: 2 * pairs,
    lossFirst,
    lossLast,
    numTensorsAfterWarmup: afterWarmup,
    numTensorsAfterSteps: tf.memory().numTensors,
    loadAverage: [load0, os.loadavg()[0]],
    poolThreads: info.poolThreads,
    ...(kernelMs ? { kernelMs } : {}),
    fallbackReason: info.fallbackReason,
    threadChoice: info.threadChoice,
    tfjsVersion: info.tfjsVersion,
  };
}

/** Runs one backend in a child process and returns its result line. */
async function runChild(spec: string, flags: Record<string, unknown>): Promise<BenchResult> {
  const isCpu = spec === "cpu";
  const args = [
    "run",
    "--allow-read",
    "--allow-write",
    "--allow-env",
    "--allow-sys",
    new URL(import.meta.url).pathname,
    "--child",
    spec,
    "--steps",
    String(isCpu ? flags["cpu-steps"] : flags.steps),
    "--warmup",
    String(isCpu ? 0 : flags.warmup),
    "--pairs",
    String(flags.pairs),
    "--seed",
    String(flags.seed),
    "--pool-threads",
    String(flags["pool-threads"]),
    ...(flags.profile ? ["--profile"] : []),
  ];
  const out = await new Deno.Command(Deno.execPath(), { args, stdout: "piped", stderr: "piped" })
    .output();
  const stdout = new TextDecoder().decode(out.stdout).trim();
  if (out.code !== 0) {
    const stderr = new TextDecoder().decode(out.stderr).trim().split("\n").slice(-3).join(" | ");
    throw new Error(`backend ${spec} failed (exit ${out.code}): ${stderr}`);
  }
  return JSON.parse(stdout.split("\n").pop()!) as BenchResult;
}

/** Runs bench/torch_w.py with `python` at `threads` threads; its figures as a result row. */
async function runTorch(
  python: string,
  threads: number,
  flags: { steps: number; warmup: number; pairs: number },
): Promise<BenchResult> {
  const script = new URL("../bench/torch_w.py", import.meta.url).pathname;
  const args = [script, "--json", "--threads", String(threads), "--steps", String(flags.steps)];
  args.push("--warmup", String(flags.warmup), "--pairs", String(flags.pairs));
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command(python, { args, stdout: "piped", stderr: "piped" }).output();
  } catch (e) {
    throw new Error(`--torch: cannot run '${python}': ${(e as Error).message}`);
  }
  if (out.code !== 0) {
    const stderr = new TextDecoder().decode(out.stderr).trim().split("\n").slice(-1)[0];
    throw new Error(`--torch: ${python} bench/torch_w.py failed (exit ${out.code}): ${stderr}`);
  }
  const t = JSON.parse(new TextDecoder().decode(out.stdout).trim().split("\n").pop()!);
  const windows = 2 * flags.pairs;
  return {
    backend: `torch-${threads}`,
    name: t.backend,
    threads: t.threads,
    simd: false,
    secPerStep: t.secPerStep,
    minSecPerStep: t.minSecPerStep,
    maxSecPerStep: t.maxSecPerStep ?? t.secPerStep,
    windowsPerSec: t.windowsPerSec,
    gflops: t.gflops,
    gflopPerStep: t.gflops * t.secPerStep,
    steps: t.steps,
    warmup: t.warmup,
    windows,
    lossFirst: NaN,
    lossLast: NaN,
    numTensorsAfterWarmup: 0,
    numTensorsAfterSteps: 0,
    loadAverage: [t.loadAverage, t.loadAverage],
    poolThreads: t.threads,
    fallbackReason: null,
    threadChoice: null,
    tfjsVersion: "",
  };
}

/** One result per backend from several rounds: the median of the rounds' medians. */
function combineRounds(runs: BenchResult[]): BenchResult {
  const first = runs[0], last = runs[runs.length - 1];
  const sec = median(runs.map((r) => r.secPerStep));
  return {
    ...first,
    secPerStep: sec,
    minSecPerStep: Math.min(...runs.map((r) => r.minSecPerStep)),
    maxSecPerStep: Math.max(...runs.map((r) => r.maxSecPerStep)),
    windowsPerSec: first.windows / sec,
    gflops: first.gflopPerStep / sec,
    lossLast: last.lossLast,
    numTensorsAfterSteps: last.numTensorsAfterSteps,
    loadAverage: [first.loadAverage[0], last.loadAverage[1]],
    rounds: runs.length,
    roundSecPerStep: runs.map((r) => r.secPerStep),
  };
}

function table(results: BenchResult[]): string {
  const head = [
    "backend",
    "spec",
    "threads",
    "pool",
    "s/step",
    "min s",
    "windows/s",
    "GFLOP/s",
    "tensors",
    "load",
  ];
  const rows = results.map((r) => [
    `${r.name}${r.simd ? " SIMD" : ""}`,
    r.backend,
    String(r.threads),
    String(r.poolThreads),
    r.secPerStep.toFixed(3),
    r.minSecPerStep.toFixed(3),
    r.windowsPerSec.toFixed(0),
    r.gflops.toFixed(1),
    r.backend.startsWith("torch") ? "–" : `${r.numTensorsAfterWarmup}→${r.numTensorsAfterSteps}`,
    r.loadAverage.map((l) => l.toFixed(1)).join("→"),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

await runMain(async () => {
  const flags = parseFlags(Deno.args, COMMAND, SUMMARY, SPEC);
  if (!flags) return;
  for (const k of ["steps", "warmup", "cpu-steps", "pairs", "pool-threads", "rounds"] as const) {
    const v = flags[k];
    if (!(Number.isInteger(v) && v >= (k === "warmup" ? 0 : 1))) {
      throw new UsageError(
        `${COMMAND}: --${k} must be a ${
          k === "warmup" ? "non-negative" : "positive"
        } integer, got ${v}`,
      );
    }
  }
  if (flags.child !== undefined) {
    backendOptions(flags.child);
    const r = await runOne(
      flags.child,
      flags.steps,
      flags.warmup,
      flags.pairs,
      flags.seed,
      flags["pool-threads"],
      flags.profile === true,
    );
    console.log(JSON.stringify(r));
    return;
  }
  const specs = [...new Set(flags.backends!.split(",").map((s) => s.trim()).filter(Boolean))];
  if (specs.length === 0) throw new UsageError(`${COMMAND}: --backends is empty`);
  specs.forEach(backendOptions);
  if (!flags.json) {
    const cpu = os.cpus();
    console.log(
      `Workload W: ${2 * flags.pairs} windows of 256 × 1 per step, ${
        (3 * encoderForwardFlops({}, 2 * flags.pairs) / 1e9).toFixed(2)
      } GFLOP per step; ${cpu.length} × ${cpu[0]?.model ?? "CPU"}; Deno ${Deno.version.deno}`,
    );
  }
  const runs = new Map<string, BenchResult[]>();
  const failures: string[] = [];
  const record = (r: BenchResult) => {
    if (!runs.has(r.backend)) runs.set(r.backend, []);
    runs.get(r.backend)!.push(r);
  };
  for (let round = 1; round <= flags.rounds; round++) {
    const threadCounts = new Set<number>();
    for (const spec of specs) {
      if (!flags.json) {
        console.error(`running ${spec}${flags.rounds > 1 ? ` (round ${round})` : ""} …`);
      }
      try {
        const r = await runChild(spec, flags);
        record(r);
        if (r.name === "wasm") threadCounts.add(r.threads);
      } catch (e) {
        failures.push((e as Error).message);
        console.error((e as Error).message);
      }
    }
    if (flags.torch === undefined) continue;
    for (const threads of [...threadCounts].sort()) {
      if (!flags.json) console.error(`running torch-${threads} …`);
      try {
        record(await runTorch(flags.torch, threads, flags));
      } catch (e) {
        failures.push((e as Error).message);
        console.error((e as Error).message);
      }
    }
  }
  const results = [...runs.values()].map((rs) => rs.length > 1 ? combineRounds(rs) : rs[0]);
  if (flags.json) { for (const r of results) console.log(JSON.stringify(r)); }
  if (!flags.json && results.length > 0) {
    console.log(table(results));
    for (const r of results) {
      if (r.threadChoice) console.log(`${r.backend}: auto threads: ${r.threadChoice}`);
      if (r.fallbackReason) console.log(`${r.backend}: fallback: ${r.fallbackReason}`);
      if (r.kernelMs) {
        const total = Object.values(r.kernelMs).reduce((a, b) => a + b, 0);
        const top = Object.entries(r.kernelMs).slice(0, 8)
          .map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ");
        console.log(`${r.backend}: kernels ${total.toFixed(1)} ms in one step: ${top} ms`);
      }
      if (r.roundSecPerStep) {
        const each = r.roundSecPerStep.map((v) => v.toFixed(3)).join(", ");
        console.log(`${r.backend}: s/step per round: ${each}`);
      }
    }
    for (const r of results) {
      const torch = results.find((t) => t.backend === `torch-${r.threads}`);
      if (r.name !== "wasm" || torch === undefined) continue;
      console.log(
        `${r.backend} / ${torch.backend}: ${(r.secPerStep / torch.secPerStep).toFixed(2)}× ` +
          `the s/step (${r.secPerStep.toFixed(3)} vs ${torch.secPerStep.toFixed(3)})`,
      );
    }
  }
  if (failures.length > 0) throw new Error(`${failures.length} backend(s) failed`);
});

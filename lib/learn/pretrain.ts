/**
 * Contrastive pretraining of an encoder (and projection head) on a window set.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { type BackendInfo, describeBackend, setupBackend } from "../backend/setup.ts";
import type { WindowSet } from "../data/window_set.ts";
import { Rng } from "../random/rng.ts";
import { progress, type ProgressOptions, type ProgressReporter } from "../progress/reporter.ts";
import {
  type LiveChartOptions,
  type LiveLineChart,
  liveLineChart,
} from "../progress/live_chart.ts";
import type { LinePlotOptions } from "../plot/line_plot.ts";
import {
  buildEncoder,
  buildProjectionHead,
  resolveEncoderConfig,
  resolveProjectionHeadConfig,
} from "./encoder.ts";
import { augmentationPreset } from "./augmentation_presets.ts";
import { lossObjective } from "./loss_objective.ts";
import { learningRateAt } from "./lr_schedule.ts";
import {
  type PretrainConfig,
  type ResolvedPretrainConfig,
  resolvePretrainConfig,
} from "./pretrain_config.ts";
import { checkWindowSet, requireLabelled } from "./window_groups.ts";

/** One epoch of {@linkcode pretrain}'s history. */
export interface PretrainEpoch {
  /** Epoch number, 1-based. */
  epoch: number;
  /** Mean training loss over the epoch's steps. */
  loss: number;
  /** Wall-clock seconds of the epoch. */
  seconds: number;
  /** Learning rate of the epoch's last step. */
  learningRate: number;
  /** `tf.memory().numTensors` at the end of the epoch (flat from epoch to epoch). */
  numTensors: number;
}

/** One step, as passed to {@linkcode PretrainHooks.onStep}. */
export interface PretrainStep {
  /** Epoch number, 1-based. */
  epoch: number;
  /** Step within the epoch, 1-based. */
  step: number;
  /** Loss of the step's batch. */
  loss: number;
  /** Learning rate used for the step. */
  learningRate: number;
}

/** Callbacks and display of {@linkcode pretrain}. */
export interface PretrainHooks {
  /** Called after each epoch (awaited). */
  onEpoch?: (epoch: PretrainEpoch) => void | Promise<void>;
  /** Called after each step. */
  onStep?: (step: PretrainStep) => void;
  /**
   * Progress display: true (default) for lib/progress's automatic mode (a bar on a terminal,
   * lines in logs, an in-place output in a notebook), its options, or false for none.
   */
  progress?: boolean | ProgressOptions;
  /**
   * Live loss curve (lib/progress `liveLineChart`): true, false, or its options; by default
   * shown exactly when progress is shown in a Jupyter notebook.
   */
  lossChart?: boolean | (LinePlotOptions & LiveChartOptions);
}

/** What {@linkcode pretrain} returns. The caller owns (and eventually disposes) the models. */
export interface PretrainResult {
  /** The trained encoder: windows [length, channels] → embedding. */
  encoder: tf.Sequential;
  /** The trained projection head, or null when `config.head` was null. */
  head: tf.Sequential | null;
  /** One entry per epoch. */
  history: PretrainEpoch[];
  /** The tfjs backend the training ran on. */
  backend: BackendInfo;
  /** The resolved configuration (defaults filled in, encoder/head sizes from the data). */
  config: ResolvedPretrainConfig;
  /** Steps per epoch actually run. */
  stepsPerEpoch: number;
  /** Wall-clock seconds of the whole training loop. */
  seconds: number;
}

function checkFinite(ws: WindowSet): void {
  const C = ws.channels.length, size = ws.length * C;
  for (let i = 0; i < ws.x.length; i++) {
    if (!Number.isFinite(ws.x[i])) {
      const w = Math.floor(i / size), t = Math.floor((i % size) / C);
      throw new Error(
        `pretrain: window ${w}, sample ${t}, channel ${ws.channels[i % C]} is ${
          ws.x[i]
        }; expected a finite number`,
      );
    }
  }
}

/** Sets the learning rate of a tfjs Adam or SGD optimizer (read by them at every step). */
function setLearningRate(optimizer: tf.Optimizer, kind: "adam" | "sgd", lr: number): void {
  // tfjs optimizers answer `instanceof` by duck typing, so the kind is passed explicitly.
  if (kind === "sgd") (optimizer as tf.SGDOptimizer).setLearningRate(lr);
  else (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

/**
 * Pretrains an encoder with a contrastive loss on `windows` (see {@linkcode PretrainConfig}
 * for every option and `PRETRAIN_DEFAULTS` for the defaults; unknown fields throw).
 *
 * Each step samples windows (see `lossObjective` for each loss's sampler and batch layout),
 * writes their augmented views into one preallocated Float32Array, makes one tensor of it,
 * and takes an optimizer step on the loss of head(encoder(views)). It starts the fast
 * backend with `setupBackend` (wasm with our kernels; reported in the result and printed
 * when progress is shown), shows progress (terminal bar, or an in-place output plus a live
 * loss curve in a notebook), and disposes every per-step tensor and the optimizer, so
 * `tf.memory().numTensors` is the same after every epoch (recorded in the history).
 *
 * Determinism: initial weights (seeded Glorot), batches and augmentations derive from
 * `config.seed` alone (epoch e's batches and views from the forks "epoch e/batches" and
 * "epoch e/views", independent of earlier epochs), so every step's input is bit-identical
 * across runs. The trained weights are bit-identical across runs on the same backend:
 * measured for cpu, and for wasm, where 1 and 2 threads even give the same bits (XNNPACK
 * splits work between threads by output tile, so each sum keeps its order). cpu and wasm
 * agree only to float32 round-off (about 1e-7 relative in the first loss), which training
 * then amplifies.
 */
export async function pretrain(
  windows: WindowSet,
  config: Partial<PretrainConfig> = {},
  hooks: PretrainHooks = {},
): Promise<PretrainResult> {
  const c = resolvePretrainConfig(config);
  checkWindowSet("pretrain", windows);
  checkFinite(windows);
  if (c.labelled) requireLabelled(`pretrain (loss "${c.loss}" with labels)`, windows);
  const unknownHook = Object.keys(hooks).find(
    (k) => !["onEpoch", "onStep", "progress", "lossChart"].includes(k),
  );
  if (unknownHook) {
    throw new Error(
      `pretrain: unknown hook '${unknownHook}'; expected onEpoch, onStep, progress, lossChart`,
    );
  }
  const L = windows.length, C = windows.channels.length;
  for (const [k, v] of [["length", L], ["channels", C]] as const) {
    if (c.encoder[k] !== undefined && c.encoder[k] !== v) {
      throw new Error(
        `pretrain: config.encoder.${k} is ${c.encoder[k]}, but the windows have ${v}`,
      );
    }
  }
  c.encoder = { ...c.encoder, length: L, channels: C, seed: c.encoder.seed ?? c.seed };
  const augmentation = augmentationPreset(c.augmentation, {
    channels: windows.channels,
    sampleRate: windows.sampleRate,
    sensorSimulation: c.sensorSimulation,
  });
  const objective = lossObjective(c, windows, augmentation);
  const perEpoch = Math.floor(windows.n / c.batchSize);
  if (perEpoch < 1) {
    throw new Error(
      `pretrain: config.batchSize ${c.batchSize} exceeds the ${windows.n} windows; use a smaller batch`,
    );
  }
  const steps = Math.min(perEpoch, c.stepsPerEpoch ?? Infinity);
  const totalSteps = steps * c.epochs;

  // Validate the model configs before starting anything.
  const embeddingDim = resolveEncoderConfig(c.encoder).embeddingDim;
  if (c.head !== null) {
    c.head = { ...c.head, inputDim: embeddingDim, seed: c.head.seed ?? c.seed };
    resolveProjectionHeadConfig(c.head);
  }
  const backend = await setupBackend({ backend: c.backend, quiet: true });
  const encoder = buildEncoder(c.encoder);
  const head = c.head === null ? null : buildProjectionHead(c.head);

  const rows = objective.blocks * objective.blockSize;
  const buffer = new Float32Array(rows * L * C);
  const root = new Rng(c.seed);
  const history: PretrainEpoch[] = [];
  const started = performance.now();
  let reporter: ProgressReporter | null = null;
  let chart: LiveLineChart | null = null;
  let optimizer: tf.Optimizer | null = null;
  let step = 0;
  try {
    const progressOn = hooks.progress ?? true;
    if (progressOn !== false) {
      reporter = progress(totalSteps, `pretrain ${c.loss}`, progressOn === true ? {} : progressOn);
    }
    const chartOption = hooks.lossChart ?? reporter?.mode === "jupyter";
    if (chartOption !== false) {
      chart = liveLineChart({
        title: `pretraining loss (${c.loss})`,
        xLabel: "epoch",
        yLabel: "loss",
        ...(chartOption === true ? {} : chartOption),
      });
    }
    if (reporter !== null && reporter.mode !== "silent") {
      if (backend.fallbackReason) console.warn(`tfjs backend fallback: ${backend.fallbackReason}`);
      console.log(
        `pretrain: ${c.loss} on ${
          describeBackend(backend)
        }; ${c.epochs} epochs × ${steps} steps × ${rows} views`,
      );
    }
    const variables = [...encoder.trainableWeights, ...(head?.trainableWeights ?? [])]
      .map((w) => w.read() as tf.Variable);
    optimizer = c.optimizer === "adam"
      ? tf.train.adam(c.learningRate)
      : tf.train.sgd(c.learningRate);
    for (let epoch = 1; epoch <= c.epochs; epoch++) {
      const epochStart = performance.now();
      const batches = objective.sample(steps, root.fork(`epoch ${epoch}/batches`));
      const augRng = root.fork(`epoch ${epoch}/views`);
      let sum = 0;
      let lr = c.learningRate;
      for (let s = 0; s < batches.length; s++, step++) {
        objective.fill(batches[s], buffer, augRng);
        lr = learningRateAt(step, totalSteps, c);
        setLearningRate(optimizer, c.optimizer, lr);
        const x = tf.tensor3d(buffer, [rows, L, C]);
        let value: number;
        try {
          const cost = optimizer.minimize(
            () => {
              const e = encoder.apply(x, { training: true }) as tf.Tensor2D;
              const z = head === null ? e : head.apply(e, { training: true }) as tf.Tensor2D;
              return objective.loss(z, batches[s]);
            },
            true,
            variables,
          )!;
          value = (await cost.data())[0];
          cost.dispose();
        } finally {
          x.dispose();
        }
        if (!Number.isFinite(value)) {
          throw new Error(
            `pretrain: the loss became ${value} at epoch ${epoch}, step ${
              s + 1
            } (learning rate ${lr}); lower config.learningRate`,
          );
        }
        sum += value;
        hooks.onStep?.({ epoch, step: s + 1, loss: value, learningRate: lr });
        reporter?.tick(1, { epoch: `${epoch}/${c.epochs}`, loss: value.toFixed(4) });
      }
      const entry: PretrainEpoch = {
        epoch,
        loss: sum / batches.length,
        seconds: (performance.now() - epochStart) / 1000,
        learningRate: lr,
        numTensors: tf.memory().numTensors,
      };
      history.push(entry);
      await chart?.add("train", epoch, entry.loss);
      await hooks.onEpoch?.(entry);
    }
  } catch (e) {
    encoder.dispose();
    head?.dispose();
    throw e;
  } finally {
    optimizer?.dispose();
    await reporter?.done();
    await chart?.done();
  }
  return {
    encoder,
    head,
    history,
    backend,
    config: c,
    stepsPerEpoch: steps,
    seconds: (performance.now() - started) / 1000,
  };
}

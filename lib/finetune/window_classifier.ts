/**
 * A window classifier — an encoder followed by a linear softmax head — and its supervised
 * training loop with separate encoder and head learning rates, batch assembly in
 * Float32Arrays, mode-balanced batches, and leak-free prediction. Shared by
 * {@linkcode fineTune} and {@linkcode trainFromScratch}.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";
import { type BackendInfo, setupBackend } from "../backend/setup.ts";
import type { WindowSet } from "../data/window_set.ts";
import { Rng } from "../random/rng.ts";
import { resolveOptions } from "../stats/options.ts";
import { AUGMENTATION_PRESETS, augmentationPreset } from "../learn/augmentation_presets.ts";
import { labelBalancedBatches } from "../learn/balanced_batches.ts";
import { gatherWindows } from "../learn/gather_windows.ts";
import { learningRateAt } from "../learn/lr_schedule.ts";
import { checkWindowSet, requireLabelled } from "../learn/window_groups.ts";
import type { ClassifierTrainingOptions } from "./classifier_options.ts";
import type { LogisticRegressionModel } from "./logistic_regression.ts";

/** An encoder (windows → embedding) and a head (embedding → class logits). */
export interface WindowClassifier {
  encoder: tf.LayersModel;
  head: tf.LayersModel;
}

/** One training step of a classifier run. */
export interface ClassifierStep {
  /** Step number, 1-based. */
  step: number;
  /** Cross-entropy of the step's batch. */
  loss: number;
  /** Head learning rate of the step (the encoder's is in the same ratio throughout). */
  learningRate: number;
}

/** What {@linkcode fineTune} and {@linkcode trainFromScratch} return. */
export interface ClassifierRun {
  /** Predicted class of each test window (null without test windows). */
  predictions: Int32Array | null;
  /** Class probabilities of the test windows, row-major [n, classes] (null without). */
  probabilities: Float32Array | null;
  /** One entry per step. */
  history: ClassifierStep[];
  /** Steps run. */
  steps: number;
  /** Wall-clock seconds of training and prediction. */
  seconds: number;
  /** The backend it ran on. */
  backend: BackendInfo;
  /** The trained classifier when asked to keep it (the caller disposes it), else null. */
  classifier: WindowClassifier | null;
}

/**
 * Fills in `defaults` and validates classifier options; throws a one-line error naming `fn`
 * and the option.
 */
export function resolveClassifierOptions<T extends ClassifierTrainingOptions>(
  defaults: Readonly<T>,
  options: Partial<T> | undefined,
  fn: string,
): T {
  const o = resolveOptions(defaults as T, options, fn);
  const int = (k: keyof ClassifierTrainingOptions, min: number) => {
    const v = o[k] as number;
    if (!(Number.isInteger(v) && v >= min)) {
      throw new Error(`${fn}: option ${k} must be an integer ≥ ${min}, got ${v}`);
    }
  };
  int("minSteps", 1);
  int("maxSteps", 1);
  int("batchSize", 1);
  int("classes", 2);
  int("predictBatchSize", 1);
  int("seed", 0);
  if (o.maxSteps < o.minSteps) {
    throw new Error(`${fn}: option maxSteps (${o.maxSteps}) is below minSteps (${o.minSteps})`);
  }
  if (!(o.epochs > 0)) throw new Error(`${fn}: option epochs must be > 0, got ${o.epochs}`);
  if (!(o.headLr > 0)) throw new Error(`${fn}: option headLr must be > 0, got ${o.headLr}`);
  if (!(o.encoderLr >= 0)) {
    throw new Error(
      `${fn}: option encoderLr must be ≥ 0 (0 freezes the encoder), got ${o.encoderLr}`,
    );
  }
  const choice = (k: keyof ClassifierTrainingOptions, allowed: readonly string[]) => {
    if (!allowed.includes(o[k] as string)) {
      throw new Error(
        `${fn}: option ${k} must be one of ${allowed.join(", ")}, got ${JSON.stringify(o[k])}`,
      );
    }
  };
  choice("schedule", ["cosine", "constant"]);
  choice("balance", ["batches", "none"]);
  choice("augmentation", AUGMENTATION_PRESETS);
  return o;
}

/** Throws unless `ws` is a window set the encoder takes, labelled below `classes` if asked. */
export function checkClassifierWindows(
  fn: string,
  name: string,
  ws: WindowSet,
  encoder: tf.LayersModel | null,
  classes: number | null,
): void {
  checkWindowSet(`${fn} (${name})`, ws);
  if (classes !== null) {
    requireLabelled(`${fn} (${name})`, ws);
    for (let i = 0; i < ws.n; i++) {
      if (ws.labels[i] >= classes) {
        throw new Error(
          `${fn}: ${name} window ${i} has label ${ws.labels[i]}; expected a class below ${classes}`,
        );
      }
    }
  }
  for (let i = 0; i < ws.x.length; i++) {
    if (!Number.isFinite(ws.x[i])) {
      const size = ws.length * ws.channels.length;
      throw new Error(
        `${fn}: ${name} window ${Math.floor(i / size)} holds ${ws.x[i]}; expected finite values`,
      );
    }
  }
  if (encoder !== null) {
    const shape = encoder.inputs[0].shape;
    if (shape.length !== 3 || shape[1] !== ws.length || shape[2] !== ws.channels.length) {
      throw new Error(
        `${fn}: the encoder takes windows [${
          shape.slice(1).join(", ")
        }], the ${name} windows are [${ws.length}, ${ws.channels.length}]`,
      );
    }
  }
}

/** Steps of a run on n windows: ⌈epochs · n / batch⌉ clamped to [minSteps, maxSteps]. */
export function classifierSteps(o: ClassifierTrainingOptions, n: number): number {
  const batch = Math.min(o.batchSize, n);
  return Math.min(o.maxSteps, Math.max(o.minSteps, Math.ceil(o.epochs * n / batch)));
}

/**
 * Sets a linear head Dense(K) on raw embeddings e to a logistic regression fitted on them:
 * the regression standardises e, so kernel_jc = W_jc / σ_j and b_c' = b_c − Σ_j μ_j W_jc / σ_j
 * give the same logits. (Linear probe, then fine-tune: Kumar et al., "Fine-Tuning can
 * Distort Pretrained Features and Underperform Out-of-Distribution", ICLR 2022.)
 */
export function setHeadFromLogisticRegression(
  head: tf.LayersModel,
  model: LogisticRegressionModel,
): void {
  const fn = "setHeadFromLogisticRegression";
  const weights = head.getWeights();
  const [kernelShape, biasShape] = weights.map((w) => w.shape);
  if (
    weights.length !== 2 || kernelShape.length !== 2 || kernelShape[0] !== model.dims ||
    kernelShape[1] !== model.classes || biasShape[0] !== model.classes
  ) {
    throw new Error(
      `${fn}: the head must be one Dense(${model.classes}) layer on ${model.dims} inputs (the regression's sizes)`,
    );
  }
  const { dims: d, classes: K, standardizer: s } = model;
  const kernel = new Float32Array(d * K), bias = new Float32Array(K);
  for (let c = 0; c < K; c++) {
    let b = model.bias[c];
    for (let j = 0; j < d; j++) {
      const w = model.weights[j * K + c] / s.scale[j];
      kernel[j * K + c] = w;
      b -= s.mean[j] * w;
    }
    bias[c] = b;
  }
  const tensors = [tf.tensor2d(kernel, [d, K]), tf.tensor1d(bias)];
  head.setWeights(tensors);
  tensors.forEach((t) => t.dispose());
}

/** Disposes both models of a classifier. */
export function disposeClassifier(classifier: WindowClassifier): void {
  classifier.encoder.dispose();
  classifier.head.dispose();
}

/**
 * Class probabilities (softmax of head(encoder(x))) and predicted classes of every window,
 * `batchSize` windows per forward pass in inference mode; every tensor is disposed.
 */
export function classifyWindows(
  classifier: WindowClassifier,
  windows: WindowSet,
  batchSize = 256,
): { predictions: Int32Array; probabilities: Float32Array } {
  const fn = "classifyWindows";
  checkClassifierWindows(fn, "input", windows, classifier.encoder, null);
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new Error(`${fn}: batchSize must be an integer ≥ 1, got ${batchSize}`);
  }
  const L = windows.length, C = windows.channels.length, size = L * C;
  const shape = classifier.head.outputs[0].shape;
  const K = shape[shape.length - 1] as number;
  const probabilities = new Float32Array(windows.n * K);
  for (let start = 0; start < windows.n; start += batchSize) {
    const b = Math.min(batchSize, windows.n - start);
    const p = tf.tidy(() => {
      const x = tf.tensor3d(windows.x.subarray(start * size, (start + b) * size), [b, L, C]);
      const e = classifier.encoder.predict(x) as tf.Tensor;
      return tf.softmax(classifier.head.predict(e) as tf.Tensor);
    });
    probabilities.set(p.dataSync(), start * K);
    p.dispose();
  }
  const predictions = new Int32Array(windows.n);
  for (let i = 0; i < windows.n; i++) {
    let best = 0;
    for (let c = 1; c < K; c++) {
      if (probabilities[i * K + c] > probabilities[i * K + best]) best = c;
    }
    predictions[i] = best;
  }
  return { predictions, probabilities };
}

function uniformBatches(n: number, batch: number, steps: number, rng: Rng): Int32Array[] {
  const out: Int32Array[] = [];
  let queue: number[] = [];
  for (let s = 0; s < steps; s++) {
    const b = new Int32Array(batch);
    for (let k = 0; k < batch; k++) {
      if (queue.length === 0) queue = rng.shuffle(Array.from({ length: n }, (_, i) => i));
      b[k] = queue.pop()!;
    }
    out.push(b);
  }
  return out;
}

/**
 * Trains `classifier` (modified in place) with softmax cross-entropy on the labelled `train`
 * windows — Adam on the head at `headLr` and on the encoder at `encoderLr` (0: frozen), both
 * on the same schedule — then predicts `test` (if given). Every per-step tensor and both
 * optimizers are disposed. Deterministic for a seed: batches from the fork "batches", views
 * from "views". Options must be resolved already.
 */
export async function trainWindowClassifier(
  fn: string,
  classifier: WindowClassifier,
  train: WindowSet,
  test: WindowSet | null,
  o: ClassifierTrainingOptions,
): Promise<Omit<ClassifierRun, "classifier">> {
  const backend = await setupBackend({ quiet: true });
  const started = performance.now();
  const { encoder, head } = classifier;
  const L = train.length, C = train.channels.length, K = o.classes;
  const batch = Math.min(o.batchSize, train.n);
  const steps = classifierSteps(o, train.n);
  const root = new Rng(o.seed);
  const batches = o.balance === "batches" && batch >= 2
    ? labelBalancedBatches(train, { batchSize: batch, batches: steps }, root.fork("batches"))
    : uniformBatches(train.n, batch, steps, root.fork("batches"));
  const augmentation = augmentationPreset(o.augmentation, {
    channels: train.channels,
    sampleRate: train.sampleRate,
  });
  const viewRng = root.fork("views");
  const buffer = new Float32Array(batch * L * C);
  const yBatch = new Int32Array(batch);
  const encoderVars = o.encoderLr > 0
    ? encoder.trainableWeights.map((w) => w.read() as tf.Variable)
    : [];
  const headVars = head.trainableWeights.map((w) => w.read() as tf.Variable);
  const encoderOpt = tf.train.adam(o.encoderLr > 0 ? o.encoderLr : 1);
  const headOpt = tf.train.adam(o.headLr);
  const history: ClassifierStep[] = [];
  try {
    for (let s = 0; s < steps; s++) {
      gatherWindows(buffer, train, batches[s], augmentation, augmentation ? viewRng : null);
      for (let k = 0; k < batch; k++) yBatch[k] = train.labels[batches[s][k]];
      const headLr = learningRateAt(s, steps, {
        learningRate: o.headLr,
        schedule: o.schedule,
        warmupSteps: 0,
      });
      (headOpt as unknown as { learningRate: number }).learningRate = headLr;
      (encoderOpt as unknown as { learningRate: number }).learningRate = headLr * o.encoderLr /
        o.headLr;
      const x = tf.tensor3d(buffer, [batch, L, C]);
      const y = tf.tidy(() => tf.oneHot(tf.tensor1d(yBatch, "int32"), K));
      let loss: number;
      try {
        const { value, grads } = tf.variableGrads(() => {
          const e = encoder.apply(x, { training: true }) as tf.Tensor;
          const logits = head.apply(e, { training: true }) as tf.Tensor;
          return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
        }, [...encoderVars, ...headVars]);
        const pick = (vars: tf.Variable[]) =>
          vars.map((v) => ({ name: v.name, tensor: grads[v.name] }));
        if (encoderVars.length) encoderOpt.applyGradients(pick(encoderVars));
        headOpt.applyGradients(pick(headVars));
        loss = value.dataSync()[0];
        value.dispose();
        tf.dispose(grads);
      } finally {
        x.dispose();
        y.dispose();
      }
      if (!Number.isFinite(loss)) {
        throw new Error(
          `${fn}: the loss became ${loss} at step ${
            s + 1
          } (head learning rate ${headLr}); lower headLr/encoderLr`,
        );
      }
      history.push({ step: s + 1, loss, learningRate: headLr });
    }
  } finally {
    encoderOpt.dispose();
    headOpt.dispose();
  }
  const predicted = test === null ? null : classifyWindows(classifier, test, o.predictBatchSize);
  return {
    predictions: predicted?.predictions ?? null,
    probabilities: predicted?.probabilities ?? null,
    history,
    steps,
    seconds: (performance.now() - started) / 1000,
    backend,
  };
}

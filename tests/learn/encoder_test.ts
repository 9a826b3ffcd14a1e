import { tf } from "../../lib/backend/tf.ts";
import { setupBackend } from "../../lib/backend/setup.ts";
import {
  buildEncoder,
  buildProjectionHead,
  DEFAULT_ENCODER_CONFIG,
  DEFAULT_PROJECTION_HEAD_CONFIG,
  encoderForwardFlops,
  encoderSequenceLengths,
  resolveEncoderConfig,
} from "../../lib/learn/encoder.ts";
import { assert, assertAllClose, assertThrowsWith } from "../_assert.ts";

await setupBackend({ quiet: true });

function weights(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => Float32Array.from(w.dataSync()));
}

Deno.test("buildEncoder() with defaults is workload W: layers, shapes and 27 072 parameters", () => {
  const model = buildEncoder();
  assert.deepEqual(model.inputs[0].shape, [null, 256, 1]);
  assert.deepEqual(model.outputs[0].shape, [null, 64]);
  assert.deepEqual(
    model.layers.map((l) => [l.getClassName(), l.outputShape]),
    [
      ["Conv1D", [null, 250, 32]],
      ["MaxPooling1D", [null, 125, 32]],
      ["Conv1D", [null, 121, 64]],
      ["MaxPooling1D", [null, 60, 64]],
      ["Conv1D", [null, 58, 64]],
      ["GlobalAveragePooling1D", [null, 64]],
      ["Dense", [null, 64]],
    ],
  );
  // (7·1·32 + 32) + (5·32·64 + 64) + (3·64·64 + 64) + (64·64 + 64)
  assert.equal(model.countParams(), 256 + 10304 + 12352 + 4160);
  const z = tf.tidy(() => (model.predict(tf.zeros([3, 256, 1])) as tf.Tensor).shape);
  assert.deepEqual(z, [3, 64]);
  model.dispose();
});

Deno.test("buildEncoder() gives identical initial weights for the same seed and different ones for another", () => {
  const a = buildEncoder({ seed: 5 }), b = buildEncoder({ seed: 5 }), c = buildEncoder({ seed: 6 });
  const wa = weights(a), wb = weights(b), wc = weights(c);
  assert.equal(wa.length, 8);
  wa.forEach((w, i) => assertAllClose(w, wb[i], { atol: 0 }, `weight ${i}`));
  assert.ok(wa[0].some((v, i) => v !== wc[0][i]), "another seed, other kernels");
  // Glorot-uniform bound of the first kernel: sqrt(6 / (fanIn + fanOut)) = sqrt(6 / (7 + 224)).
  const bound = Math.sqrt(6 / (7 * 1 + 7 * 32));
  assert.ok(wa[0].every((v) => Math.abs(v) <= bound), "kernel within the Glorot bound");
  assert.ok(Math.max(...wa[0].map(Math.abs)) > 0.8 * bound, "kernel spreads over the bound");
  assert.ok(wa[1].every((v) => v === 0), "zero biases");
  tf.dispose([a, b, c].map((m) => m.getWeights()).flat());
});

Deno.test("buildEncoder() follows a custom config: channels, filters, pools, same padding, embedding", () => {
  const model = buildEncoder({
    length: 128,
    channels: 3,
    filters: [8, 16],
    kernelSizes: [5, 3],
    poolSizes: [4, 1],
    padding: "same",
    activation: "elu",
    embeddingDim: 10,
    name: "small",
  });
  assert.deepEqual(model.layers.map((l) => l.name), [
    "small_conv1",
    "small_pool1",
    "small_conv2",
    "small_gap",
    "small_embedding",
  ]);
  assert.deepEqual(model.layers[2].outputShape, [null, 32, 16]);
  assert.deepEqual(model.outputs[0].shape, [null, 10]);
  model.dispose();
});

Deno.test("encoderSequenceLengths() and encoderForwardFlops() give W's hand-counted figures", () => {
  assert.deepEqual(encoderSequenceLengths(resolveEncoderConfig()), [125, 60, 58]);
  // 2·B·(250·7·1·32 + 121·5·32·64 + 58·3·64·64 + 64·64) at B = 256:
  // 28 672 000 + 634 388 480 + 364 904 448 + 2 097 152.
  assert.equal(encoderForwardFlops({}, 256), 1_030_062_080);
  assert.equal(encoderForwardFlops({}, 1) * 256, 1_030_062_080);
});

Deno.test("buildEncoder() rejects unknown fields, bad values and windows too short for the layers", () => {
  assertThrowsWith(() => buildEncoder({ filter: [1] } as never), "unknown config field 'filter'");
  assertThrowsWith(() => buildEncoder({ length: 0 }), "length must be a positive integer, got 0");
  assertThrowsWith(() => buildEncoder({ kernelSizes: [7, 5] }), "kernelSizes must have 3 entries");
  assertThrowsWith(
    () => buildEncoder({ poolSizes: [2, 2.5, 1] }),
    "poolSizes[1] must be a positive integer",
  );
  assertThrowsWith(() => buildEncoder({ filters: [] }), "at least one conv layer");
  assertThrowsWith(
    () => buildEncoder({ padding: "causal" as never }),
    'padding must be "valid" or "same"',
  );
  assertThrowsWith(
    () => buildEncoder({ activation: "gelu" as never }),
    "activation must be one of relu, elu, tanh",
  );
  assertThrowsWith(() => buildEncoder({ seed: 0.5 }), "seed must be an integer");
  assertThrowsWith(() => buildEncoder({ name: "a b" }), "name must be an identifier");
  assertThrowsWith(
    () => buildEncoder({ length: 20 }),
    "a window of 20 samples is too short: conv layer 3",
  );
  assert.equal(DEFAULT_ENCODER_CONFIG.filters.length, 3, "defaults untouched by the calls above");
});

Deno.test("buildProjectionHead() maps 64 → 64 (relu) → 32 by default and follows its config", () => {
  const head = buildProjectionHead();
  assert.deepEqual(head.inputs[0].shape, [null, DEFAULT_PROJECTION_HEAD_CONFIG.inputDim]);
  assert.deepEqual(head.layers.map((l) => l.outputShape), [[null, 64], [null, 32]]);
  assert.equal(head.countParams(), 64 * 64 + 64 + 64 * 32 + 32);
  const linear = buildProjectionHead({ inputDim: 10, hiddenDims: [], outputDim: 4, seed: 2 });
  assert.equal(linear.layers.length, 1);
  const same = buildProjectionHead({ inputDim: 10, hiddenDims: [], outputDim: 4, seed: 2 });
  assertAllClose(weights(linear)[0], weights(same)[0], { atol: 0 });
  // A linear head is exactly x·W + b.
  const x = tf.tensor2d([[1, 0, 0, 0, 0, 0, 0, 0, 0, 2]]);
  const y = (linear.predict(x) as tf.Tensor).dataSync();
  const w = weights(linear)[0];
  for (let j = 0; j < 4; j++) assert.ok(Math.abs(y[j] - (w[j] + 2 * w[36 + j])) < 1e-6);
  assertThrowsWith(
    () => buildProjectionHead({ outputDim: -1 }),
    "outputDim must be a positive integer",
  );
  assertThrowsWith(
    () => buildProjectionHead({ hiddenDim: 3 } as never),
    "unknown config field 'hiddenDim'",
  );
  tf.dispose([x, ...head.getWeights(), ...linear.getWeights(), ...same.getWeights()]);
});

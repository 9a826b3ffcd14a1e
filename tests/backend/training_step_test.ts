import { tf } from "../../lib/backend/tf.ts";
import { buildEncoder } from "../../lib/learn/encoder.ts";
import { ntXentLoss } from "../../lib/losses/nt_xent.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert } from "../_assert.ts";
import { randomTensor, relativeError, wasmDataIds, wasmReady } from "./_kernel_check.ts";

await wasmReady();

/** Two views of `pairs` random windows of W's shape: x and x plus noise of sd `noiseSd`. */
function views(rng: Rng, pairs: number, noiseSd: number): [tf.Tensor3D, tf.Tensor3D] {
  const x = randomTensor(rng, [pairs, 256, 1]) as tf.Tensor3D;
  const noise = randomTensor(rng, [pairs, 256, 1]);
  const y = tf.tidy(() => tf.add(x, tf.mul(noise, noiseSd))) as tf.Tensor3D;
  noise.dispose();
  return [x, y];
}

function loss(model: tf.LayersModel, a: tf.Tensor3D, b: tf.Tensor3D): tf.Scalar {
  const za = model.apply(a) as tf.Tensor2D, zb = model.apply(b) as tf.Tensor2D;
  return ntXentLoss(za, zb, 0.1, { checkValues: false });
}

Deno.test("a training step of the W encoder with NT-Xent gives the same loss and gradients on wasm as on cpu", async () => {
  const rng = new Rng("training-step-grads");
  const model = buildEncoder({ seed: 7 });
  // Views that differ clearly: with near-identical views the gradient is a small difference
  // of large terms, and float32 rounding (1e-7) in either backend shows up as 1e-4 in it.
  const [a, b] = views(rng, 4, 1);
  const grads = async (backend: "cpu" | "wasm") => {
    await tf.setBackend(backend);
    const { value, grads } = tf.variableGrads(() => loss(model, a, b));
    const out = {
      loss: value.dataSync()[0],
      grads: Object.fromEntries(
        Object.entries(grads).map(([k, g]) => [k, Float32Array.from(g.dataSync())]),
      ),
    };
    tf.dispose([value, ...Object.values(grads)]);
    await tf.setBackend("wasm");
    return out;
  };
  const cpu = await grads("cpu");
  const wasm = await grads("wasm");
  assert.ok(
    Math.abs(wasm.loss - cpu.loss) <= 1e-5 * Math.abs(cpu.loss),
    `loss ${wasm.loss} vs ${cpu.loss}`,
  );
  assert.deepEqual(Object.keys(wasm.grads).sort(), Object.keys(cpu.grads).sort());
  assert.equal(Object.keys(wasm.grads).length, 8, "4 layers × (kernel, bias)");
  for (const k of Object.keys(cpu.grads)) {
    const err = relativeError(wasm.grads[k], cpu.grads[k]);
    assert.ok(err <= 2e-5, `gradient of ${k}: relative error ${err}`);
  }
  tf.dispose([a, b]);
  model.dispose();
});

Deno.test("the W encoder's gradients of a plain squared-norm loss agree on wasm and cpu within 1e-5", async () => {
  const rng = new Rng("training-step-square");
  const model = buildEncoder({ seed: 11 });
  const x = randomTensor(rng, [4, 256, 1]) as tf.Tensor3D;
  const grads = async (backend: "cpu" | "wasm") => {
    await tf.setBackend(backend);
    const { value, grads } = tf.variableGrads(() =>
      tf.mean(tf.square(model.apply(x) as tf.Tensor)) as tf.Scalar
    );
    const out = Object.fromEntries(
      Object.entries(grads).map(([k, g]) => [k, Float32Array.from(g.dataSync())]),
    );
    tf.dispose([value, ...Object.values(grads)]);
    await tf.setBackend("wasm");
    return out;
  };
  const cpu = await grads("cpu"), wasm = await grads("wasm");
  for (const k of Object.keys(cpu)) {
    const err = relativeError(wasm[k], cpu[k]);
    assert.ok(err <= 1e-5, `gradient of ${k}: relative error ${err}`);
  }
  x.dispose();
  model.dispose();
});

Deno.test("Adam steps on the W encoder lower the NT-Xent loss on wasm without leaking tensors or buffers", () => {
  const rng = new Rng("training-step-adam");
  const model = buildEncoder({ seed: 3 });
  const [a, b] = views(rng, 32, 0.1);
  const optimizer = tf.train.adam(1e-3);
  const losses: number[] = [];
  let tensors = 0, buffers = 0;
  for (let step = 0; step < 8; step++) {
    const l = optimizer.minimize(() => loss(model, a, b), true)!;
    losses.push(l.dataSync()[0]);
    l.dispose();
    if (step === 1) [tensors, buffers] = [tf.memory().numTensors, wasmDataIds()];
  }
  assert.equal(
    tf.memory().numTensors,
    tensors,
    "tensor count flat after the optimizer's slots exist",
  );
  assert.equal(wasmDataIds(), buffers, "wasm buffer count flat");
  assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
  assert.ok(losses[7] < losses[0] - 0.05, `loss fell from ${losses[0]} to ${losses[7]}`);
  optimizer.dispose();
  tf.dispose([a, b]);
  model.dispose();
});

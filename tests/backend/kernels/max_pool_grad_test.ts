import { tf } from "../../../lib/backend/tf.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assert, assertAllClose } from "../../_assert.ts";
import { checkKernelAgainstCpu, randomTensor, runKernelOn, wasmReady } from "../_kernel_check.ts";

await wasmReady();

type Pad = "valid" | "same" | number;

function randomCase(rng: Rng) {
  for (;;) {
    const b = 1 + rng.int(3), h = 1 + rng.int(6), w = 2 + rng.int(11), ch = 1 + rng.int(5);
    const fh = 1 + rng.int(Math.min(3, h)), fw = 1 + rng.int(3);
    const strides: [number, number] = [1 + rng.int(3), 1 + rng.int(3)];
    const pads: Pad[] = ["valid", "same", rng.int(Math.min(fh, fw))];
    const pad = pads[rng.int(pads.length)];
    const info = tf.backend_util.computePool2DInfo([b, h, w, ch], [fh, fw], strides, 1, pad);
    if (info.outHeight < 1 || info.outWidth < 1) continue;
    return {
      xShape: [b, h, w, ch],
      yShape: info.outShape,
      attrs: { filterSize: [fh, fw], strides, pad },
    };
  }
}

/**
 * The three inputs MaxPoolGrad takes: dy, the pool's input and its output (computed on cpu:
 * the wasm backend's forward MaxPool mishandles some padded windows, which is not ours).
 */
async function poolInputs(
  x: tf.Tensor,
  dy: tf.Tensor,
  attrs: { filterSize: number[]; strides: number[]; pad: Pad },
) {
  await tf.setBackend("cpu");
  const output = tf.maxPool(
    x as tf.Tensor4D,
    attrs.filterSize as [number, number],
    attrs.strides as [number, number],
    attrs.pad,
  );
  await tf.setBackend("wasm");
  return { dy, input: x, output };
}

Deno.test("MaxPoolGrad (wasm) matches cpu within 1e-5 on 40 random pools (overlapping, strided, padded)", async () => {
  const rng = new Rng("max-pool-grad");
  for (let i = 0; i < 40; i++) {
    const c = randomCase(rng);
    const x = randomTensor(rng, c.xShape), dy = randomTensor(rng, c.yShape);
    const inputs = await poolInputs(x, dy, c.attrs);
    await checkKernelAgainstCpu("MaxPoolGrad", inputs, c.attrs, 1e-5, JSON.stringify(c.attrs));
    tf.dispose([x, dy, inputs.output]);
  }
});

Deno.test("MaxPoolGrad (wasm) sends ties to the first maximum in the window, as cpu does", async () => {
  // Values from {0, 1, 2}: most windows hold ties.
  const rng = new Rng("max-pool-grad-ties");
  for (let i = 0; i < 20; i++) {
    const c = randomCase(rng);
    const n = c.xShape.reduce((a, b) => a * b, 1);
    const x = tf.tensor(Float32Array.from({ length: n }, () => rng.int(3)), c.xShape);
    const dy = randomTensor(rng, c.yShape);
    const inputs = await poolInputs(x, dy, c.attrs);
    await checkKernelAgainstCpu("MaxPoolGrad", inputs, c.attrs, 1e-6, JSON.stringify(c.attrs));
    tf.dispose([x, dy, inputs.output]);
  }
});

Deno.test("MaxPoolGrad (wasm) routes each gradient to its window's maximum (hand-worked 1-D pool)", async () => {
  // x = [3, 1, | 2, 5, | 4, 4, | 7] pooled by 2: maxima at 0, 3, 4 (first of the tie); 7 unused.
  const x = tf.tensor4d([3, 1, 2, 5, 4, 4, 7], [1, 1, 7, 1]);
  const dy = tf.tensor4d([10, 20, 30], [1, 1, 3, 1]);
  const attrs = { filterSize: [1, 2], strides: [1, 2], pad: "valid" as const };
  const got = await runKernelOn("wasm", "MaxPoolGrad", await poolInputs(x, dy, attrs), attrs);
  assertAllClose(got.values, [10, 0, 0, 20, 30, 0, 0], { atol: 0 });
  tf.dispose([x, dy]);
});

Deno.test("MaxPoolGrad (wasm) 1-D pools of 2 (the SIMD kernel) match cpu exactly with ties, NaN, −∞ and odd widths", async () => {
  const rng = new Rng("max-pool-grad-simd");
  const values = [0, 1, 2, NaN, -Infinity];
  for (const [w, ch] of [[7, 4], [10, 8], [9, 12], [5, 3]]) {
    const n = 3 * w * ch;
    const xv = Float32Array.from({ length: n }, () => values[rng.int(5)]);
    // Along the width ([b, 1, w, c], pool [1, 2]) and along the height ([b, w, 1, c], pool
    // [2, 1], as tfjs-layers' MaxPooling1D pools).
    for (const alongWidth of [true, false]) {
      const x = tf.tensor4d(xv, alongWidth ? [3, 1, w, ch] : [3, w, 1, ch]);
      const half = Math.floor(w / 2);
      const dy = randomTensor(rng, alongWidth ? [3, 1, half, ch] : [3, half, 1, ch]);
      const attrs = {
        filterSize: alongWidth ? [1, 2] : [2, 1],
        strides: alongWidth ? [1, 2] : [2, 1],
        pad: "valid" as const,
      };
      const inputs = await poolInputs(x, dy, attrs);
      const err = await checkKernelAgainstCpu("MaxPoolGrad", inputs, attrs, 0, `${w}×${ch}`);
      assert.equal(err, 0);
      tf.dispose([x, dy, inputs.output]);
    }
  }
});

Deno.test("MaxPoolGrad (wasm) matches cpu on the W encoder's pool shapes", async () => {
  const rng = new Rng("max-pool-grad-w");
  for (const [w, ch] of [[250, 32], [121, 64]]) { // as [b, 1, w, c]
    const x = randomTensor(rng, [4, 1, w, ch]);
    const dy = randomTensor(rng, [4, 1, Math.floor(w / 2), ch]);
    const attrs = { filterSize: [1, 2], strides: [1, 2], pad: "valid" as const };
    const inputs = await poolInputs(x, dy, attrs);
    const err = await checkKernelAgainstCpu("MaxPoolGrad", inputs, attrs, 0);
    assert.equal(err, 0);
    tf.dispose([x, dy, inputs.output]);
  }
});

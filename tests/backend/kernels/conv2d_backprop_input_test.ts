import { tf } from "../../../lib/backend/tf.ts";
import { flippedTransposedFilter } from "../../../lib/backend/kernels/conv2d_backprop_input.ts";
import { heapF32, type WasmBackendLike } from "../../../lib/backend/kernels/wasm_kernel_calls.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assert } from "../../_assert.ts";
import { checkKernelAgainstCpu, randomTensor, wasmReady } from "../_kernel_check.ts";

await wasmReady();

type Pad = "valid" | "same" | tf.backend_util.ExplicitPadding;

/** A random valid configuration: dy [b, oh, ow, co], filter [fh, fw, ci, co], input [b, h, w, ci]. */
function randomCase(rng: Rng, stride: number) {
  for (;;) {
    const b = 1 + rng.int(3), h = 1 + rng.int(7), w = 3 + rng.int(10);
    const ci = 1 + rng.int(5), co = 1 + rng.int(6);
    const fh = 1 + rng.int(Math.min(3, h)), fw = 1 + rng.int(4);
    const pads: Pad[] = ["valid", "same", [[0, 0], [rng.int(fh), rng.int(fh)], [
      rng.int(fw),
      rng.int(fw),
    ], [0, 0]]];
    const pad = pads[rng.int(pads.length)];
    const info = tf.backend_util.computeConv2DInfo(
      [b, h, w, ci],
      [fh, fw, ci, co],
      stride,
      1,
      pad,
    );
    if (info.outHeight < 1 || info.outWidth < 1) continue;
    return {
      dyShape: [b, info.outHeight, info.outWidth, co],
      filterShape: [fh, fw, ci, co],
      attrs: { strides: stride, pad, dataFormat: "NHWC", inputShape: [b, h, w, ci] },
    };
  }
}

for (const stride of [1, 2]) {
  Deno.test(`Conv2DBackpropInput (wasm) matches cpu within 1e-5 on 30 random shapes at stride ${stride}`, async () => {
    const rng = new Rng(`conv2d-backprop-input-${stride}`);
    for (let i = 0; i < 30; i++) {
      const c = randomCase(rng, stride);
      const dy = randomTensor(rng, c.dyShape), filter = randomTensor(rng, c.filterShape);
      await checkKernelAgainstCpu(
        "Conv2DBackpropInput",
        { dy, filter },
        c.attrs,
        1e-5,
        JSON.stringify(c.attrs),
      );
      tf.dispose([dy, filter]);
    }
  });
}

Deno.test("Conv2DBackpropInput (wasm) matches cpu when an explicit padding is wider than the filter", async () => {
  const rng = new Rng("conv2d-backprop-input-wide-pad");
  const dy = randomTensor(rng, [2, 1, 9, 3]), filter = randomTensor(rng, [1, 2, 4, 3]);
  // width 4 + 4 + 3 padding − 2 + 1 = 9 outputs
  await checkKernelAgainstCpu("Conv2DBackpropInput", { dy, filter }, {
    strides: 1,
    pad: [[0, 0], [0, 0], [4, 3], [0, 0]],
    dataFormat: "NHWC",
    inputShape: [2, 1, 4, 4],
  });
  tf.dispose([dy, filter]);
});

Deno.test("Conv2DBackpropInput (wasm) matches cpu on the W encoder's layer shapes", async () => {
  const rng = new Rng("conv2d-backprop-input-w");
  for (const [w, ci, co, k] of [[125, 32, 64, 5], [60, 64, 64, 3]]) {
    const dy = randomTensor(rng, [4, 1, w - k + 1, co]), filter = randomTensor(rng, [1, k, ci, co]);
    await checkKernelAgainstCpu("Conv2DBackpropInput", { dy, filter }, {
      strides: 1,
      pad: "valid",
      dataFormat: "NHWC",
      inputShape: [4, 1, w, ci],
    });
    tf.dispose([dy, filter]);
  }
});

Deno.test("Conv2DBackpropInput (wasm) rejects NCHW data with a clear error", () => {
  const dy = tf.zeros([1, 1, 2, 2]), filter = tf.zeros([1, 3, 1, 1]);
  assert.throws(
    () =>
      tf.engine().runKernel("Conv2DBackpropInput", { dy, filter }, {
        strides: 1,
        pad: "valid",
        dataFormat: "NCHW",
        inputShape: [1, 1, 4, 4],
      }),
    /dataFormat must be 'NHWC', got 'NCHW'/,
  );
  tf.dispose([dy, filter]);
});

Deno.test("flippedTransposedFilter() rotates the filter in space and swaps its channel axes", () => {
  // filter [fh 1, fw 2, ci 2, co 3]: value = 100·w + 10·i + o
  const values = [0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112];
  const filter = tf.tensor4d(values, [1, 2, 2, 3]);
  const backend = tf.backend() as unknown as WasmBackendLike;
  const out = flippedTransposedFilter(
    { dataId: filter.dataId, shape: filter.shape, dtype: "float32" },
    backend,
  );
  assert.deepEqual(out.shape, [1, 2, 3, 2]);
  // out[0, w, o, i] = filter[0, 1 − w, i, o]
  assert.deepEqual([...heapF32(backend, out)], [100, 110, 101, 111, 102, 112, 0, 10, 1, 11, 2, 12]);
  backend.disposeData(out.dataId);
  filter.dispose();
});

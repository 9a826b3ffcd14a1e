import { tf } from "../../../lib/backend/tf.ts";
import { conv1dForwardWasm } from "../../../lib/backend/kernels/conv2d.ts";
import type { WasmBackendLike } from "../../../lib/backend/kernels/wasm_kernel_calls.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assert } from "../../_assert.ts";
import { checkKernelAgainstCpu, randomTensor, wasmReady } from "../_kernel_check.ts";

await wasmReady();

type Pad = "valid" | "same" | tf.backend_util.ExplicitPadding;

Deno.test("Conv2D (wasm) matches cpu within 1e-5 on 30 random 1-D shapes with valid, same and explicit padding", async () => {
  const rng = new Rng("conv2d-1d");
  let done = 0;
  while (done < 30) {
    const b = 1 + rng.int(5), w = 1 + rng.int(40), ci = 1 + rng.int(10);
    const fw = 1 + rng.int(7), co = 4 * (1 + rng.int(5)) - (done % 7 === 6 ? 1 : 0);
    const pads: Pad[] = ["valid", "same", [[0, 0], [0, 0], [rng.int(fw + 1), rng.int(fw + 1)], [
      0,
      0,
    ]]];
    const pad = pads[done % 3];
    const info = tf.backend_util.computeConv2DInfo([b, 1, w, ci], [1, fw, ci, co], 1, 1, pad);
    if (info.outWidth < 1) continue;
    const x = randomTensor(rng, [b, 1, w, ci]), filter = randomTensor(rng, [1, fw, ci, co]);
    await checkKernelAgainstCpu(
      "Conv2D",
      { x, filter },
      {
        strides: 1,
        pad,
        dataFormat: "NHWC",
        dilations: 1,
      },
      1e-5,
      JSON.stringify({ b, w, ci, fw, co, pad }),
    );
    tf.dispose([x, filter]);
    done++;
  }
});

Deno.test("Conv2D (wasm) still matches cpu on 2-D, strided and dilated convolutions (the backend's own kernel)", async () => {
  const rng = new Rng("conv2d-fallback");
  const cases: Array<
    [number[], number[], number | [number, number], number | [number, number], Pad]
  > = [
    [[2, 5, 6, 3], [2, 3, 3, 8], 1, 1, "same"],
    [[2, 1, 20, 4], [1, 3, 4, 8], [1, 2], 1, "valid"],
    [[2, 1, 20, 4], [1, 3, 4, 8], 1, [1, 2], "same"],
    [[1, 1, 9, 2], [1, 3, 2, 3], 1, 1, "valid"],
  ];
  for (const [xs, fs, strides, dilations, pad] of cases) {
    const x = randomTensor(rng, xs), filter = randomTensor(rng, fs);
    await checkKernelAgainstCpu(
      "Conv2D",
      { x, filter },
      {
        strides,
        pad,
        dataFormat: "NHWC",
        dilations,
      },
      1e-5,
      JSON.stringify({ xs, fs, strides, dilations, pad }),
    );
    tf.dispose([x, filter]);
  }
});

Deno.test("Conv2D (wasm) matches cpu on the W encoder's layer shapes", async () => {
  const rng = new Rng("conv2d-w");
  for (const [w, ci, co, k] of [[256, 1, 32, 7], [125, 32, 64, 5], [60, 64, 64, 3]]) {
    const x = randomTensor(rng, [3, 1, w, ci]), filter = randomTensor(rng, [1, k, ci, co]);
    await checkKernelAgainstCpu("Conv2D", { x, filter }, {
      strides: 1,
      pad: "valid",
      dataFormat: "NHWC",
      dilations: 1,
    });
    tf.dispose([x, filter]);
  }
});

Deno.test("conv1dForwardWasm() returns null where the 1-D kernel does not apply", () => {
  const backend = tf.findBackend("wasm") as unknown as WasmBackendLike;
  const info = (t: tf.Tensor) => ({ dataId: t.dataId, shape: t.shape, dtype: t.dtype });
  const x = tf.zeros([1, 1, 8, 2]), x2d = tf.zeros([1, 2, 8, 2]);
  const f6 = tf.zeros([1, 3, 2, 6]), f2d = tf.zeros([2, 3, 2, 4]), f8 = tf.zeros([1, 9, 2, 4]);
  assert.equal(conv1dForwardWasm(info(x), info(f6), 0, 0, backend), null, "co not a multiple of 4");
  assert.equal(conv1dForwardWasm(info(x2d), info(f2d), 0, 0, backend), null, "2-D");
  assert.equal(conv1dForwardWasm(info(x), info(f8), 0, 0, backend), null, "no output position");
  tf.dispose([x, x2d, f6, f2d, f8]);
});

Deno.test("Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter (wasm) handle zero channels like cpu, without leaks", async () => {
  const rng = new Rng("conv-zero-channels");
  const x = randomTensor(rng, [2, 1, 5, 3]), f0 = tf.zeros([1, 3, 3, 0]);
  await checkKernelAgainstCpu("Conv2D", { x, filter: f0 }, {
    strides: 1,
    pad: "same",
    dataFormat: "NHWC",
    dilations: 1,
  });
  const dy = randomTensor(rng, [2, 1, 5, 4]), fci0 = tf.zeros([1, 3, 0, 4]);
  await checkKernelAgainstCpu("Conv2DBackpropInput", { dy, filter: fci0 }, {
    strides: 1,
    pad: "same",
    dataFormat: "NHWC",
    inputShape: [2, 1, 5, 0],
  });
  const dy0 = tf.zeros([2, 1, 5, 0]);
  await checkKernelAgainstCpu("Conv2DBackpropFilter", { x, dy: dy0 }, {
    strides: 1,
    pad: "same",
    dataFormat: "NHWC",
    filterShape: [1, 3, 3, 0],
  });
  tf.dispose([x, f0, dy, fci0, dy0]);
});

Deno.test("Conv2DBackpropFilter (wasm) rejects int32 data with a clear error instead of reading it as floats", () => {
  const x = tf.ones([1, 1, 6, 2], "int32"), dy = tf.ones([1, 1, 4, 4], "int32");
  assert.throws(
    () =>
      tf.engine().runKernel("Conv2DBackpropFilter", { x, dy }, {
        strides: 1,
        pad: "valid",
        dataFormat: "NHWC",
        filterShape: [1, 3, 2, 4],
      }),
    /x and dy must be float32, got int32 and int32/,
  );
  tf.dispose([x, dy]);
});

import { tf } from "../../../lib/backend/tf.ts";
import {
  type Conv2DBackpropFilterAttrs,
  conv2dBackpropFilterWasm,
} from "../../../lib/backend/kernels/conv2d_backprop_filter.ts";
import type { WasmBackendLike } from "../../../lib/backend/kernels/wasm_kernel_calls.ts";
import { Rng } from "../../../lib/random/rng.ts";
import { assert } from "../../_assert.ts";
import {
  checkKernelAgainstCpu,
  randomTensor,
  relativeError,
  runKernelOn,
  wasmDataIds,
  wasmReady,
} from "../_kernel_check.ts";

await wasmReady();

type Pad = Conv2DBackpropFilterAttrs["pad"];

/** A random valid conv configuration: x [b, h, w, ci], filter [fh, fw, ci, co], dy [b, oh, ow, co]. */
function randomCase(rng: Rng) {
  for (;;) {
    const b = 1 + rng.int(3), h = 1 + rng.int(7), w = 3 + rng.int(10);
    const ci = 1 + rng.int(5), co = 1 + rng.int(6);
    const fh = 1 + rng.int(Math.min(3, h)), fw = 1 + rng.int(4);
    const s: [number, number] = [1 + rng.int(2), 1 + rng.int(2)];
    const pads: Pad[] = ["valid", "same", [[0, 0], [rng.int(fh), rng.int(fh)], [
      rng.int(fw),
      rng.int(fw),
    ], [0, 0]]];
    const pad = pads[rng.int(pads.length)];
    const info = tf.backend_util.computeConv2DInfo([b, h, w, ci], [fh, fw, ci, co], s, 1, pad);
    if (info.outHeight < 1 || info.outWidth < 1) continue;
    return {
      xShape: [b, h, w, ci],
      dyShape: [b, info.outHeight, info.outWidth, co],
      attrs: { strides: s, pad, dataFormat: "NHWC", filterShape: [fh, fw, ci, co] },
    };
  }
}

Deno.test("Conv2DBackpropFilter (wasm) matches cpu within 1e-5 on 40 random shapes, strides and paddings", async () => {
  const rng = new Rng("conv2d-backprop-filter");
  let worst = 0;
  for (let i = 0; i < 40; i++) {
    const c = randomCase(rng);
    const x = randomTensor(rng, c.xShape), dy = randomTensor(rng, c.dyShape);
    const err = await checkKernelAgainstCpu(
      "Conv2DBackpropFilter",
      { x, dy },
      c.attrs,
      1e-5,
      JSON.stringify(c.attrs),
    );
    worst = Math.max(worst, err);
    x.dispose();
    dy.dispose();
  }
  assert.ok(worst < 1e-5);
});

Deno.test("Conv2DBackpropFilter (wasm) matches cpu on the 1-D layer shapes of the W encoder", async () => {
  const rng = new Rng("conv2d-backprop-filter-w");
  for (const [w, ci, co, k] of [[256, 1, 32, 7], [125, 32, 64, 5], [60, 64, 64, 3]]) {
    const ow = w - k + 1;
    const x = randomTensor(rng, [4, 1, w, ci]), dy = randomTensor(rng, [4, 1, ow, co]);
    await checkKernelAgainstCpu("Conv2DBackpropFilter", { x, dy }, {
      strides: 1,
      pad: "valid",
      dataFormat: "NHWC",
      filterShape: [1, k, ci, co],
    });
    x.dispose();
    dy.dispose();
  }
});

Deno.test("conv2dBackpropFilterWasm() gives the same result by matmul (in one or many chunks) and by convolution", async () => {
  const rng = new Rng("conv2d-backprop-filter-methods");
  const backend = tf.findBackend("wasm") as unknown as WasmBackendLike & {
    readSync(id: object): Float32Array;
  };
  // Random small cases, two with enough patch rows (fh·fw·ci ≥ 32) to work in chunks, and
  // one with fewer patch rows than output channels (the transposed product).
  const wide = [
    {
      xShape: [3, 3, 11, 1],
      dyShape: [3, 2, 5, 8],
      attrs: { strides: [1, 2], pad: "valid", dataFormat: "NHWC", filterShape: [2, 3, 1, 8] },
    },
    {
      xShape: [3, 2, 9, 16],
      dyShape: [3, 2, 7, 5],
      attrs: { strides: [1, 1], pad: "valid", dataFormat: "NHWC", filterShape: [1, 3, 16, 5] },
    },
    {
      xShape: [4, 5, 6, 8],
      dyShape: [4, 3, 3, 3],
      attrs: { strides: [2, 2], pad: "same", dataFormat: "NHWC", filterShape: [2, 2, 8, 3] },
    },
  ];
  for (let i = 0; i < 15; i++) {
    const c = i < 12 ? randomCase(rng) : wide[i - 12];
    const x = randomTensor(rng, c.xShape), dy = randomTensor(rng, c.dyShape);
    const expected = await runKernelOn("cpu", "Conv2DBackpropFilter", { x, dy }, c.attrs);
    await runKernelOn("wasm", "Conv2DBackpropFilter", { x, dy }, c.attrs); // moves x, dy to wasm
    const before = wasmDataIds();
    const variants = [["matmul", 4096], ["matmul", 5], ["conv", 4096]] as const;
    for (const [method, chunkColumns] of variants) {
      const xi = { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
      const dyi = { dataId: dy.dataId, shape: dy.shape, dtype: dy.dtype };
      const out = conv2dBackpropFilterWasm(
        xi,
        dyi,
        c.attrs as Conv2DBackpropFilterAttrs,
        backend,
        method,
        chunkColumns,
      );
      assert.deepEqual(out.shape, c.attrs.filterShape, method);
      const err = relativeError(backend.readSync(out.dataId), expected.values);
      assert.ok(
        err <= 1e-5,
        `${method}/${chunkColumns} ${JSON.stringify(c.attrs)}: relative error ${err}`,
      );
      backend.disposeData(out.dataId);
    }
    assert.equal(wasmDataIds(), before, "intermediates freed");
    x.dispose();
    dy.dispose();
  }
});

Deno.test("conv2dBackpropFilterWasm() by the 1-D kernel matches cpu on random 1-D shapes and paddings", async () => {
  const rng = new Rng("conv2d-backprop-filter-gemm1d");
  const backend = tf.findBackend("wasm") as unknown as WasmBackendLike & {
    readSync(id: object): Float32Array;
  };
  for (let i = 0; i < 25; i++) {
    const b = 1 + rng.int(5), w = 2 + rng.int(40), ci = 1 + rng.int(12);
    const fw = 1 + rng.int(Math.min(7, w)), co = 4 * (1 + rng.int(5));
    const pads: Pad[] = ["valid", "same", [[0, 0], [0, 0], [rng.int(fw + 1), rng.int(fw + 1)], [
      0,
      0,
    ]]];
    const pad = pads[i % 3];
    const info = tf.backend_util.computeConv2DInfo([b, 1, w, ci], [1, fw, ci, co], 1, 1, pad);
    if (info.outWidth < 1) continue;
    const attrs = { strides: 1, pad, dataFormat: "NHWC", filterShape: [1, fw, ci, co] } as const;
    const x = randomTensor(rng, [b, 1, w, ci]), dy = randomTensor(rng, [b, 1, info.outWidth, co]);
    const expected = await runKernelOn("cpu", "Conv2DBackpropFilter", { x, dy }, attrs);
    await runKernelOn("wasm", "Conv2DBackpropFilter", { x, dy }, attrs); // moves x, dy to wasm
    const before = wasmDataIds();
    const out = conv2dBackpropFilterWasm(
      { dataId: x.dataId, shape: x.shape, dtype: x.dtype },
      { dataId: dy.dataId, shape: dy.shape, dtype: dy.dtype },
      attrs as unknown as Conv2DBackpropFilterAttrs,
      backend,
      "gemm1d",
    );
    const err = relativeError(backend.readSync(out.dataId), expected.values);
    assert.ok(err <= 1e-5, `case ${i} ${JSON.stringify({ b, w, ci, fw, co, pad })}: ${err}`);
    backend.disposeData(out.dataId);
    assert.equal(wasmDataIds(), before, "intermediates freed");
    x.dispose();
    dy.dispose();
  }
});

Deno.test("conv2dBackpropFilterWasm() with method gemm1d throws on a 2-D convolution", () => {
  const backend = tf.findBackend("wasm") as unknown as WasmBackendLike;
  const x = tf.zeros([1, 3, 4, 1]), dy = tf.zeros([1, 2, 2, 4]);
  assert.throws(
    () =>
      conv2dBackpropFilterWasm(
        { dataId: x.dataId, shape: x.shape, dtype: x.dtype },
        { dataId: dy.dataId, shape: dy.shape, dtype: dy.dtype },
        { strides: 1, pad: "valid", dataFormat: "NHWC", filterShape: [2, 3, 1, 4] },
        backend,
        "gemm1d",
      ),
    /the 1-D kernel needs a 1-row input and filter/,
  );
  tf.dispose([x, dy]);
});

Deno.test("Conv2DBackpropFilter (wasm) rejects NCHW data with a clear error", () => {
  const x = tf.zeros([1, 1, 4, 4]), dy = tf.zeros([1, 1, 2, 2]);
  assert.throws(
    () =>
      tf.engine().runKernel("Conv2DBackpropFilter", { x, dy }, {
        strides: 1,
        pad: "valid",
        dataFormat: "NCHW",
        filterShape: [1, 3, 1, 1],
      }),
    /dataFormat must be 'NHWC', got 'NCHW'/,
  );
  tf.dispose([x, dy]);
});

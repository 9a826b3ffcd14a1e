import {
  conv1dKernels,
  conv1dKernelsModule,
  hasRelaxedSimd,
} from "../../../../lib/backend/kernels/simd/conv1d_kernels.ts";
import { TILE_SHAPES } from "../../../../lib/backend/kernels/simd/conv1d_filter_gemm.ts";
import { FORWARD_TILE_SHAPES } from "../../../../lib/backend/kernels/simd/conv1d_forward.ts";
import { assert } from "../../../_assert.ts";

Deno.test("conv1dKernels() instantiates once per memory with every forward and filter-gradient tile", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const a = conv1dKernels(memory)!, b = conv1dKernels(memory)!;
  assert.equal(a, b);
  assert.equal(a.fused, hasRelaxedSimd());
  assert.deepEqual(
    Object.keys(a.fns).sort(),
    [
      ...FORWARD_TILE_SHAPES.map(([mr, nv]) => `conv_${mr}x${nv}`),
      ...TILE_SHAPES.map(([mr, nv]) => `tile_${mr}x${nv}`),
    ].sort(),
  );
  const shared = new WebAssembly.Memory({ initial: 1, maximum: 16, shared: true });
  assert.notEqual(conv1dKernels(shared)!.module, a.module, "shared-memory module differs");
});

Deno.test("conv1dKernelsModule() without fused multiply-adds validates on any SIMD engine", () => {
  assert.ok(WebAssembly.validate(conv1dKernelsModule(false, false)));
  assert.ok(WebAssembly.validate(conv1dKernelsModule(true, false)));
});

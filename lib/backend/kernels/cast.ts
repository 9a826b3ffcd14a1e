/**
 * `Cast` for the tfjs `wasm` backend that shares the input's data when the dtype does not
 * change, as the `cpu` backend does, instead of copying it. The gradient of `relu` casts its
 * float32 mask to float32 (a full copy of every activation in every training step on wasm);
 * real conversions go to the backend's own kernel.
 *
 * @module
 */
import type { tf } from "../tf.ts";
import { identityShared } from "./identity.ts";
import { kernelInput } from "./wasm_kernel_calls.ts";

/** Kernel config for `Cast` on wasm; `original` (the backend's own) converts dtypes. */
export function makeCastKernel(original: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: "Cast",
    backendName: "wasm",
    kernelFunc: (args) => {
      const x = kernelInput("Cast", args.inputs, "x");
      const { dtype } = args.attrs as { dtype: tf.DataType };
      if (x.dtype !== dtype) return original(args);
      return identityShared(x, args.backend as unknown as { incRef(dataId: object): void });
    },
  };
}

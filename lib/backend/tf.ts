/**
 * The single tfjs instance the whole library uses. Everything in `lib/` imports `tf` from
 * here, so that kernels registered by the backend set-up apply everywhere.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

export { tf };

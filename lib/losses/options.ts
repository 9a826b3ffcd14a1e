/**
 * Defaults and options shared by the contrastive losses, in one place.
 *
 * @module
 */

/** Options accepted by every loss as its last argument. */
export interface LossOptions {
  /**
   * Reject NaN/Infinity in the inputs (and, for `contrastiveLoss`, `same` values other than
   * 0/1). Costs one read-back of a tiny tensor (one entry per checked input) per call, which
   * forces a GPU/wasm sync; switch off in tight training loops once the data are known to be
   * clean. Default `true`.
   */
  checkValues?: boolean;
}

/** Default hyper-parameters and options of the losses. */
export const LOSS_DEFAULTS = {
  /** Margin m of the contrastive and triplet losses. */
  margin: 1,
  /** Temperature τ of NT-Xent and SupCon. */
  temperature: 0.5,
  /** See {@linkcode LossOptions.checkValues}. */
  checkValues: true,
} as const;

const KNOWN_OPTIONS = new Set(["checkValues"]);

/** Fills in defaults and rejects unknown or mistyped options, naming the calling loss. */
export function resolveLossOptions(fn: string, options: LossOptions = {}): Required<LossOptions> {
  if (options === null || typeof options !== "object") {
    throw new Error(`${fn}: options must be an object, got ${String(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new Error(
        `${fn}: unknown option '${key}'; expected one of ${[...KNOWN_OPTIONS].join(", ")}`,
      );
    }
  }
  const checkValues = options.checkValues ?? LOSS_DEFAULTS.checkValues;
  if (typeof checkValues !== "boolean") {
    throw new Error(`${fn}: option checkValues must be a boolean, got ${String(checkValues)}`);
  }
  return { checkValues };
}

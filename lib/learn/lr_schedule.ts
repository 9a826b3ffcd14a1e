/**
 * Learning-rate schedules: constant, or cosine decay (Loshchilov & Hutter, "SGDR", ICLR 2017,
 * without restarts) after a linear warm-up, as in SimCLR.
 *
 * @module
 */

/** Schedules of {@linkcode learningRateAt}. */
export type LearningRateSchedule = "constant" | "cosine";

/** What {@linkcode learningRateAt} needs. */
export interface LearningRateScheduleConfig {
  /** Peak learning rate η. */
  learningRate: number;
  /** "constant" or "cosine". */
  schedule: LearningRateSchedule;
  /** Steps of linear warm-up from η/W to η (0 for none). */
  warmupSteps: number;
}

/**
 * The learning rate of step `step` (0-based) of `totalSteps`: with W = min(warmupSteps,
 * totalSteps) warm-up steps, ηₛ = η·(s+1)/W for s < W; afterwards η ("constant") or
 *
 *   ηₛ = η · ½·(1 + cos(π·(s − W)/(T − W)))     ("cosine"),
 *
 * which starts at η and reaches 0 one step after the last one.
 */
export function learningRateAt(
  step: number,
  totalSteps: number,
  config: LearningRateScheduleConfig,
): number {
  if (!(Number.isInteger(step) && Number.isInteger(totalSteps) && step >= 0 && step < totalSteps)) {
    throw new Error(
      `learningRateAt: step must be an integer in [0, totalSteps = ${totalSteps}), got ${step}`,
    );
  }
  const eta = config.learningRate;
  const warm = Math.min(config.warmupSteps, totalSteps);
  if (step < warm) return eta * (step + 1) / warm;
  if (config.schedule === "constant") return eta;
  return eta * 0.5 * (1 + Math.cos(Math.PI * (step - warm) / (totalSteps - warm)));
}

/**
 * Learning: the encoder and projection head, the sensor-simulating augmentation, samplers of
 * views, pairs, triplets and balanced batches, contrastive pretraining, embedding, and
 * checkpoints.
 *
 * ```ts
 * const result = await pretrain(windows, { loss: "ntxent", epochs: 20 });
 * const z = embed(result.encoder, windows); // [n, d]
 * await saveCheckpoint("out/ckpt", { ...result, config: result.config });
 * ```
 *
 * @module
 */
export {
  buildEncoder,
  buildProjectionHead,
  DEFAULT_ENCODER_CONFIG,
  DEFAULT_PROJECTION_HEAD_CONFIG,
  type EncoderActivation,
  type EncoderConfig,
  encoderForwardFlops,
  encoderSequenceLengths,
  type ProjectionHeadConfig,
  resolveEncoderConfig,
  resolveProjectionHeadConfig,
} from "./encoder.ts";
export {
  applySimulatedSensor,
  resolveSensorSimulationOptions,
  SENSOR_SIMULATION_DEFAULTS,
  sensorSimulation,
  type SensorSimulationOptions,
} from "./sensor_augment.ts";
export {
  drawPresetSensor,
  drawSpanSensor,
  type SensorSpan,
  sensorSpan,
  type SimulatedChannel,
  type SimulatedSensor,
} from "./simulated_sensor.ts";
export {
  AUGMENTATION_PRESETS,
  augmentationPreset,
  type AugmentationPresetContext,
  type AugmentationPresetName,
} from "./augmentation_presets.ts";
export { GROUP_KEYS, type GroupKey } from "./window_groups.ts";
export { viewPairBatches, type ViewPairBatchOptions } from "./view_pair_batches.ts";
export {
  type BalancedBatchOptions,
  experimentBalancedBatches,
  labelBalancedBatches,
} from "./balanced_batches.ts";
export { type SiamesePairOptions, type SiamesePairs, siamesePairs } from "./siamese_pairs.ts";
export { tripletBatches, type TripletIndices, type TripletOptions } from "./triplet_batches.ts";
export { gatherWindows } from "./gather_windows.ts";
export { learningRateAt, type LearningRateSchedule } from "./lr_schedule.ts";
export {
  PRETRAIN_DEFAULTS,
  PRETRAIN_LOSSES,
  type PretrainConfig,
  type PretrainLoss,
  type ResolvedPretrainConfig,
  resolvePretrainConfig,
} from "./pretrain_config.ts";
export { type LossObjective, lossObjective, type StepBatch } from "./loss_objective.ts";
export {
  pretrain,
  type PretrainEpoch,
  type PretrainHooks,
  type PretrainResult,
  type PretrainStep,
} from "./pretrain.ts";
export { embed, embeddingDim } from "./embed.ts";
export { denoFileHandler, MODEL_JSON_FILE, WEIGHTS_FILE } from "./deno_file_handler.ts";
export {
  CHECKPOINT_FILE,
  CHECKPOINT_FORMAT,
  CHECKPOINT_FORMAT_VERSION,
  type CheckpointContents,
  type CheckpointManifest,
  loadCheckpoint,
  type LoadedCheckpoint,
  saveCheckpoint,
} from "./checkpoint.ts";
export {
  type CachedPretrain,
  firstCheckpoint,
  hasCheckpoint,
  pretrainOrLoad,
  type PretrainRecord,
} from "./cached_pretrain.ts";
export { PRETRAIN_BUDGETS } from "./pretrain_budgets.ts";

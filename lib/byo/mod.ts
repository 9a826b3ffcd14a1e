/**
 * Bring your own recordings: a manifest (CSV or JSON) describing recordings with their own
 * column names, sampling rates, gaps and labels; validation of everything before any
 * training; the whole pipeline (`runPipeline`, `deno task pipeline`) and embedding new
 * recordings with a saved model (`embedRecordings`, `deno task embed`).
 *
 * ```ts
 * const result = await runPipeline({ manifest: "my-data/manifest.csv", out: "out/mine" });
 * await embedRecordings({ model: "out/mine/model", manifest: "new/manifest.csv", out: "new.csv" });
 * ```
 *
 * @module
 */
export {
  type EmbeddingFigureConfig,
  PIPELINE_DEFAULTS,
  pipelineAugmentation,
  type PipelineConfig,
  readPipelineConfig,
  resolvePipelineConfig,
} from "./config.ts";
export {
  CHANNEL_MAP_RULE,
  type ChannelMapping,
  channelMapProblem,
  formatChannelMap,
  parseChannelMap,
} from "./channel_map.ts";
export {
  BYO_MANIFEST_FIELDS,
  type ByoEntry,
  type ByoManifest,
  parseByoManifestCsv,
  parseByoManifestJson,
  readByoManifest,
} from "./manifest.ts";
export { EVENT_COLUMNS, eventLabels, type LabelEvent, parseEvents, readEvents } from "./events.ts";
export { type TimeSegment, type TimeSegments, timeSegments } from "./time_segments.ts";
export { type ByoRecording, parseByoRecording, readByoRecording } from "./read_recording.ts";
export { PipelineInputError } from "./input_error.ts";
export {
  loadPipelineInputs,
  MIN_WINDOW_SAMPLES,
  type PipelineInputs,
  type PipelineLoadOptions,
  type WindowPlan,
} from "./load_inputs.ts";
export {
  cutWindows,
  type CutWindowsOptions,
  type CutWindowsResult,
  windowLabelOf,
} from "./cut_windows.ts";
export { dataSummaryMarkdown, type ExperimentSummary, summarizeInputs } from "./data_summary.ts";
export { noiseStudyRecordings } from "./noise_recordings.ts";
export { type EvaluationPlan, evaluationPlan } from "./evaluation_plan.ts";
export {
  EMBEDDING_ID_COLUMNS,
  type EmbeddingRow,
  embeddingsCsv,
  parseEmbeddingsCsv,
} from "./embeddings_csv.ts";
export {
  type LoadedPipelineModel,
  loadPipelineModel,
  PIPELINE_CLASSIFIER_FOLDER,
  PIPELINE_MODEL_FORMAT,
  PIPELINE_MODEL_VERSION,
  type PipelineModelInfo,
  savePipelineModel,
} from "./pipeline_model.ts";
export { type StagedOutput, stageOutputDir, stageOutputFile } from "./staged_output.ts";
export { heldOutF1Figure, labelledEmbeddingFigure, pretrainLossFigure } from "./figures.ts";
export {
  PIPELINE_EMBEDDINGS_FILE,
  PIPELINE_MARKER,
  PIPELINE_MODEL_FOLDER,
  type PipelineResult,
  type PipelineRunOptions,
  runPipeline,
} from "./pipeline.ts";
export {
  embedRecordings,
  type EmbedRecordingsOptions,
  type EmbedRecordingsResult,
} from "./embed_recordings.ts";

/**
 * Data sets on disk (recording CSV files + manifest), their validation, resampling and
 * windowing.
 *
 * @module
 */
export { describeRecording, type Recording, type RecordingMeta } from "./recording.ts";
export { DataError, type DataErrorLocation } from "./data_error.ts";
export { formatFloat32, formatFloat64, parseDecimal } from "./number_text.ts";
export {
  firstTimeMismatch,
  TIME_TOLERANCE_SAMPLES,
  validateRecording,
  validateRecordingMeta,
} from "./validate_recording.ts";
export {
  CLEAN_SUFFIX,
  parseRecordingCsv,
  readRecording,
  recordingCsvColumns,
  recordingToCsv,
  writeRecording,
} from "./recording_csv.ts";
export {
  formatManifest,
  MANIFEST_COLUMNS,
  MANIFEST_FILE,
  type ManifestEntry,
  parseManifest,
  readManifest,
  recordingKey,
  writeManifest,
} from "./manifest.ts";
export { type DatasetExtras, defaultRecordingFile, readDataset, writeDataset } from "./dataset.ts";
export {
  resampledLength,
  RESAMPLER_DESIGN,
  resampleRecording,
  resampleSignals,
} from "./resample.ts";
export { meanStd, zscore, zscoreInPlace } from "./zscore.ts";
export {
  DEFAULT_WINDOW_OPTIONS,
  type LabelPolicy,
  resolveWindowOptions,
  type WindowNormalization,
  type WindowOptions,
  type WindowSource,
} from "./window_options.ts";
export {
  getWindow,
  getWindowChannel,
  selectWindows,
  takeWindows,
  type WindowMeta,
  type WindowSet,
} from "./window_set.ts";
export { makeWindows } from "./windows.ts";

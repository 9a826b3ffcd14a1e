/**
 * `deno task embed`: new recordings (described by a manifest) through a model saved by a
 * pipeline run — cut into windows exactly as the model's training windows were (channels,
 * rate, length, normalisation) — written as an embeddings CSV, with the fine-tuned
 * classifier's prediction for every window when the model has one.
 *
 * @module
 */
import { setupBackend } from "../backend/setup.ts";
import { classifyWindows } from "../finetune/window_classifier.ts";
import { embed } from "../learn/embed.ts";
import { progress, type ProgressOptions, type ProgressReporter } from "../progress/reporter.ts";
import { cutWindows } from "./cut_windows.ts";
import { embeddingsCsv } from "./embeddings_csv.ts";
import { loadPipelineInputs } from "./load_inputs.ts";
import { type LoadedPipelineModel, loadPipelineModel } from "./pipeline_model.ts";
import { stageOutputFile } from "./staged_output.ts";

/** Options of {@linkcode embedRecordings}. */
export interface EmbedRecordingsOptions {
  /** The model folder of a pipeline run (`<out>/model`). */
  model: string;
  /** The manifest of the recordings to embed (CSV or JSON). */
  manifest: string;
  /** The CSV file to write. */
  out: string;
  /** Receives one line per step (default console.log). */
  log?: (line: string) => void;
  /** Progress bar while reading: true (automatic), false, or options. */
  progress?: boolean | ProgressOptions;
}

/** What {@linkcode embedRecordings} wrote. */
export interface EmbedRecordingsResult {
  out: string;
  recordings: number;
  windows: number;
  embeddingDim: number;
  /** Whether a `predicted` column was written. */
  predicted: boolean;
}

/**
 * Embeds the recordings of `manifest` with the model in `model` and writes the CSV `out`
 * (see `embeddingsCsv`). Checks, before any work, that `out` is writable and the model is a
 * pipeline model of this version; then validates every recording (the model's channels and
 * label set; a {@linkcode PipelineInputError} lists every problem). Writes to a temporary
 * file beside `out`, renamed into place at the end.
 */
export async function embedRecordings(
  options: EmbedRecordingsOptions,
): Promise<EmbedRecordingsResult> {
  const log = options.log ?? console.log;
  const progressOption = options.progress ?? true;
  const staged = await stageOutputFile(options.out);
  let model: LoadedPipelineModel | null = null;
  try {
    await setupBackend({ quiet: true });
    model = await loadPipelineModel(options.model);
    const { info } = model;
    let reader: ProgressReporter | null = null;
    const inputs = await loadPipelineInputs(options.manifest, {
      labels: info.labels,
      gapFactor: info.gapFactor,
      channels: null,
      sampleRate: null,
      windowSeconds: info.plan.length / info.plan.sampleRate,
      strideSeconds: null,
      plan: info.plan,
      onFile: (done, total) => {
        if (progressOption !== false) {
          reader ??= progress(
            total,
            "read recordings",
            progressOption === true ? {} : progressOption,
          );
        }
        reader?.update(done);
      },
    }).finally(() => (reader as ProgressReporter | null)?.done());
    const { windows } = cutWindows(inputs.recordings, info.plan, {
      labelPolicy: info.labelPolicy,
      normalize: info.normalize,
    });
    const z = embed(model.encoder, windows);
    const predicted = model.classifier
      ? classifyWindows(model.classifier, windows).predictions
      : null;
    await Deno.writeTextFile(
      staged.temp,
      embeddingsCsv(
        windows,
        z,
        inputs.recordings.map((r) => r.entry.file),
        info.labels,
        predicted,
      ),
    );
    await staged.commit();
    const d = z.length / windows.n;
    log(
      `embedded ${windows.n} windows of ${inputs.recordings.length} recordings (${d} dimensions${
        predicted ? ", with predicted labels" : ""
      }) → ${options.out}`,
    );
    return {
      out: options.out,
      recordings: inputs.recordings.length,
      windows: windows.n,
      embeddingDim: d,
      predicted: predicted !== null,
    };
  } catch (e) {
    await staged.discard();
    throw e;
  } finally {
    if (model) {
      model.encoder.dispose();
      if (model.classifier) {
        model.classifier.encoder.dispose();
        model.classifier.head.dispose();
      }
    }
  }
}

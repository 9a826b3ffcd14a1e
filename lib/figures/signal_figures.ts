/**
 * Figures of notebook 02: the modes, their spectra, a drive, and one recording through two
 * sensors.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { Recording } from "../data/recording.ts";
import { MODES } from "../device/modes.ts";
import type { GeneratedRecording } from "../device/generate.ts";
import { signalPlot, type SignalTrace } from "../plot/signal_plot.ts";
import { spectrumPlot } from "../plot/spectrum_plot.ts";
import { timelinePlot } from "../plot/timeline_plot.ts";
import { combinePlots } from "../plot/combine.ts";
import { bandsFromLabels } from "../plot/bands.ts";
import { welchPsd } from "../stats/welch_psd.ts";
import { EEG_BANDS } from "../features/eeg_band_powers.ts";

/** Units of the device's channels. */
export const CHANNEL_UNITS: Readonly<Record<string, string>> = { eeg: "µV", ecg: "mV", gsr: "µS" };

function traces(
  rec: Recording,
  from: number,
  to: number,
  which: "signals" | "clean",
  series?: string,
) {
  const fs = rec.meta.sampleRate;
  const a = Math.max(0, Math.round(from * fs));
  const b = Math.min(rec.time.length, Math.round(to * fs));
  const arrays = which === "clean" ? rec.clean! : rec.signals;
  return rec.meta.channels.map((c, k): SignalTrace => ({
    channel: c,
    time: rec.time.subarray(a, b),
    values: arrays[k].subarray(a, b),
    series,
  }));
}

/**
 * The three signals in each mode side by side: one panel per mode (from `modeExamples`),
 * `seconds` long, channels in rows.
 */
export function modeExamplesFigure(examples: Recording[], seconds = 8): TopLevelSpec {
  return combinePlots(
    examples.map((r, k) =>
      signalPlot(traces(r, 0, seconds, "signals"), {
        title: MODES[k] ?? r.meta.session,
        width: 230,
        channelHeight: 90,
        units: CHANNEL_UNITS,
        downsample: "none",
      })
    ),
    { title: "The four modes: EEG, ECG and GSR of one driver", columns: 4 },
  );
}

/** EEG power spectra per mode (Welch), with the classic bands shaded. */
export function modeSpectraFigure(examples: Recording[]): TopLevelSpec {
  return spectrumPlot(
    examples.map((r, k) => {
      const psd = welchPsd(r.signals[0], r.meta.sampleRate, { segmentSeconds: 4 });
      return { name: MODES[k] ?? r.meta.session, freq: psd.freqs, power: psd.psd };
    }),
    {
      title: "EEG spectrum per mode: power moves from alpha/beta to theta/delta",
      yLabel: "PSD (µV²/Hz)",
      minFreq: 0.5,
      maxFreq: 35,
      seriesOrder: [...MODES],
      seriesTitle: "mode",
      bands: Object.entries(EEG_BANDS).map(([label, [start, end]]) => ({ start, end, label })),
    },
  );
}

/** A whole drive: the mode schedule on top, the three sensed signals below, modes shaded. */
export function driveFigure(gen: GeneratedRecording): TopLevelSpec {
  const rec = gen.recording;
  const schedule = timelinePlot(
    gen.truth.segments.map((s) => ({ start: s.start, end: s.end, state: s.mode })),
    {
      title: `Drive ${rec.meta.driver} ${rec.meta.session}: mode schedule`,
      stateOrder: [...MODES],
      stateTitle: "mode",
    },
  );
  const signals = signalPlot(traces(rec, 0, Infinity, "signals"), {
    title: `as recorded by ${rec.meta.sensor}`,
    units: CHANNEL_UNITS,
    bands: bandsFromLabels(rec.time, rec.modes!, MODES),
    bandOrder: [...MODES],
  });
  return combinePlots([schedule, signals], { columns: 1 });
}

/**
 * The same stretch of one drive through two sensors: the clean signal and each sensor's
 * recording, overlaid per channel.
 */
export function sensorComparisonFigure(
  a: Recording,
  b: Recording,
  from: number,
  seconds: number,
): TopLevelSpec {
  return signalPlot(
    [
      ...traces(a, from, from + seconds, "clean", "clean"),
      ...traces(a, from, from + seconds, "signals", a.meta.sensor),
      ...traces(b, from, from + seconds, "signals", b.meta.sensor),
    ],
    {
      title: `One drive, two sensors (${from}–${from + seconds} s)`,
      units: CHANNEL_UNITS,
      seriesOrder: ["clean", a.meta.sensor, b.meta.sensor],
      seriesTitle: "signal",
      downsample: "lttb",
    },
  );
}

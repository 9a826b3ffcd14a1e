/**
 * The results of the evaluation protocol: one row per run, and the summaries — mean ± sd over
 * seeds, the drop on the held-out sensor, and the identifiability of the sensor from each
 * representation — with a plain-text rendering.
 *
 * @module
 */
import { formatMeanSd, meanSd, type MeanSdStat } from "../eval/mean_sd.ts";
import type { IdentifiabilityResult } from "../eval/sensor_identifiability.ts";
import { PROTOCOL_METHODS, type ProtocolMethod } from "./protocol_options.ts";

/** One run: a method, a held-out experiment, a label fraction and a seed. */
export interface ProtocolRow {
  method: ProtocolMethod;
  /** The held-out (test) experiment. */
  heldOut: string;
  /** Its sensor. */
  sensor: string;
  /** Share of the training labels used. */
  fraction: number;
  seed: number;
  /** Labelled training windows used, and their drivers. */
  trainWindows: number;
  trainDrivers: number;
  /** Windows of the held-out experiment (all its labelled windows). */
  testWindows: number;
  /** Scores on the held-out experiment. */
  accuracy: number;
  macroF1: number;
  /** F1 of each mode on the held-out experiment (NaN: mode absent from truth and prediction). */
  perClassF1: number[];
  /** Confusion matrix on the held-out experiment (rows truth, columns prediction). */
  confusion: number[][];
  /**
   * Macro-F1 on the held-out experiment's validation drivers only — the windows the
   * in-experiment reference is scored on (null when the experiment has no validation driver).
   */
  heldOutValMacroF1: number | null;
  /** Scores on the validation drivers of the training experiments (in distribution). */
  inDistAccuracy: number;
  inDistMacroF1: number;
  /** Wall-clock seconds of the run (training and prediction). */
  seconds: number;
}

/**
 * An in-distribution reference: the method trained on every experiment's training drivers
 * (all labels), scored on one experiment's validation drivers — what the method reaches on
 * that sensor when it has seen it.
 */
export interface ReferenceRow {
  method: ProtocolMethod;
  seed: number;
  experiment: string;
  sensor: string;
  /** Validation windows of the experiment. */
  windows: number;
  accuracy: number;
  macroF1: number;
}

/** Mean ± sd over seeds of one method × held-out experiment × fraction. */
export interface ProtocolAggregate {
  method: ProtocolMethod;
  heldOut: string;
  sensor: string;
  fraction: number;
  accuracy: MeanSdStat;
  macroF1: MeanSdStat;
  inDistMacroF1: MeanSdStat;
}

/**
 * The drop of a method on a held-out experiment, at the largest label fraction, mean ± sd
 * over seeds:
 *
 * - `dropVsOther` = macro-F1 on the validation drivers of the training experiments (what the
 *   classifier scores in distribution) − macro-F1 on the held-out experiment;
 * - `dropVsInExperiment` = macro-F1 of the in-distribution reference on the held-out
 *   experiment's validation drivers (trained with that sensor) − macro-F1 of the
 *   leave-one-out classifier on the same windows (trained without it). This one separates
 *   "the sensor was never seen" from "this sensor's data is harder".
 */
export interface DropRow {
  method: ProtocolMethod;
  heldOut: string;
  sensor: string;
  fraction: number;
  heldOutMacroF1: MeanSdStat;
  inDistOtherMacroF1: MeanSdStat;
  dropVsOther: MeanSdStat;
  inExperimentMacroF1: MeanSdStat | null;
  heldOutSameDriversMacroF1: MeanSdStat | null;
  dropVsInExperiment: MeanSdStat | null;
}

/** The representations whose sensor content is measured. */
export type RepresentationName = "features" | "supervised" | "contrastive";

/** Sensor identifiability and silhouettes of one representation for one seed. */
export interface RepresentationRow {
  representation: RepresentationName;
  seed: number;
  identifiability: IdentifiabilityResult;
  /** Silhouette of the (standardised) representation by mode, labelled windows. */
  silhouetteMode: number;
  /** Silhouette by sensor, all windows. */
  silhouetteSensor: number;
}

/** Mean ± sd over seeds of a representation's rows. */
export interface RepresentationAggregate {
  representation: RepresentationName;
  identifiabilityAccuracy: MeanSdStat;
  identifiabilityBalancedAccuracy: MeanSdStat;
  chance: number;
  majority: number;
  silhouetteMode: MeanSdStat;
  silhouetteSensor: MeanSdStat;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    let list = out.get(k);
    if (!list) out.set(k, list = []);
    list.push(t);
  }
  return out;
}

const methodOrder = (m: ProtocolMethod) => PROTOCOL_METHODS.indexOf(m);

/** Mean ± sd over seeds per method × held-out × fraction, ordered by method, held-out, fraction. */
export function aggregateProtocolRows(rows: ProtocolRow[]): ProtocolAggregate[] {
  const groups = groupBy(rows, (r) => `${r.method}|${r.heldOut}|${r.fraction}`);
  const out: ProtocolAggregate[] = [];
  for (const g of groups.values()) {
    const r0 = g[0];
    out.push({
      method: r0.method,
      heldOut: r0.heldOut,
      sensor: r0.sensor,
      fraction: r0.fraction,
      accuracy: meanSd(g.map((r) => r.accuracy)),
      macroF1: meanSd(g.map((r) => r.macroF1)),
      inDistMacroF1: meanSd(g.map((r) => r.inDistMacroF1)),
    });
  }
  return out.sort((a, b) =>
    methodOrder(a.method) - methodOrder(b.method) || a.heldOut.localeCompare(b.heldOut) ||
    a.fraction - b.fraction
  );
}

/**
 * The drop of each method on each held-out experiment at the largest fraction present (see
 * {@linkcode DropRow}); reference rows give `dropVsInExperiment` when they exist for the same
 * method, experiment and seeds.
 */
export function dropTable(rows: ProtocolRow[], references: ReferenceRow[]): DropRow[] {
  if (rows.length === 0) return [];
  const top = Math.max(...rows.map((r) => r.fraction));
  const groups = groupBy(rows.filter((r) => r.fraction === top), (r) => `${r.method}|${r.heldOut}`);
  const out: DropRow[] = [];
  for (const g of groups.values()) {
    const r0 = g[0];
    const pairs = g.flatMap((r) => {
      const ref = references.find((x) =>
        x.method === r.method && x.experiment === r.heldOut && x.seed === r.seed
      );
      return ref && r.heldOutValMacroF1 !== null
        ? [{ ref: ref.macroF1, loo: r.heldOutValMacroF1 }]
        : [];
    });
    const complete = pairs.length === g.length;
    out.push({
      method: r0.method,
      heldOut: r0.heldOut,
      sensor: r0.sensor,
      fraction: top,
      heldOutMacroF1: meanSd(g.map((r) => r.macroF1)),
      inDistOtherMacroF1: meanSd(g.map((r) => r.inDistMacroF1)),
      dropVsOther: meanSd(g.map((r) => r.inDistMacroF1 - r.macroF1)),
      inExperimentMacroF1: complete ? meanSd(pairs.map((p) => p.ref)) : null,
      heldOutSameDriversMacroF1: complete ? meanSd(pairs.map((p) => p.loo)) : null,
      dropVsInExperiment: complete ? meanSd(pairs.map((p) => p.ref - p.loo)) : null,
    });
  }
  return out.sort((a, b) =>
    methodOrder(a.method) - methodOrder(b.method) || a.heldOut.localeCompare(b.heldOut)
  );
}

/** Mean ± sd over seeds of each representation's identifiability and silhouettes. */
export function aggregateRepresentations(rows: RepresentationRow[]): RepresentationAggregate[] {
  const order: RepresentationName[] = ["features", "supervised", "contrastive"];
  return [...groupBy(rows, (r) => r.representation).values()].map((g) => ({
    representation: g[0].representation,
    identifiabilityAccuracy: meanSd(g.map((r) => r.identifiability.accuracy)),
    identifiabilityBalancedAccuracy: meanSd(g.map((r) => r.identifiability.balancedAccuracy)),
    chance: g[0].identifiability.chance,
    majority: g[0].identifiability.majority,
    silhouetteMode: meanSd(g.map((r) => r.silhouetteMode)),
    silhouetteSensor: meanSd(g.map((r) => r.silhouetteSensor)),
  })).sort((a, b) => order.indexOf(a.representation) - order.indexOf(b.representation));
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((s, c) => s.padEnd(widths[c])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** The summaries of a protocol result as plain-text tables (for logs and reports). */
export function formatProtocolSummary(result: {
  aggregate: ProtocolAggregate[];
  drop: DropRow[];
  representationAggregate: RepresentationAggregate[];
}): string {
  const pct = (f: number) => `${+(f * 100).toFixed(2)} %`;
  const parts = [
    "Macro-F1 on the held-out experiment (mean ± sd over seeds)",
    table(
      ["method", "held out", "sensor", "labels", "macro-F1", "accuracy", "in-dist macro-F1"],
      result.aggregate.map((a) => [
        a.method,
        a.heldOut,
        a.sensor,
        pct(a.fraction),
        formatMeanSd(a.macroF1),
        formatMeanSd(a.accuracy),
        formatMeanSd(a.inDistMacroF1),
      ]),
    ),
    "",
    "Drop on the held-out sensor (largest label fraction)",
    table(
      [
        "method",
        "held out",
        "sensor",
        "held-out F1",
        "drop vs other sensors",
        "drop vs in-experiment",
      ],
      result.drop.map((d) => [
        d.method,
        d.heldOut,
        d.sensor,
        formatMeanSd(d.heldOutMacroF1),
        formatMeanSd(d.dropVsOther),
        d.dropVsInExperiment ? formatMeanSd(d.dropVsInExperiment) : "—",
      ]),
    ),
  ];
  if (result.representationAggregate.length) {
    const r0 = result.representationAggregate[0];
    parts.push(
      "",
      `Sensor identifiability (chance ${pct(r0.chance)}, majority ${
        pct(r0.majority)
      }) and silhouettes`,
      table(
        [
          "representation",
          "probe accuracy",
          "balanced accuracy",
          "silhouette mode",
          "silhouette sensor",
        ],
        result.representationAggregate.map((r) => [
          r.representation,
          formatMeanSd(r.identifiabilityAccuracy),
          formatMeanSd(r.identifiabilityBalancedAccuracy),
          formatMeanSd(r.silhouetteMode),
          formatMeanSd(r.silhouetteSensor),
        ]),
      ),
    );
  }
  return parts.join("\n");
}

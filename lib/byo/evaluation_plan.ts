/**
 * Whether the leave-one-experiment-out evaluation can run on a window set, and with which
 * held-out experiments and identifiability setting — decided before any training, so the
 * run either evaluates or says in its report why it did not.
 *
 * @module
 */
import { DataError } from "../data/data_error.ts";
import type { WindowSet } from "../data/window_set.ts";

/** The outcome of {@linkcode evaluationPlan}. */
export type EvaluationPlan =
  | {
    run: true;
    /**
     * Experiments the evaluation uses (their windows, labelled or not): those with labelled
     * windows from at least 2 subjects (one is kept aside for the in-distribution scores).
     */
    experiments: string[];
    /** Experiments held out in turn. */
    heldOut: string[];
    /** Whether the sensor-identifiability probe can run. */
    identifiability: boolean;
    /** What was left out and why (experiments, identifiability), or null. */
    note: string | null;
  }
  | { run: false; reason: string };

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function add<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, s = new Set());
  s.add(v);
}

/**
 * Decides the evaluation of `windows`. It uses the experiments whose labelled windows come
 * from at least 2 subjects (the others — e.g. unlabelled ones — served pretraining only) and
 * runs when `evaluate` is on, at least 2 experiments qualify, and no subject has labelled
 * windows in two of them. `heldOut` (the config's, or null for all) must name qualifying
 * experiments; otherwise this throws a {@linkcode DataError} naming the config field.
 * `identifiability` (the config's wish) is turned off, with a note, when a subject appears
 * in two of the experiments.
 */
export function evaluationPlan(
  windows: WindowSet,
  evaluate: boolean,
  heldOut: string[] | null,
  identifiability: boolean,
): EvaluationPlan {
  if (!evaluate) return { run: false, reason: "evaluate is false in the config" };
  const all = new Set<string>();
  const labelledSubjectsOf = new Map<string, Set<string>>();
  for (let i = 0; i < windows.n; i++) {
    all.add(windows.meta[i].experiment);
    if (windows.labels[i] >= 0) {
      add(labelledSubjectsOf, windows.meta[i].experiment, windows.meta[i].driver);
    }
  }
  const eligible = sorted(all).filter((e) => (labelledSubjectsOf.get(e)?.size ?? 0) >= 2);
  const left = sorted(all).filter((e) => !eligible.includes(e)).map((e) => {
    const k = labelledSubjectsOf.get(e)?.size ?? 0;
    return `${e} (${k === 0 ? "no labels" : "labels from 1 subject"})`;
  });
  if (heldOut !== null) {
    for (const e of heldOut) {
      if (!eligible.includes(e)) {
        throw new DataError(
          `Cannot use config: field evaluation.heldOut: expected experiments with labelled windows from at least 2 subjects (${
            eligible.join(", ") || "none"
          }), got '${e}'`,
          { column: "evaluation.heldOut" },
        );
      }
    }
  }
  if (eligible.length < 2) {
    return {
      run: false,
      reason:
        `leave-one-experiment-out needs at least 2 experiments with labelled windows from at least 2 subjects each; ${
          eligible.length === 0 ? "none has" : `only ${eligible[0]} has`
        } them${left.length ? ` (not: ${left.join(", ")})` : ""}`,
    };
  }
  const experimentsOfSubject = new Map<string, Set<string>>();
  const labelledExperimentsOfSubject = new Map<string, Set<string>>();
  for (let i = 0; i < windows.n; i++) {
    const { experiment: e, driver: s } = windows.meta[i];
    if (!eligible.includes(e)) continue;
    add(experimentsOfSubject, s, e);
    if (windows.labels[i] >= 0) add(labelledExperimentsOfSubject, s, e);
  }
  for (const [s, exps] of labelledExperimentsOfSubject) {
    if (exps.size > 1) {
      return {
        run: false,
        reason: `subject '${s}' has labelled windows in experiments ${
          sorted(exps).join(" and ")
        }; leave-one-experiment-out needs every subject in one experiment`,
      };
    }
  }
  const notes: string[] = [];
  if (left.length) notes.push(`left out of the evaluation (pretraining only): ${left.join(", ")}`);
  let probe = identifiability;
  if (identifiability) {
    const shared = [...experimentsOfSubject].find(([, exps]) => exps.size > 1);
    if (shared) {
      probe = false;
      notes.push(
        `sensor identifiability skipped: subject '${shared[0]}' appears in experiments ${
          sorted(shared[1]).join(" and ")
        }`,
      );
    }
  }
  return {
    run: true,
    experiments: eligible,
    heldOut: heldOut ?? eligible,
    identifiability: probe,
    note: notes.length ? notes.join("; ") : null,
  };
}

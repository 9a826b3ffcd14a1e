/**
 * The talk's conclusion in numbers, written from the results rather than in advance: for
 * each held-out sensor and label fraction, whether contrastive pretraining beat training
 * from scratch and the hand-crafted baseline — and saying so plainly when it did not.
 *
 * @module
 */
import type { ProtocolAggregate } from "../finetune/protocol_results.ts";

interface Stat {
  mean: number;
  sd: number | null;
}

/** A macro-F1 difference that is within this of zero is reported as "on par". */
export const ON_PAR = 0.02;

function best(rows: { method: string; macroF1: Stat }[], methods: string[]) {
  const sel = rows.filter((r) => methods.includes(r.method));
  return sel.length ? sel.reduce((a, b) => (b.macroF1.mean > a.macroF1.mean ? b : a)) : null;
}

function verdict(delta: number): string {
  if (delta > ON_PAR) return `better by ${delta.toFixed(2)}`;
  if (delta < -ON_PAR) {
    return `worse by ${(-delta).toFixed(2)} — contrastive pretraining does not help here`;
  }
  return "on par (within ±0.02)";
}

/**
 * One markdown bullet per held-out experiment × label fraction: the best contrastive method
 * (linear probe or fine-tune) against supervised-from-scratch and the hand-crafted features.
 */
export function findingsMarkdown(
  aggregate: readonly (Pick<ProtocolAggregate, "method" | "heldOut" | "sensor" | "fraction"> & {
    macroF1: Stat;
  })[],
): string {
  const groups = new Map<string, typeof aggregate[number][]>();
  for (const a of aggregate) {
    const k = `${a.heldOut}|${a.fraction}`;
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  const lines: string[] = [];
  for (const [k, rows] of [...groups.entries()].sort()) {
    const [heldOut, fraction] = k.split("|");
    const c = best(rows, ["linear-probe", "fine-tune"]);
    const s = rows.find((r) => r.method === "scratch");
    const f = rows.find((r) => r.method === "features-lr");
    if (!c) continue;
    const name = c.method === "fine-tune"
      ? "contrastive + fine-tune"
      : "contrastive + linear probe";
    const parts = [
      `**${heldOut} (${rows[0].sensor}), ${Number(fraction) * 100} % labels:** ${name} ${
        c.macroF1.mean.toFixed(2)
      }`,
    ];
    if (s) {
      parts.push(
        `vs. supervised from scratch ${s.macroF1.mean.toFixed(2)}: ${
          verdict(c.macroF1.mean - s.macroF1.mean)
        }`,
      );
    }
    if (f) {
      parts.push(
        `vs. hand-crafted features ${f.macroF1.mean.toFixed(2)}: ${
          verdict(c.macroF1.mean - f.macroF1.mean)
        }`,
      );
    }
    lines.push(`- ${parts.join("; ")}.`);
  }
  return lines.join("\n");
}

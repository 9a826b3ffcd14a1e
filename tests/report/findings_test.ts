import { assert } from "../_assert.ts";
import { findingsMarkdown } from "../../lib/report/findings.ts";

const stat = (mean: number) => ({ mean, sd: 0.01 });

Deno.test("findingsMarkdown() says when contrastive pretraining helps, ties or does not help", () => {
  const md = findingsMarkdown([
    { method: "scratch", heldOut: "e3", sensor: "C", fraction: 1, macroF1: stat(0.7) },
    { method: "features-lr", heldOut: "e3", sensor: "C", fraction: 1, macroF1: stat(0.79) },
    { method: "linear-probe", heldOut: "e3", sensor: "C", fraction: 1, macroF1: stat(0.78) },
    { method: "fine-tune", heldOut: "e3", sensor: "C", fraction: 1, macroF1: stat(0.8) },
    { method: "scratch", heldOut: "e3", sensor: "C", fraction: 0.01, macroF1: stat(0.5) },
    { method: "linear-probe", heldOut: "e3", sensor: "C", fraction: 0.01, macroF1: stat(0.4) },
  ]);
  const lines = md.split("\n");
  assert.equal(lines.length, 2);
  assert.equal(
    lines[0],
    "- **e3 (C), 1 % labels:** contrastive + linear probe 0.40; vs. supervised from scratch 0.50: worse by 0.10 — contrastive pretraining does not help here.",
  );
  assert.equal(
    lines[1],
    "- **e3 (C), 100 % labels:** contrastive + fine-tune 0.80; vs. supervised from scratch 0.70: better by 0.10; vs. hand-crafted features 0.79: on par (within ±0.02).",
  );
});

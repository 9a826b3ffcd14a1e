import { assert, assertThrowsWith } from "../_assert.ts";
import { reproConfig, runRepro } from "../../lib/repro/mod.ts";
import { dataStage } from "../../lib/repro/data_stage.ts";
import { noiseStage } from "../../lib/repro/noise_stage.ts";
import { evaluateStage } from "../../lib/repro/evaluate_stage.ts";

const stages = [dataStage, noiseStage];

Deno.test("runRepro() writes every artefact and the same metrics.json for the same seed", async () => {
  const a = await Deno.makeTempDir();
  const b = await Deno.makeTempDir();
  const quiet = () => {};
  const cfg = (out: string) => reproConfig({ out, quick: true, dataScale: 0.2, notebooks: false });
  await runRepro(cfg(a), quiet, stages);
  await runRepro(cfg(b), quiet, stages);
  for (
    const f of [
      "report.md",
      "report.html",
      "metrics.json",
      "run.json",
      "figures/noise-snr.svg",
      "data/manifest.csv",
    ]
  ) {
    assert.ok((await Deno.stat(`${a}/${f}`)).size > 0, f);
  }
  const ma = await Deno.readTextFile(`${a}/metrics.json`);
  assert.equal(ma, await Deno.readTextFile(`${b}/metrics.json`));
  const m = JSON.parse(ma);
  assert.equal(m.seed, 2020);
  assert.ok(m.versions.tfjs && m.versions.deno);
  assert.ok("gitCommit" in m);
  const noise = m.results.noise as { sensor: string; channel: string; snrDb: number }[];
  const eeg = (s: string) => noise.find((r) => r.sensor === s && r.channel === "eeg")!.snrDb;
  assert.ok(eeg("C-wearable") < eeg("A-reference") - 8, "the noisy sensor stands out");
  const html = await Deno.readTextFile(`${a}/report.html`);
  assert.ok(html.includes("<svg") && !html.includes("http://localhost"), "self-contained HTML");
  assert.ok(!/<script src=|<link [^>]*href="http/.test(html), "no external resources");
});

Deno.test("reproConfig() rejects unknown options and a bad scale", () => {
  // deno-lint-ignore no-explicit-any
  assertThrowsWith(() => reproConfig({ qiuck: true } as any), "Unknown repro option 'qiuck'");
  assertThrowsWith(() => reproConfig({ dataScale: 0 }), "dataScale must be in (0, 1]");
});

Deno.test("runRepro() --quick with the evaluation stage writes the results, checkpoint and figures", async () => {
  const out = await Deno.makeTempDir();
  const cfg = reproConfig({ out, quick: true, dataScale: 0.25, notebooks: false, seeds: [0] });
  await runRepro(cfg, () => {}, [dataStage, noiseStage, evaluateStage]);
  const m = JSON.parse(await Deno.readTextFile(`${out}/metrics.json`));
  const ev = m.results.evaluation;
  assert.deepEqual(ev.experiments, ["e1", "e2", "e3", "e4"]);
  const methods = new Set(ev.aggregate.map((a: { method: string }) => a.method));
  assert.deepEqual([...methods].sort(), ["features-lr", "fine-tune", "linear-probe", "scratch"]);
  const fractions = new Set(ev.aggregate.map((a: { fraction: number }) => a.fraction));
  assert.deepEqual([...fractions].sort(), [0.01, 0.1, 1]);
  for (const a of ev.aggregate) assert.ok(a.macroF1.mean >= 0 && a.macroF1.mean <= 1);
  assert.equal(ev.representations.length, 3);
  assert.ok(ev.drop.length > 0 && ev.rows.every((r: Record<string, unknown>) => !("seconds" in r)));
  for (const f of ["macro-f1", "confusion-heldout", "pretrain-loss", "embedding-contrastive"]) {
    assert.ok((await Deno.stat(`${out}/figures/${f}.svg`)).size > 1000, f);
  }
  assert.ok((await Deno.stat(`${out}/checkpoints/pretrain/checkpoint.json`)).isFile);
  assert.ok((await Deno.readTextFile(`${out}/report.md`)).includes("### The supervised drop"));
});

/**
 * `deno task data`: generates the Fantasy Device's experiments and writes them as CSV, one
 * file per recording, with `manifest.csv` and `generation.json` (resolved config, seed,
 * versions, git commit).
 *
 * @module
 */
import {
  deviceConfig,
  generateDataset,
  parseFlags,
  progress,
  provenance,
  runMain,
  writeDataset,
} from "@contrastive-sensors/lib";

const SPEC = {
  out: { type: "string", default: "data/surrogate", arg: "DIR", help: "Output folder" },
  seed: { type: "number", default: 2020, help: "Master seed (same seed → identical files)" },
  scale: {
    type: "number",
    default: 1,
    help: "Scale drivers and session length (0 < s ≤ 1; 0.25 for a quick set)",
  },
} as const;

await runMain(async () => {
  const flags = parseFlags(
    Deno.args,
    "deno task data",
    "Generates the surrogate experiments (Fantasy Device) as CSV recordings plus a manifest.",
    SPEC,
  );
  if (!flags) return;
  const cfg = deviceConfig({ seed: flags.seed }, { scale: flags.scale });
  const t0 = performance.now();
  const bar = progress(cfg.experiments.reduce((a, e) => a + e.drivers * e.sessions, 0), "generate");
  const generated = generateDataset(cfg, () => bar.tick());
  await bar.done();
  const recordings = generated.map((g) => g.recording);
  const files = {
    "generation.json": JSON.stringify(provenance(cfg.seed, cfg), null, 2) + "\n",
  };
  const entries = await writeDataset(flags.out!, recordings, { files });
  const samples = recordings.reduce((a, r) => a + r.time.length, 0);
  console.log(
    `wrote ${entries.length} recordings (${
      (samples / 1e6).toFixed(2)
    } M samples) to ${flags.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
});

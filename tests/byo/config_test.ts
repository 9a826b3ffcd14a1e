import {
  PIPELINE_DEFAULTS,
  pipelineAugmentation,
  readPipelineConfig,
  resolvePipelineConfig,
} from "../../lib/byo/config.ts";
import { MODES } from "../../lib/device/modes.ts";
import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";

Deno.test("resolvePipelineConfig() fills every default when given nothing", () => {
  const c = resolvePipelineConfig();
  assert.deepEqual(c, { ...PIPELINE_DEFAULTS });
  assert.deepEqual(c.labels, [...MODES]);
  assert.equal(c.windowSeconds, 2);
  assert.equal(c.sampleRate, null);
});

Deno.test("resolvePipelineConfig() merges nested options field by field over the defaults", () => {
  const c = resolvePipelineConfig({ pretrain: { epochs: 2 }, figure: { maxPoints: 50 } });
  assert.equal(c.pretrain.epochs, 2);
  assert.equal(c.pretrain.loss, "ntxent");
  assert.equal(c.pretrain.batchSize, 64);
  assert.deepEqual(c.figure, { projection: "umap", maxPoints: 50 });
  // The defaults themselves are untouched.
  assert.equal(PIPELINE_DEFAULTS.pretrain.epochs, 6);
});

Deno.test("resolvePipelineConfig() rejects an unknown field, naming it and the source", () => {
  assertThrowsWith(
    () => resolvePipelineConfig({ windowSecond: 2 }, "cfg.json"),
    "Cannot use config cfg.json: unknown field 'windowSecond'; expected one of seed, labels",
  );
  assertThrowsWith(
    () => resolvePipelineConfig({ figure: { colour: "red" } }, "cfg.json"),
    "field figure: unknown field 'colour'",
  );
});

Deno.test("resolvePipelineConfig() rejects bad values with the field and what was expected", () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ windowSeconds: -1 }, "field windowSeconds: expected a positive number of seconds, got -1"],
    [{ labels: ["a"] }, "field labels: expected 2 to 4 distinct label names"],
    [{ labels: ["a", "b", "c", "d", "e"] }, "field labels: expected 2 to 4"],
    [{ labels: ["a", "a"] }, "field labels"],
    [{ sampleRate: 0 }, "field sampleRate: expected null or a positive number of Hz, got 0"],
    [{ gapFactor: 1 }, "field gapFactor: expected a number of sample periods > 1.25, got 1"],
    [{ normalize: "batch" }, 'field normalize: expected "recording", "window" or "none"'],
    [{ evaluate: "yes" }, "field evaluate: expected true or false"],
    [{ pretrain: "fast" }, "field pretrain: expected an object"],
    [{ pretrain: { loss: "infonce" } }, "field pretrain: pretrain: config.loss must be one of"],
    [{ pretrain: { seed: 3 } }, "field pretrain: encoder and seed are set by the pipeline"],
    [{ encoder: { length: 99 } }, "field encoder: length, channels and seed come from the data"],
    [{ fineTune: { classes: 3 } }, "field fineTune: classes and seed are set by the pipeline"],
    [{ evaluation: { seeds: [] } }, "field evaluation: runProtocol: option seeds must be"],
    [
      { noise: { spikeThreshold: "high" } },
      'field noise: noise: option "spikeThreshold" must be a number',
    ],
  ];
  for (const [config, message] of cases) {
    assertThrowsWith(
      () => resolvePipelineConfig(config, "c.json"),
      "Cannot use config c.json",
      message,
    );
  }
});

Deno.test("readPipelineConfig() reads JSON and names the file in every error", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/ok.json`, '{"windowSeconds": 4, "labels": ["on", "off"]}');
  const c = await readPipelineConfig(`${dir}/ok.json`);
  assert.equal(c.windowSeconds, 4);
  assert.deepEqual(c.labels, ["on", "off"]);
  await Deno.writeTextFile(`${dir}/bad.json`, '{"windowSeconds": 4,}');
  await assertRejectsWith(
    () => readPipelineConfig(`${dir}/bad.json`),
    `Cannot read config ${dir}/bad.json: malformed JSON`,
  );
  await Deno.writeTextFile(`${dir}/empty.json`, "  \n");
  await assertRejectsWith(
    () => readPipelineConfig(`${dir}/empty.json`),
    "the file is empty; expected a JSON object",
  );
  await assertRejectsWith(
    () => readPipelineConfig(`${dir}/none.json`),
    `${dir}/none.json: the file does not exist`,
  );
  await Deno.writeTextFile(`${dir}/list.json`, "[1, 2]");
  await assertRejectsWith(
    () => readPipelineConfig(`${dir}/list.json`),
    "expected a JSON object, got [1,2]",
  );
});

Deno.test("pipelineAugmentation() simulates sensors only on eeg/ecg/gsr channels, unless configured", () => {
  assert.equal(pipelineAugmentation(undefined, ["eeg", "gsr"]), "sensor+time");
  assert.equal(pipelineAugmentation(undefined, ["eeg", "resp"]), "standard");
  assert.equal(pipelineAugmentation("time", ["eeg"]), "time");
  assertThrowsWith(
    () => pipelineAugmentation("mixup" as never, ["eeg"]),
    "unknown augmentation 'mixup'",
  );
});

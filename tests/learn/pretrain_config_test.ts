import {
  PRETRAIN_DEFAULTS,
  PRETRAIN_LOSSES,
  resolvePretrainConfig,
} from "../../lib/learn/pretrain_config.ts";
import { LOSS_DEFAULTS } from "../../lib/losses/options.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("resolvePretrainConfig() fills the defaults and decides labelled per loss", () => {
  const c = resolvePretrainConfig();
  assert.deepEqual({ ...c, labelled: null }, { ...PRETRAIN_DEFAULTS });
  assert.equal(c.labelled, false, "NT-Xent is self-supervised");
  assert.equal(c.temperature, LOSS_DEFAULTS.temperature);
  assert.equal(c.margin, LOSS_DEFAULTS.margin);
  for (const loss of PRETRAIN_LOSSES.filter((l) => l !== "ntxent")) {
    assert.equal(resolvePretrainConfig({ loss }).labelled, true, loss);
    assert.equal(resolvePretrainConfig({ loss, labelled: false }).labelled, false, loss);
  }
  const given = resolvePretrainConfig({ epochs: 3, encoder: { filters: [4] }, head: null });
  assert.equal(given.epochs, 3);
  assert.deepEqual(given.encoder, { filters: [4] });
  assert.equal(given.head, null);
});

Deno.test("resolvePretrainConfig() copies nested objects: the caller's config is not shared", () => {
  const encoder = { filters: [4] };
  const c = resolvePretrainConfig({ encoder });
  c.encoder.filters!.push(8);
  assert.deepEqual(encoder.filters, [4]);
  resolvePretrainConfig().sensorSimulation.strength = 3;
  assert.deepEqual(PRETRAIN_DEFAULTS.sensorSimulation, {});
});

Deno.test("resolvePretrainConfig() names each bad field", () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ epoch: 3 }, "unknown config field 'epoch'"],
    [{ loss: "infonce" }, 'config.loss must be one of "ntxent"'],
    [{ epochs: 0 }, "config.epochs must be an integer ≥ 1, got 0"],
    [{ batchSize: 1 }, "config.batchSize must be an integer ≥ 2, got 1"],
    [{ batchSize: 2.5 }, "config.batchSize must be an integer ≥ 1"],
    [{ stepsPerEpoch: 0 }, "config.stepsPerEpoch"],
    [{ optimizer: "rmsprop" }, 'config.optimizer must be one of "adam", "sgd"'],
    [{ learningRate: 0 }, "config.learningRate must be a number > 0"],
    [{ learningRate: NaN }, "config.learningRate must be a number > 0"],
    [{ schedule: "step" }, "config.schedule"],
    [{ warmupSteps: -1 }, "config.warmupSteps must be an integer ≥ 0"],
    [{ temperature: 0 }, "config.temperature"],
    [{ margin: -1 }, "config.margin must be a number ≥ 0"],
    [{ normalizeEmbeddings: 1 }, "config.normalizeEmbeddings must be a boolean"],
    [{ augmentation: "all" }, 'config.augmentation must be one of "none"'],
    [{ sensorSimulation: null }, "config.sensorSimulation must be an object"],
    [{ encoder: [] }, "config.encoder must be an object"],
    [{ head: "mlp" }, "config.head must be an object"],
    [{ labelled: "yes" }, "config.labelled must be true, false or null"],
    [{ group: "driver" }, "config.group"],
    [{ backend: "webgpu" }, "config.backend"],
    [{ seed: 1.5 }, "config.seed must be an integer"],
    [{ loss: "ntxent", labelled: true }, 'loss "ntxent" uses no labels'],
  ];
  for (const [config, fragment] of cases) {
    assertThrowsWith(() => resolvePretrainConfig(config as never), "pretrain: ", fragment);
  }
  assertThrowsWith(() => resolvePretrainConfig(null as never), "config must be an object");
});

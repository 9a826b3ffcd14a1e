import {
  PROTOCOL_DEFAULTS,
  PROTOCOL_METHODS,
  PROTOCOL_QUICK,
  resolveProtocolOptions,
} from "../../lib/finetune/protocol_options.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("resolveProtocolOptions() gives the defaults: 3 seeds, 3 fractions, 4 methods, all experiments", () => {
  const o = resolveProtocolOptions();
  assert.deepEqual(o.seeds, [0, 1, 2]);
  assert.deepEqual(o.fractions, [0.01, 0.1, 1]);
  assert.deepEqual(o.methods, [...PROTOCOL_METHODS]);
  assert.equal(o.heldOut, null);
  assert.equal(o.pretrain.augmentation, "sensor+time");
  assert.equal(o.pretrain.loss, "ntxent");
  assert.equal(o.preset, "default");
});

Deno.test("resolveProtocolOptions() layers the quick preset and merges nested options field by field", () => {
  const o = resolveProtocolOptions({ preset: "quick", scratch: { maxSteps: 7 }, seeds: [4] });
  assert.deepEqual(o.seeds, [4]);
  assert.equal(o.subsample, PROTOCOL_QUICK.subsample);
  assert.equal(o.scratch.maxSteps, 7);
  assert.equal(o.scratch.minSteps, PROTOCOL_QUICK.scratch!.minSteps);
  assert.equal(o.pretrain.augmentation, PROTOCOL_DEFAULTS.pretrain.augmentation);
  assert.equal(o.pretrain.epochs, PROTOCOL_QUICK.pretrain!.epochs);
  // the defaults object is not modified
  assert.deepEqual(PROTOCOL_DEFAULTS.seeds, [0, 1, 2]);
});

Deno.test("resolveProtocolOptions() names the bad option", () => {
  assertThrowsWith(
    () => resolveProtocolOptions({ epochs: 3 } as never),
    "runProtocol: unknown option 'epochs'",
  );
  assertThrowsWith(
    () => resolveProtocolOptions({ seeds: [] }),
    "option seeds must be a non-empty list",
  );
  assertThrowsWith(() => resolveProtocolOptions({ seeds: [1, 1] }), "option seeds must be");
  assertThrowsWith(() => resolveProtocolOptions({ fractions: [0] }), "option fractions must be");
  assertThrowsWith(
    () => resolveProtocolOptions({ methods: ["svm" as never] }),
    "option methods must be",
  );
  assertThrowsWith(
    () => resolveProtocolOptions({ subsample: 0 }),
    "option subsample must be a number in (0, 1]",
  );
  assertThrowsWith(
    () => resolveProtocolOptions({ validationFraction: 1 }),
    "option validationFraction",
  );
  assertThrowsWith(
    () => resolveProtocolOptions({ pretrain: { seed: 3 } }),
    "option pretrain.seed must be left out",
  );
  assertThrowsWith(
    () => resolveProtocolOptions({ pretrain: { encoder: {} } }),
    "option pretrain.encoder",
  );
  assertThrowsWith(
    () => resolveProtocolOptions({ preset: "fast" as never }),
    'option preset must be "default" or "quick"',
  );
  assertThrowsWith(
    () => resolveProtocolOptions({ features: [1, 2] as never }),
    "option features must be null or a Float32Array",
  );
});

import { AUGMENTATION_PRESETS, augmentationPreset } from "../../lib/learn/augmentation_presets.ts";
import { Rng } from "../../lib/random/rng.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

const CONTEXT = { channels: ["eeg", "ecg", "gsr"], sampleRate: 128 };

function window(length: number): Float32Array {
  const w = new Float32Array(length * 3);
  for (let i = 0; i < w.length; i++) w[i] = Math.sin(i / 5) + (i % 3);
  return w;
}

Deno.test("augmentationPreset() returns null for none and a seeded pipeline for the others", () => {
  assert.equal(augmentationPreset("none", CONTEXT), null);
  const w = window(128);
  for (const name of AUGMENTATION_PRESETS.filter((n) => n !== "none")) {
    const aug = augmentationPreset(name, CONTEXT)!;
    const a = aug(w, 128, 3, new Rng(1));
    assert.equal(a.length, w.length, name);
    assert.ok(a.every(Number.isFinite), name);
    assert.deepEqual(aug(w, 128, 3, new Rng(1)), a, `${name}: same seed`);
    assert.notDeepEqual(a, w, `${name}: changes the window`);
  }
});

Deno.test("augmentationPreset() passes sensor options through and checks the channels", () => {
  const w = window(64);
  const zero = augmentationPreset("sensor", { ...CONTEXT, sensorSimulation: { strength: 0 } })!;
  assert.deepEqual(zero(w, 64, 3, new Rng(2)), w, "strength 0 is the identity");
  assertThrowsWith(
    () => augmentationPreset("sensor", { channels: ["eeg", "emg"], sampleRate: 128 }),
    "has no channel 'emg'",
  );
  // The channels and rate always come from the context, overriding sensor options.
  const overridden = augmentationPreset("sensor", {
    ...CONTEXT,
    sensorSimulation: { channels: ["eeg"], sampleRate: 1 },
  })!;
  assert.equal(overridden(w, 64, 3, new Rng(1)).length, w.length);
});

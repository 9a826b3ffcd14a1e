import { detectSpikes, spikeRate } from "../../lib/stats/spike_rate.ts";
import { assert, assertClose, assertThrowsWith } from "../_assert.ts";
import { add, sine, white } from "./_signals.ts";

const fs = 128, n = fs * 60;
const spikeAt = Array.from({ length: 12 }, (_, k) => 300 + k * 630 + (k % 3) * 17);

function spiky(seed: string): Float32Array {
  const x = white(n, 1, seed);
  spikeAt.forEach((i, k) => {
    x[i] += k % 2 ? 15 : -15;
    x[i + 1] += k % 2 ? 8 : -8; // a two-sample spike is one event
  });
  return x;
}

Deno.test("detectSpikes() finds exactly the injected spikes in white noise", () => {
  assert.deepEqual(Array.from(detectSpikes(spiky("spike-a"), fs)), spikeAt);
  assertClose(spikeRate(spiky("spike-a"), fs), 12); // 12 events in one minute
});

Deno.test("detectSpikes() is not fooled by a large slow baseline", () => {
  const x = add(spiky("spike-b"), sine(n, fs, 0.05, 20));
  assert.deepEqual(Array.from(detectSpikes(x, fs)), spikeAt);
});

Deno.test("spikeRate() of Gaussian noise is 0 at z > 6", () => {
  assert.equal(spikeRate(white(n * 4, 3, "spike-none"), fs), 0);
});

Deno.test("spikeRate() of a constant signal is 0", () => {
  assert.equal(spikeRate(new Float32Array(1000).fill(2), fs), 0);
});

Deno.test("detectSpikes() rejects a non-positive threshold", () => {
  assertThrowsWith(
    () => detectSpikes(white(100, 1, "s"), fs, { threshold: 0 }),
    "threshold",
    "> 0",
  );
});

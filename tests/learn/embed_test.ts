import { embed, embeddingDim } from "../../lib/learn/embed.ts";
import { buildEncoder, buildProjectionHead } from "../../lib/learn/encoder.ts";
import { tf } from "../../lib/backend/tf.ts";
import { assert, assertAllClose, assertThrowsWith } from "../_assert.ts";
import { SMALL_MODEL, syntheticWindows } from "./_windows.ts";

const WS = syntheticWindows({ perCell: 5 }); // 20 windows of 64 × 2

Deno.test("embed() returns [n, d] rows equal to the encoder's output, whatever the batch size", () => {
  const encoder = buildEncoder({ ...SMALL_MODEL.encoder, length: 64, channels: 2 });
  try {
    assert.equal(embeddingDim(encoder), 16);
    const z = embed(encoder, WS, 7); // batches of 7, 7 and 6
    assert.equal(z.length, 20 * 16);
    const want = tf.tidy(() =>
      (encoder.predict(tf.tensor3d(WS.x, [20, 64, 2])) as tf.Tensor).dataSync()
    );
    assertAllClose(z, want, { atol: 1e-5, rtol: 1e-5 });
    assertAllClose(embed(encoder, WS, 1), z, { atol: 1e-5, rtol: 1e-5 }, "batch size 1");
  } finally {
    encoder.dispose();
  }
});

Deno.test("embed() leaves no tensors behind", () => {
  const encoder = buildEncoder({ ...SMALL_MODEL.encoder, length: 64, channels: 2 });
  const before = tf.memory().numTensors;
  embed(encoder, WS, 3);
  assert.equal(tf.memory().numTensors, before);
  encoder.dispose();
});

Deno.test("embed() rejects a mismatched encoder or batch size", () => {
  const encoder = buildEncoder({ ...SMALL_MODEL.encoder, length: 32, channels: 2 });
  const head = buildProjectionHead({ inputDim: 16 });
  try {
    assertThrowsWith(
      () => embed(encoder, WS),
      "embed: the encoder takes windows [32, 2], the window set has [64, 2]",
    );
    assertThrowsWith(() => embed(encoder, WS, 0), "batchSize must be an integer ≥ 1");
    assertThrowsWith(() => embed(head, WS), "the encoder takes windows [16]");
  } finally {
    encoder.dispose();
    head.dispose();
  }
});

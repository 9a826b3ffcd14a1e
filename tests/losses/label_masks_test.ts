import { tf } from "../../lib/backend/tf.ts";
import { labelMasks } from "../../lib/losses/label_masks.ts";
import { assert } from "../_assert.ts";

Deno.test("labelMasks() marks same-label others as positive and other labels as negative", () => {
  const labels = tf.tensor1d([3, 3, 7]);
  const m = labelMasks(labels);
  assert.deepEqual(m.positive.arraySync(), [[0, 1, 0], [1, 0, 0], [0, 0, 0]]);
  assert.deepEqual(m.negative.arraySync(), [[0, 0, 1], [0, 0, 1], [1, 1, 0]]);
  assert.deepEqual(m.self.arraySync(), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  tf.dispose([labels, m.positive, m.negative, m.self]);
});

import { assert } from "../_assert.ts";
import { lossToyFigure, TOY_LOSSES, toyGradient } from "../../lib/figures/loss_toy.ts";
import { renderSvg } from "../../lib/plot/render.ts";
import { tf } from "../../lib/backend/tf.ts";

Deno.test("toyGradient() pulls same-mode points across sensors together and pushes modes apart", async () => {
  await tf.ready();
  const before = tf.memory().numTensors;
  for (const { name, loss } of TOY_LOSSES) {
    const { value, step } = toyGradient(loss);
    assert.ok(value > 0, `${name}: loss ${value}`);
    // Point 0 is mode A on sensor s1 (left); point 2 is mode A on s2 (right).
    assert.ok(step[0][0] > 0 && step[2][0] < 0, `${name}: A points move towards each other`);
    // Point 1 is mode B on s1, below point 0: A moves up (away from B), B moves down.
    assert.ok(step[0][1] > 0 && step[1][1] < 0, `${name}: A and B move apart`);
  }
  assert.equal(tf.memory().numTensors, before, "no tensor leak");
});

Deno.test("lossToyFigure() renders one panel per loss", async () => {
  await tf.ready();
  const svg = await renderSvg(lossToyFigure());
  for (const { name } of TOY_LOSSES) assert.ok(svg.includes(name.split(" (")[0]), name);
});

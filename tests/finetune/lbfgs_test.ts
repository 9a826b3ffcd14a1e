import { minimizeLbfgs } from "../../lib/finetune/lbfgs.ts";
import { assert, assertAllClose, assertThrowsWith } from "../_assert.ts";

Deno.test("minimizeLbfgs() finds the minimum of the Rosenbrock function at (1, 1)", () => {
  const rosenbrock = (x: Float64Array, g: Float64Array) => {
    const [a, b] = x;
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
  };
  const r = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { gradientTolerance: 1e-8 });
  assert.ok(r.converged);
  assertAllClose(r.x, [1, 1], { atol: 1e-5 });
  assert.ok(r.value < 1e-10);
});

Deno.test("minimizeLbfgs() solves a quadratic exactly and leaves x0 untouched", () => {
  // f = ½ Σ cᵢ (xᵢ − i)², minimum at xᵢ = i
  const c = [1, 10, 100];
  const f = (x: Float64Array, g: Float64Array) => {
    let v = 0;
    for (let i = 0; i < 3; i++) {
      g[i] = c[i] * (x[i] - i);
      v += 0.5 * c[i] * (x[i] - i) ** 2;
    }
    return v;
  };
  const x0 = new Float64Array(3);
  const r = minimizeLbfgs(f, x0);
  assertAllClose(r.x, [0, 1, 2], { atol: 1e-6 });
  assert.deepEqual([...x0], [0, 0, 0]);
  assert.ok(r.iterations < 20);
});

Deno.test("minimizeLbfgs() stops at maxIterations and rejects a non-finite start", () => {
  const f = (x: Float64Array, g: Float64Array) => {
    g[0] = 2 * x[0];
    return x[0] * x[0];
  };
  const r = minimizeLbfgs(f, Float64Array.from([5]), { maxIterations: 0 });
  assert.equal(r.iterations, 0);
  assert.equal(r.converged, false);
  assertThrowsWith(
    () => minimizeLbfgs(() => NaN, Float64Array.from([0])),
    "not finite at the starting point",
  );
  assertThrowsWith(
    () => minimizeLbfgs(f, Float64Array.from([0]), { history: 0 }),
    "history must be",
  );
});

/**
 * Test assertions: Node's strict `assert` (Deno ships it as `node:assert`; `jsr:@std/assert`
 * is unreachable here) plus numeric closeness helpers.
 *
 * @module
 */
import { strict as assert } from "node:assert";

export { assert };

/** Asserts |actual − expected| ≤ atol + rtol·|expected|, with a message naming both. */
export function assertClose(
  actual: number,
  expected: number,
  tol: { atol?: number; rtol?: number } = {},
  msg = "",
): void {
  const atol = tol.atol ?? 1e-6;
  const rtol = tol.rtol ?? 0;
  const err = Math.abs(actual - expected);
  if (!(err <= atol + rtol * Math.abs(expected))) {
    throw new assert.AssertionError({
      message: `${msg ? msg + ": " : ""}expected ${expected} ± ${
        atol + rtol * Math.abs(expected)
      }, got ${actual} (|diff| ${err})`,
      actual,
      expected,
    });
  }
}

/** Element-wise {@linkcode assertClose} over two equal-length arrays. */
export function assertAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: { atol?: number; rtol?: number } = {},
  msg = "",
): void {
  assert.equal(actual.length, expected.length, `${msg} length`);
  for (let i = 0; i < actual.length; i++) {
    assertClose(actual[i], expected[i], tol, `${msg}[${i}]`);
  }
}

/** Asserts that `fn` throws an Error whose message contains every given fragment. */
export function assertThrowsWith(fn: () => unknown, ...fragments: string[]): Error {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  if (!(caught instanceof Error)) {
    throw new assert.AssertionError({ message: `expected an Error containing ${fragments}` });
  }
  for (const f of fragments) {
    if (!caught.message.includes(f)) {
      throw new assert.AssertionError({
        message: `error message "${caught.message}" lacks "${f}"`,
      });
    }
  }
  return caught;
}

/** Async form of {@linkcode assertThrowsWith}. */
export async function assertRejectsWith(
  fn: () => Promise<unknown>,
  ...fragments: string[]
): Promise<Error> {
  let caught: unknown;
  try {
    await fn();
  } catch (e) {
    caught = e;
  }
  if (!(caught instanceof Error)) {
    throw new assert.AssertionError({ message: `expected a rejection containing ${fragments}` });
  }
  for (const f of fragments) {
    if (!caught.message.includes(f)) {
      throw new assert.AssertionError({
        message: `error message "${caught.message}" lacks "${f}"`,
      });
    }
  }
  return caught;
}

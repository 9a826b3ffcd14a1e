import { PipelineInputError } from "../../lib/byo/input_error.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

Deno.test("PipelineInputError() is one line for one problem and one line per problem for more", () => {
  const one = new PipelineInputError([
    "Cannot read a.csv: line 2, column x: expected a number, got 'y'",
  ]);
  assert.equal(one.message, "Cannot read a.csv: line 2, column x: expected a number, got 'y'");
  const two = new PipelineInputError(["first", "second\nwrapped"]);
  assert.equal(two.message, "2 problems in the input, one per line:\nfirst\nsecond wrapped");
  assert.deepEqual(two.problems, ["first", "second wrapped"]);
  assertThrowsWith(() => new PipelineInputError([]), "expected at least one problem");
});

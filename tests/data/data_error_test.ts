import { assert } from "../_assert.ts";
import { DataError, dataErrorAt, quoteValue } from "../../lib/data/data_error.ts";

Deno.test("dataErrorAt() builds the standard one-line message with its location", () => {
  const e = dataErrorAt(
    "Cannot read recording",
    "data/e2/s1.csv",
    14,
    "gsr",
    "expected a number, got 'x'",
  );
  assert.ok(e instanceof DataError);
  assert.ok(e instanceof Error);
  assert.equal(e.name, "DataError");
  assert.equal(
    e.message,
    "Cannot read recording data/e2/s1.csv: line 14, column gsr: expected a number, got 'x'",
  );
  assert.deepEqual([e.file, e.line, e.column], ["data/e2/s1.csv", 14, "gsr"]);
  assert.equal(
    dataErrorAt("Cannot read manifest", "m.csv", 3, undefined, "bad").message,
    "Cannot read manifest m.csv: line 3: bad",
  );
  assert.equal(
    dataErrorAt("Cannot read", "f", undefined, undefined, "empty").message,
    "Cannot read f: empty",
  );
});

Deno.test("DataError() folds line breaks so the message stays on one line", () => {
  assert.equal(new DataError("a\n  b\r\nc").message, "a b c");
});

Deno.test("quoteValue() quotes and shortens long values", () => {
  assert.equal(quoteValue("x"), "'x'");
  assert.equal(quoteValue("y".repeat(100)), `'${"y".repeat(37)}...'`);
});

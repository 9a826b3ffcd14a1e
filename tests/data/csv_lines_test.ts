import { assert, assertThrowsWith } from "../_assert.ts";
import { parseCsvLines } from "../../lib/data/csv_lines.ts";

Deno.test("parseCsvLines() gives each row its 1-based line, skipping blank lines", () => {
  const { header, rows } = parseCsvLines(
    'a, b\n1,2\n\n\n3 ,"4,5"\n6\n',
    "f.csv",
    "Cannot read",
    "a,b",
  );
  assert.deepEqual(header, ["a", "b"]);
  assert.deepEqual(rows.map((r) => [r.record, r.info.lines]), [
    [["1", "2"], 2],
    [["3", "4,5"], 5],
    [["6"], 6],
  ]);
});

Deno.test("parseCsvLines() reports empty text and broken quoting with the file name", () => {
  assertThrowsWith(
    () => parseCsvLines("\n  \n", "f.csv", "Cannot read thing", "a,b"),
    "Cannot read thing f.csv: the file is empty; expected a header line 'a,b'",
  );
  assertThrowsWith(
    () => parseCsvLines('a,b\n1,"2\n', "f.csv", "Cannot read thing", "a,b"),
    "Cannot read thing f.csv: line 2: malformed CSV: Quote Not Closed",
  );
});

import { assert, assertThrowsWith } from "../_assert.ts";
import { formatTable } from "../../lib/plot/table.ts";

const rows = [
  { method: "nt-xent", acc: 0.912345, n: 120 },
  { method: "triplet", acc: 0.8, n: 12 },
];

Deno.test("formatTable() renders aligned Markdown with right-aligned numeric columns", () => {
  assert.equal(
    formatTable(rows).markdown,
    [
      "| method  |    acc |   n |",
      "| ------- | -----: | --: |",
      "| nt-xent | 0.9123 | 120 |",
      "| triplet |    0.8 |  12 |",
    ].join("\n"),
  );
});

Deno.test("formatTable() renders plain text and escaped HTML with a caption", () => {
  const t = formatTable([{ name: "<b>", x: 1e-7 }], { caption: "A & B", digits: 2 });
  assert.equal(t.text, "A & B\nname       x\n----  ------\n<b>   1.0e-7");
  assert.ok(t.html.includes("<caption>A &amp; B</caption>"));
  assert.ok(t.html.includes("<td>&lt;b&gt;</td>"));
  assert.ok(t.markdown.startsWith("**A & B**\n\n| name |"));
});

Deno.test("formatTable() follows the given column order and blanks missing cells", () => {
  const t = formatTable([{ a: 1, b: "x" }, { a: 2 }], { columns: ["b", "a"] });
  assert.equal(t.text, "b  a\n-  -\nx  1\n   2");
});

Deno.test("formatTable() rejects non-object rows and unknown options", () => {
  assertThrowsWith(() => formatTable([1 as never]), "formatTable: rows[0] must be an object");
  assertThrowsWith(
    () => formatTable(rows, { precision: 3 } as never),
    "unknown option 'precision'",
  );
});

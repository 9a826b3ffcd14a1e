import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";
import {
  checkNotebookJson,
  listNotebooks,
  notebookCellSource,
  readNotebook,
  writeNotebook,
} from "../../lib/present/notebook_file.ts";
import { md, notebook } from "./_fixtures.ts";

Deno.test("checkNotebookJson() names the file and what is wrong", () => {
  assertThrowsWith(
    () => checkNotebookJson([], "a.ipynb"),
    "Cannot read notebook a.ipynb",
    "object",
  );
  assertThrowsWith(() => checkNotebookJson({}, "a.ipynb"), "expected a 'cells' array");
  assertThrowsWith(
    () => checkNotebookJson({ cells: [{ source: "x" }] }, "a.ipynb"),
    "cell 1 has no cell_type",
  );
  assertThrowsWith(
    () => checkNotebookJson({ cells: [md("a", "slide"), { cell_type: "code" }] }, "a.ipynb"),
    "cell 2 has no source",
  );
});

Deno.test("writeNotebook() then readNotebook() round-trips exactly", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const nb = notebook([md("# Title\n\ntext", "slide"), md("notes", "notes")]);
    await writeNotebook(`${dir}/01_a.ipynb`, nb);
    assert.deepEqual(await readNotebook(`${dir}/01_a.ipynb`), nb);
    await Deno.writeTextFile(`${dir}/bad.ipynb`, "{ not json");
    await assertRejectsWith(
      () => readNotebook(`${dir}/bad.ipynb`),
      `Cannot read notebook ${dir}/bad.ipynb: not JSON`,
    );
    await assertRejectsWith(() => readNotebook(`${dir}/none.ipynb`), "none.ipynb");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("listNotebooks() lists NN_*.ipynb sorted, filtered by prefix", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (const n of ["03_c.ipynb", "01_a.ipynb", "02_b.ipynb", "notes.ipynb", "01_a.py"]) {
      await Deno.writeTextFile(`${dir}/${n}`, "{}");
    }
    assert.deepEqual(listNotebooks(dir), ["01_a.ipynb", "02_b.ipynb", "03_c.ipynb"]);
    assert.deepEqual(listNotebooks(dir, ["03", "01"]), ["01_a.ipynb", "03_c.ipynb"]);
    assertThrowsWith(
      () => listNotebooks(dir, ["09"]),
      "No notebooks NN_*.ipynb",
      "starting with 09",
    );
    assertThrowsWith(() => listNotebooks(`${dir}/missing`), "Cannot list notebooks in");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("notebookCellSource() joins an array of lines", () => {
  assert.equal(notebookCellSource({ source: ["a\n", "b"] }), "a\nb");
  assert.equal(notebookCellSource({ source: "a\nb" }), "a\nb");
});

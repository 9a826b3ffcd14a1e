import { stageOutputDir, stageOutputFile } from "../../lib/byo/staged_output.ts";
import { assert, assertRejectsWith } from "../_assert.ts";
import { entries, exists } from "./_fixture.ts";

Deno.test("stageOutputDir() writes beside the destination and moves it into place on commit", async () => {
  const root = await Deno.makeTempDir();
  const out = `${root}/deep/run`;
  const staged = await stageOutputDir(out, "metrics.json");
  assert.ok(staged.temp.startsWith(`${root}/deep/.run.partial-`), staged.temp);
  assert.ok(!(await exists(out)));
  await Deno.writeTextFile(`${staged.temp}/metrics.json`, "{}");
  await staged.commit();
  assert.deepEqual(await entries(`${root}/deep`), ["run"]);
  assert.deepEqual(await entries(out), ["metrics.json"]);
  // A second run replaces the earlier output (it holds the marker) and leaves nothing else.
  const again = await stageOutputDir(out, "metrics.json");
  await Deno.writeTextFile(`${again.temp}/metrics.json`, '{"run":2}');
  await again.commit();
  assert.deepEqual(await entries(`${root}/deep`), ["run"]);
  assert.equal(await Deno.readTextFile(`${out}/metrics.json`), '{"run":2}');
});

Deno.test("stageOutputDir() discards everything on failure", async () => {
  const root = await Deno.makeTempDir();
  const staged = await stageOutputDir(`${root}/run`, "metrics.json");
  await Deno.writeTextFile(`${staged.temp}/half.txt`, "partial");
  await staged.discard();
  assert.deepEqual(await entries(root), []);
});

Deno.test("stageOutputDir() refuses unwritable or foreign destinations before any work", async () => {
  const root = await Deno.makeTempDir();
  await Deno.writeTextFile(`${root}/file.txt`, "x");
  await assertRejectsWith(
    () => stageOutputDir(`${root}/file.txt/run`, "metrics.json"),
    `Cannot write output folder ${root}/file.txt/run:`,
  );
  await assertRejectsWith(
    () => stageOutputDir(`${root}/file.txt`, "metrics.json"),
    `Cannot write output folder ${root}/file.txt: it exists and is a file; expected a folder path`,
  );
  await Deno.mkdir(`${root}/photos`);
  await Deno.writeTextFile(`${root}/photos/cat.jpg`, "meow");
  await assertRejectsWith(
    () => stageOutputDir(`${root}/photos`, "metrics.json"),
    `Cannot write output folder ${root}/photos: it exists, is not empty and holds no metrics.json (not an earlier output); choose another --out or remove it`,
  );
  assert.deepEqual(await entries(root), ["file.txt", "photos"]);
});

Deno.test("stageOutputFile() replaces the file on commit and refuses a folder", async () => {
  const root = await Deno.makeTempDir();
  await Deno.writeTextFile(`${root}/e.csv`, "old");
  const staged = await stageOutputFile(`${root}/e.csv`);
  await Deno.writeTextFile(staged.temp, "new");
  assert.equal(await Deno.readTextFile(`${root}/e.csv`), "old");
  await staged.commit();
  assert.equal(await Deno.readTextFile(`${root}/e.csv`), "new");
  assert.deepEqual(await entries(root), ["e.csv"]);
  const dropped = await stageOutputFile(`${root}/f.csv`);
  await dropped.discard();
  assert.deepEqual(await entries(root), ["e.csv"]);
  await assertRejectsWith(
    () => stageOutputFile(root),
    `Cannot write output file ${root}: it is a folder; expected a file path`,
  );
  await assertRejectsWith(
    () => stageOutputFile(`${root}/e.csv/x.csv`),
    `Cannot write output file ${root}/e.csv/x.csv:`,
  );
});

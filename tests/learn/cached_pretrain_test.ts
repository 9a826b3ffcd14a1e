import { assert } from "../_assert.ts";
import { hasCheckpoint, pretrainOrLoad } from "../../lib/learn/cached_pretrain.ts";
import { embed } from "../../lib/learn/embed.ts";
import { SMALL_MODEL, syntheticWindows } from "./_windows.ts";

const WS = syntheticWindows({ perCell: 8, experiments: ["e1", "e2"] });
const CONFIG = { ...SMALL_MODEL, batchSize: 16, epochs: 2 };
const QUIET = { progress: false } as const;

Deno.test("pretrainOrLoad() trains and saves, then loads the same encoder when reusing", async () => {
  const dir = `${await Deno.makeTempDir()}/ck`;
  const first = await pretrainOrLoad(WS, CONFIG, { dir, reuse: true }, QUIET);
  assert.equal(first.source, "trained");
  assert.ok(first.description.startsWith("Trained now:"));
  assert.ok(await hasCheckpoint(dir));
  const second = await pretrainOrLoad(WS, CONFIG, { dir, reuse: true }, QUIET);
  assert.equal(second.source, "checkpoint");
  assert.ok(second.description.includes("not trained now"), second.description);
  assert.equal(second.record.history.length, 2);
  assert.deepEqual(embed(second.encoder, WS), embed(first.encoder, WS));
  const third = await pretrainOrLoad(WS, CONFIG, { dir, reuse: false }, QUIET);
  assert.equal(third.source, "trained", "reuse: false always trains");
  for (const r of [first, second, third]) {
    r.encoder.dispose();
    r.head?.dispose();
  }
});

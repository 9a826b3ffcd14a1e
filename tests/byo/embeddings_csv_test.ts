import { embeddingsCsv, parseEmbeddingsCsv } from "../../lib/byo/embeddings_csv.ts";
import type { WindowSet } from "../../lib/data/window_set.ts";
import { assert, assertThrowsWith } from "../_assert.ts";

function windows(n: number): WindowSet {
  return {
    x: new Float32Array(n * 4),
    n,
    length: 4,
    channels: ["eeg"],
    sampleRate: 2,
    labels: Int8Array.from({ length: n }, (_, i) => (i % 3 === 2 ? -1 : i % 2)),
    meta: Array.from({ length: n }, (_, i) => ({
      recording: i % 2,
      experiment: `e${i % 2}`,
      sensor: "s",
      driver: `p${i}`,
      session: "1",
      start: i * 0.1,
      startSample: i,
    })),
  };
}

Deno.test("embeddingsCsv() writes one row per window that parseEmbeddingsCsv() reads back exactly", () => {
  const ws = windows(5);
  const z = Float32Array.from(
    { length: 15 },
    (_, i) => Math.fround(Math.sin(i) * 10 ** (i % 7 - 3)),
  );
  const text = embeddingsCsv(
    ws,
    z,
    ["a.csv", "dir/b,c.csv"],
    ["awake", "drowsy"],
    Int32Array.from([1, 0, 1, 1, 0]),
  );
  const lines = text.trimEnd().split("\n");
  assert.equal(lines[0], "file,experiment,sensor,subject,session,start_s,label,e0,e1,e2,predicted");
  assert.equal(lines.length, 6);
  assert.ok(lines[2].startsWith('"dir/b,c.csv",e1,s,p1,1,0.1,drowsy,'), lines[2]);
  const back = parseEmbeddingsCsv(text, "x.csv");
  assert.equal(back.d, 3);
  assert.deepEqual(Array.from(back.z), Array.from(z)); // bit-exact
  assert.deepEqual(back.rows.map((r) => [r.file, r.label, r.predicted, r.start]), [
    ["a.csv", "awake", "drowsy", 0],
    ["dir/b,c.csv", "drowsy", "awake", 0.1],
    ["a.csv", null, "drowsy", 0.2],
    ["dir/b,c.csv", "drowsy", "drowsy", 0.3],
    ["a.csv", "awake", "awake", 0.4],
  ]);
});

Deno.test("embeddingsCsv() without predictions has no predicted column; bad shapes throw", () => {
  const ws = windows(2);
  const text = embeddingsCsv(ws, new Float32Array(4), ["a", "b"], ["x", "y"]);
  assert.ok(text.startsWith("file,experiment,sensor,subject,session,start_s,label,e0,e1\n"));
  assert.equal(parseEmbeddingsCsv(text).rows[0].predicted, null);
  assertThrowsWith(
    () => embeddingsCsv(ws, new Float32Array(3), ["a", "b"], ["x"]),
    "expected [2, d] embeddings, got 3 values",
  );
  assertThrowsWith(
    () => embeddingsCsv(ws, new Float32Array(4), ["a"], ["x"]),
    "no file for recording 1",
  );
  assertThrowsWith(
    () =>
      parseEmbeddingsCsv(
        "file,experiment,sensor,subject,session,start_s,label,e0\na,e,s,p,1,0,,zz\n",
        "x.csv",
      ),
    "Cannot read embeddings x.csv: line 2, column e0: expected a number, got 'zz'",
  );
});

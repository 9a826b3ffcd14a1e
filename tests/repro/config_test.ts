import { assert, assertThrowsWith } from "../_assert.ts";
import { artefactDir, notebookDataScale, reproConfig } from "../../lib/repro/config.ts";

function withEnv(vars: Record<string, string | undefined>, fn: () => void) {
  const old = Object.fromEntries(Object.keys(vars).map((k) => [k, Deno.env.get(k)]));
  try {
    for (const [k, v] of Object.entries(vars)) {
      v === undefined ? Deno.env.delete(k) : Deno.env.set(k, v);
    }
    fn();
  } finally {
    for (const [k, v] of Object.entries(old)) {
      v === undefined ? Deno.env.delete(k) : Deno.env.set(k, v);
    }
  }
}

Deno.test("notebookDataScale() reads CS_DATA_SCALE and rejects bad values", () => {
  withEnv({ CS_DATA_SCALE: undefined }, () => assert.equal(notebookDataScale(), 1));
  withEnv({ CS_DATA_SCALE: "0.6" }, () => assert.equal(notebookDataScale(), 0.6));
  withEnv({ CS_DATA_SCALE: "2" }, () => {
    assertThrowsWith(
      () => notebookDataScale(),
      "CS_DATA_SCALE must be a number in (0, 1], got '2'",
    );
  });
});

Deno.test("artefactDir() is $CS_OUT when set, else out/ of the repository", () => {
  withEnv({ CS_OUT: "/tmp/x" }, () => assert.equal(artefactDir(), "/tmp/x"));
  withEnv({ CS_OUT: undefined }, () => assert.equal(artefactDir(), "out"));
});

Deno.test("reproConfig() quick preset shrinks the data, overrides win", () => {
  assert.equal(reproConfig({ quick: true }).dataScale, 0.6);
  assert.equal(reproConfig({ quick: true, dataScale: 0.3 }).dataScale, 0.3);
  assert.equal(reproConfig().dataScale, 1);
});

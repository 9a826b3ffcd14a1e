import { assert, assertThrowsWith } from "../_assert.ts";
import {
  DEFAULT_PRESENT_CONFIG,
  presentEnv,
  resolvePresentConfig,
} from "../../lib/present/present_config.ts";

Deno.test("resolvePresentConfig() returns the defaults when given nothing", () => {
  const c = resolvePresentConfig();
  assert.deepEqual(c, { ...DEFAULT_PRESENT_CONFIG, only: [] });
  assert.equal(c.budgetSeconds, 90);
  assert.equal(c.outDir, "out/slides");
});

Deno.test("resolvePresentConfig() merges options over the defaults", () => {
  const c = resolvePresentConfig({ only: ["01", "03"], budgetSeconds: 60, theme: "black" });
  assert.deepEqual(c.only, ["01", "03"]);
  assert.equal(c.budgetSeconds, 60);
  assert.equal(c.theme, "black");
  assert.equal(c.maxCodeLines, DEFAULT_PRESENT_CONFIG.maxCodeLines);
});

Deno.test("resolvePresentConfig() rejects unknown options, wrong types and bad values", () => {
  assertThrowsWith(
    () => resolvePresentConfig({ budget: 3 } as never),
    "present config",
    "unknown option 'budget'",
  );
  assertThrowsWith(
    () => resolvePresentConfig({ budgetSeconds: "90" } as never),
    "budgetSeconds must be a number",
  );
  assertThrowsWith(
    () => resolvePresentConfig({ cellTimeout: 0 }),
    "cellTimeout must be a positive number, got 0",
  );
  assertThrowsWith(() => resolvePresentConfig({ only: [""] }), "only must list non-empty");
});

Deno.test("resolvePresentConfig() rejects themes that load web fonts", () => {
  assertThrowsWith(
    () => resolvePresentConfig({ theme: "simple" }),
    "theme must be one of white",
    "got 'simple'",
  );
});

Deno.test("presentEnv() asks notebook 04 for its cached checkpoint only when reusing", () => {
  assert.deepEqual(presentEnv({ reuseCheckpoint: true }), { CS_REUSE_CHECKPOINT: "1" });
  assert.deepEqual(presentEnv({ reuseCheckpoint: false }), {});
});

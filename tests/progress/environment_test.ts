import { assert, assertThrowsWith } from "../_assert.ts";
import { detectProgressMode, PROGRESS_ENV_VAR } from "../../lib/progress/environment.ts";

function withEnv(value: string | undefined, fn: () => void): void {
  const before = Deno.env.get(PROGRESS_ENV_VAR);
  if (value === undefined) Deno.env.delete(PROGRESS_ENV_VAR);
  else Deno.env.set(PROGRESS_ENV_VAR, value);
  try {
    fn();
  } finally {
    if (before === undefined) Deno.env.delete(PROGRESS_ENV_VAR);
    else Deno.env.set(PROGRESS_ENV_VAR, before);
  }
}

Deno.test("detectProgressMode() picks tty or lines from stderr outside a kernel", () => {
  withEnv(undefined, () => {
    assert.equal(detectProgressMode(), Deno.stderr.isTerminal() ? "tty" : "lines");
  });
});

Deno.test("detectProgressMode() obeys CS_PROGRESS and rejects unknown modes", () => {
  withEnv("silent", () => assert.equal(detectProgressMode(), "silent"));
  withEnv("jupyter", () => assert.equal(detectProgressMode(), "jupyter"));
  withEnv(
    "fancy",
    () => assertThrowsWith(() => detectProgressMode(), "CS_PROGRESS=fancy is not a progress mode"),
  );
});

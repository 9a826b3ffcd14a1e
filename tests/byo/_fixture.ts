/**
 * Helpers of the bring-your-own-recordings tests: the hand-made fixture folder, temporary
 * copies of it with one file changed, the tiny-budget config, and running the scripts.
 */
import { join } from "node:path";
import { cp } from "node:fs/promises";

/** The fixture folder (tests/fixtures/byo). */
export const FIXTURE = new URL("../fixtures/byo/", import.meta.url).pathname;

/** The tiny-budget config of the fixture (labels awake/drowsy, 1-s windows, small encoder). */
export const FIXTURE_CONFIG = JSON.parse(await Deno.readTextFile(join(FIXTURE, "config.json")));

/** A temporary copy of the fixture folder; `changes` replace (or add) files by relative path. */
export async function fixtureCopy(changes: Record<string, string> = {}): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "byo-fixture-" });
  await cp(FIXTURE, dir, { recursive: true });
  for (const [file, text] of Object.entries(changes)) {
    await Deno.mkdir(join(dir, file, ".."), { recursive: true });
    await Deno.writeTextFile(join(dir, file), text);
  }
  return dir;
}

/** Lines of a fixture file. */
export async function fixtureLines(file: string): Promise<string[]> {
  return (await Deno.readTextFile(join(FIXTURE, file))).trimEnd().split("\n");
}

/** A folder's entries (names), sorted. */
export async function entries(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) out.push(e.name);
  return out.sort();
}

/** Whether a path exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs a script of scripts/ as a subprocess without progress output. */
export async function runScript(
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `scripts/${script}`, ...args],
    stdout: "piped",
    stderr: "piped",
    env: { CS_PROGRESS: "silent", NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** The `error: …` lines of a script's stderr (Node deprecation warnings dropped). */
export function errorLines(stderr: string): string[] {
  return stderr.trim().split("\n").filter((l) =>
    l !== "" && !l.includes("DeprecationWarning") && !l.includes("--trace-deprecation")
  );
}

/**
 * Command-line flags for the project's scripts: a typed spec with defaults and help text in
 * one place, parsed strictly by Node's `util.parseArgs` (unknown flags are errors).
 *
 * @module
 */
import { parseArgs } from "node:util";

/** One flag: its type, default and one-line help. */
export interface FlagSpec {
  type: "string" | "boolean" | "number";
  default?: string | boolean | number;
  help: string;
  /** Placeholder shown in --help, e.g. "DIR". */
  arg?: string;
  short?: string;
}

/** A script's flags by long name. */
export type FlagsSpec = Record<string, FlagSpec>;

/** The parsed values of a {@linkcode FlagsSpec}. */
export type Flags<S extends FlagsSpec> = {
  [K in keyof S]: S[K]["type"] extends "boolean" ? boolean
    : S[K]["type"] extends "number" ? number
    : string | undefined;
};

/** An error in the command line; scripts print its message alone and exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Renders the help text of a script. */
export function helpText(command: string, summary: string, spec: FlagsSpec): string {
  const rows = Object.entries(spec).map(([name, f]) => {
    const flag = `${f.short ? `-${f.short}, ` : ""}--${name}${
      f.type === "boolean" ? "" : ` ${f.arg ?? f.type.toUpperCase()}`
    }`;
    const def = f.default === undefined || f.type === "boolean" ? "" : ` (default: ${f.default})`;
    return `  ${flag.padEnd(28)} ${f.help}${def}`;
  });
  return [
    `Usage: ${command} [options]`,
    "",
    summary,
    "",
    "Options:",
    ...rows,
    "  -h, --help".padEnd(30) + " Show this help",
  ].join("\n");
}

/**
 * Parses `argv` against `spec`. Returns `null` when `--help` was given (after printing the
 * help); throws {@linkcode UsageError} on an unknown flag, a missing value or a bad number.
 */
export function parseFlags<S extends FlagsSpec>(
  argv: string[],
  command: string,
  summary: string,
  spec: S,
): Flags<S> | null {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [name, f] of Object.entries(spec)) {
    options[name] = { type: f.type === "boolean" ? "boolean" : "string" };
    if (f.short) options[name].short = f.short;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message} (see --help)`);
  }
  if (values.help) {
    console.log(helpText(command, summary, spec));
    return null;
  }
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(spec)) {
    const v = values[name];
    if (f.type === "number") {
      const raw = v === undefined ? f.default : Number(v);
      if (typeof raw !== "number" || !Number.isFinite(raw)) {
        throw new UsageError(`${command}: --${name} expects a number, got '${v}'`);
      }
      out[name] = raw;
    } else if (f.type === "boolean") {
      out[name] = v ?? f.default ?? false;
    } else {
      out[name] = v ?? f.default;
    }
  }
  return out as Flags<S>;
}

/**
 * Runs a script's main function: prints an error's message alone (no stack) and exits
 * non-zero, 2 for usage errors and 1 otherwise.
 */
export async function runMain(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    const err = e as Error;
    console.error(`error: ${err.message}`);
    if (Deno.env.get("DEBUG")) console.error(err.stack);
    Deno.exit(err instanceof UsageError ? 2 : 1);
  }
}

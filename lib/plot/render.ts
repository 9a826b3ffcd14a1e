/**
 * Headless rendering of Vega-Lite specs: compile with vega-lite, render to an SVG string
 * with vega's "none" renderer (no canvas or browser needed; text widths are estimated),
 * and write figures to disk.
 *
 * vega is loaded lazily on first render, with Node deprecation warnings muted during the
 * import (vega's loader pulls in node-fetch → `punycode`, whose DEP0040 warning would
 * otherwise print into the first notebook cell that renders).
 *
 * @module
 */
import process from "node:process";
import type { TopLevelSpec } from "vega-lite";
import { compile } from "vega-lite";

type Vega = typeof import("vega");
type VegaLiteLogger = NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;
let vegaModule: Promise<Vega> | null = null;

/** Loads vega once, muting Node deprecation warnings during the import only. */
function loadVega(): Promise<Vega> {
  if (vegaModule === null) {
    const proc = process as unknown as { noDeprecation?: boolean };
    const previous = proc.noDeprecation;
    proc.noDeprecation = true;
    vegaModule = import("vega").finally(() => {
      proc.noDeprecation = previous;
    });
  }
  return vegaModule;
}

/** A compiled spec: the Vega spec plus the warnings vega-lite raised while compiling. */
export interface CompiledPlot {
  /** The Vega (not Vega-Lite) spec. */
  vega: object;
  /** Warning messages from the vega-lite compiler (empty for a clean spec). */
  warnings: string[];
}

/**
 * Compiles (a copy of) a Vega-Lite spec to Vega, collecting compiler warnings; throws on an
 * invalid spec. The given spec is never modified.
 */
export function compilePlot(spec: TopLevelSpec): CompiledPlot {
  const warnings: string[] = [];
  const logger = {
    level(): number {
      return 2;
    },
    error(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(" "));
      return logger;
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(" "));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  try {
    // vega tags inline data rows with a symbol id while rendering; compiling a clone keeps
    // the caller's spec untouched.
    const out = compile(structuredClone(spec), { logger: logger as unknown as VegaLiteLogger });
    return { vega: out.spec, warnings };
  } catch (e) {
    throw new Error(`compilePlot: invalid Vega-Lite spec: ${(e as Error).message}`);
  }
}

/** Renders a Vega-Lite spec to a standalone SVG string (headless). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vega = await loadVega();
  const { vega: vgSpec } = compilePlot(spec);
  const view = new vega.View(vega.parse(vgSpec as Parameters<Vega["parse"]>[0]), {
    renderer: "none",
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Options of {@linkcode writeFigure}. */
export interface WriteFigureOptions {
  /** Also write the Vega-Lite spec beside the SVG as `<name>.vl.json` (default false). */
  json?: boolean;
}

/**
 * Renders `spec` and writes it to `path` (which must end in ".svg"), creating parent
 * folders; with `json`, also writes the spec to the same path ending ".vl.json".
 * Returns the written paths.
 */
export async function writeFigure(
  spec: TopLevelSpec,
  path: string,
  options: WriteFigureOptions = {},
): Promise<string[]> {
  checkFigurePath("writeFigure", path);
  for (const key of Object.keys(options)) {
    if (key !== "json") throw new Error(`writeFigure: unknown option '${key}'; expected json`);
  }
  return saveFigure(spec, await renderSvg(spec), path, options.json ?? false);
}

/** Throws unless `path` ends in ".svg". */
export function checkFigurePath(where: string, path: string): void {
  if (typeof path !== "string" || !path.endsWith(".svg")) {
    throw new Error(`${where}: path must end in ".svg", got '${path}'`);
  }
}

/** Writes an already rendered SVG (and with `json` the spec beside it); returns the paths. */
export async function saveFigure(
  spec: TopLevelSpec,
  svg: string,
  path: string,
  json: boolean,
): Promise<string[]> {
  const slash = path.lastIndexOf("/");
  if (slash > 0) await Deno.mkdir(path.slice(0, slash), { recursive: true });
  await Deno.writeTextFile(path, svg);
  const written = [path];
  if (json) {
    const jsonPath = path.slice(0, -".svg".length) + ".vl.json";
    await Deno.writeTextFile(jsonPath, JSON.stringify(spec, null, 1) + "\n");
    written.push(jsonPath);
  }
  return written;
}

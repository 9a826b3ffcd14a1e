/**
 * The configuration of `deno task repro`, with its defaults in one place.
 *
 * @module
 */

/** What a reproduction run does. */
export interface ReproConfig {
  /** Output folder. */
  out: string;
  /** Master seed of everything random. */
  seed: number;
  /** Smaller configuration with the same stages and artefacts. */
  quick: boolean;
  /** Scale of the generated data set (drivers and session length), 0 < s ≤ 1. */
  dataScale: number;
  /** Execute the notebooks into `out/notebooks` when Jupyter with the Deno kernel is installed. */
  notebooks: boolean;
  /** Seeds of the evaluation protocol; null: the protocol preset's (3 full, 2 quick). */
  seeds: number[] | null;
}

/** Defaults of the full run. */
export const REPRO_DEFAULTS: Readonly<ReproConfig> = {
  out: "out",
  seed: 2020,
  quick: false,
  dataScale: 1,
  notebooks: true,
  seeds: null,
};

/** What `quick` changes. */
export const REPRO_QUICK: Readonly<Partial<ReproConfig>> = {
  dataScale: 0.6,
};

/** Resolves a repro config: defaults, then the quick preset if asked, then `overrides`. */
export function reproConfig(overrides: Partial<ReproConfig> = {}): ReproConfig {
  const known = new Set(Object.keys(REPRO_DEFAULTS));
  for (const k of Object.keys(overrides)) {
    if (!known.has(k)) {
      throw new Error(`Unknown repro option '${k}': expected one of ${[...known].join(", ")}`);
    }
  }
  const quick = overrides.quick ?? REPRO_DEFAULTS.quick;
  const cfg: ReproConfig = { ...REPRO_DEFAULTS, ...(quick ? REPRO_QUICK : {}), ...overrides };
  if (!(cfg.dataScale > 0 && cfg.dataScale <= 1)) {
    throw new Error(`repro: dataScale must be in (0, 1], got ${cfg.dataScale}`);
  }
  if (!Number.isInteger(cfg.seed)) {
    throw new Error(`repro: seed must be an integer, got ${cfg.seed}`);
  }
  return cfg;
}

/**
 * The folder where runs keep their artefacts (checkpoints, metrics.json): `$CS_OUT` when
 * set (repro sets it for the notebooks it executes), else `out/` of the repository —
 * `../out` from inside `notebooks/`, where the Jupyter kernel runs.
 */
export function artefactDir(): string {
  const env = Deno.env.get("CS_OUT");
  if (env) return env;
  return Deno.cwd().replace(/\/+$/, "").endsWith("/notebooks") ? "../out" : "out";
}

/**
 * The data-set scale the notebooks generate: `$CS_DATA_SCALE` when set (`repro --quick` sets
 * it to its smaller scale for the notebooks it executes), else 1 (the full surrogate).
 */
export function notebookDataScale(): number {
  const raw = Deno.env.get("CS_DATA_SCALE");
  if (raw === undefined || raw === "") return 1;
  const s = Number(raw);
  if (!(s > 0 && s <= 1)) {
    throw new Error(`CS_DATA_SCALE must be a number in (0, 1], got '${raw}'`);
  }
  return s;
}

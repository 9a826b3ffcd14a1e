/**
 * How busy the machine's CPUs are with other work, to choose how many wasm threads to start:
 * on a shared 2-core machine a second XNNPACK thread that has to compete with another
 * process makes training steps 2–3× slower instead of faster (its thread pool waits for the
 * slowest thread at every operation).
 *
 * @module
 */
import os from "node:os";
import process from "node:process";

/** CPUs of the machine and how many of them other work keeps busy. */
export interface CpuLoad {
  /** Logical CPUs. */
  cpus: number;
  /**
   * CPUs' worth of other work (0 … cpus): busy time while we sampled /proc/stat, or the
   * 1-minute load average less this process's own share, or 0 when neither can be read.
   */
  busy: number;
  /** Where `busy` comes from. */
  source: "/proc/stat" | "loadavg" | "none";
}

/** Total and idle jiffies summed over all CPUs, from the first line of /proc/stat. */
export function parseProcStat(text: string): { total: number; idle: number } {
  const line = text.split("\n", 1)[0];
  const fields = line.trim().split(/\s+/);
  if (fields[0] !== "cpu" || fields.length < 5) {
    throw new Error(`parseProcStat: expected a 'cpu' line with at least 4 counters, got '${line}'`);
  }
  const n = fields.slice(1).map(Number);
  if (n.some((v) => !Number.isFinite(v))) {
    throw new Error(`parseProcStat: non-numeric counter in '${line}'`);
  }
  // user nice system idle iowait irq softirq steal (guest times are already in user/nice)
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { total, idle: n[3] + (n[4] ?? 0) };
}

/**
 * Other work's load from the 1-minute load average: the average less this process's own
 * average CPU use (its CPU seconds over its lifetime, at most the last minute), within
 * 0 … cpus.
 */
export function busyFromLoadavg(
  load1: number,
  ownCpuSeconds: number,
  uptimeSeconds: number,
  cpus: number,
): number {
  const own = uptimeSeconds > 0 ? Math.min(cpus, ownCpuSeconds / Math.max(uptimeSeconds, 1)) : 0;
  const window = Math.min(1, uptimeSeconds / 60); // the share of the last minute we ran
  return Math.min(cpus, Math.max(0, load1 - own * window));
}

/**
 * Measures other work's CPU use over `ms` milliseconds while this process sleeps (Linux
 * /proc/stat, which Deno lets only `--allow-all` read), else estimates it from the load
 * average (needs `--allow-sys`), else reports 0.
 */
export async function measureCpuLoad(ms = 250): Promise<CpuLoad> {
  const cpus = Math.max(1, navigator.hardwareConcurrency ?? os.cpus().length ?? 1);
  try {
    const a = parseProcStat(await Deno.readTextFile("/proc/stat"));
    await new Promise((resolve) => setTimeout(resolve, ms));
    const b = parseProcStat(await Deno.readTextFile("/proc/stat"));
    const total = b.total - a.total;
    if (total <= 0) throw new Error("no time elapsed in /proc/stat");
    const busy = cpus * (1 - (b.idle - a.idle) / total);
    return { cpus, busy: Math.min(cpus, Math.max(0, busy)), source: "/proc/stat" };
  } catch {
    try {
      const usage = process.cpuUsage();
      const busy = busyFromLoadavg(
        os.loadavg()[0],
        (usage.user + usage.system) / 1e6,
        performance.now() / 1000,
        cpus,
      );
      return { cpus, busy, source: "loadavg" };
    } catch {
      return { cpus, busy: 0, source: "none" };
    }
  }
}

/**
 * Threads worth starting: the CPUs other work leaves free (rounded), at least 1 and at most
 * `max`. E.g. 2 CPUs with 0.3 busy → 2; with 1.2 busy → 1.
 */
export function autoThreadCount(load: Pick<CpuLoad, "cpus" | "busy">, max = 8): number {
  return Math.max(1, Math.min(max, load.cpus, Math.round(load.cpus - load.busy)));
}

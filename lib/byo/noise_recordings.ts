/**
 * The input of the noise study for your own recordings: every contiguous segment long enough
 * for a spectrum, at its native rate (the mains peak and the high-frequency noise need it),
 * with the plan's channels and no ground truth — so the study reports the metrics that need
 * none (MAD-diff σ, mains peak, spikes, clipping, quantisation, baseline wander).
 *
 * @module
 */
import type { Recording } from "../data/recording.ts";
import type { ByoRecording } from "./read_recording.ts";

/**
 * One {@linkcode Recording} per segment of at least `minSeconds` (native rate, `channels` in
 * order, `clean` and `modes` null; session `<session>` or `<session>#<k>` for the k-th
 * segment after a gap). Returns them and how many shorter segments were left out.
 */
export function noiseStudyRecordings(
  recordings: readonly ByoRecording[],
  channels: readonly string[],
  minSeconds: number,
): { recordings: Recording[]; skipped: number } {
  const out: Recording[] = [];
  let skipped = 0;
  for (const r of recordings) {
    const order = channels.map((name) => r.entry.channels.findIndex((m) => m.name === name));
    r.segments.forEach(({ start, end }, k) => {
      if ((end - start) / r.sampleRate < minSeconds) {
        skipped++;
        return;
      }
      out.push({
        meta: {
          experiment: r.entry.experiment,
          sensor: r.entry.sensor,
          driver: r.entry.subject,
          session: k === 0 ? r.entry.session : `${r.entry.session}#${k}`,
          sampleRate: r.sampleRate,
          channels: [...channels],
        },
        time: r.time.slice(start, end),
        modes: null,
        signals: order.map((c) => r.signals[c].slice(start, end)),
        clean: null,
      });
    });
  }
  return { recordings: out, skipped };
}

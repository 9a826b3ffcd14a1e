import { assert, assertClose } from "../_assert.ts";
import { Rng } from "../../lib/random/rng.ts";
import { DEFAULT_SCHEDULE, modeLabels, modeSchedule } from "../../lib/device/schedule.ts";
import { MODES } from "../../lib/device/modes.ts";

Deno.test("modeSchedule() tiles [0, duration] with adjacent-mode transitions", () => {
  for (let seed = 0; seed < 50; seed++) {
    const segs = modeSchedule(300, new Rng(seed));
    assert.equal(segs[0].start, 0);
    assert.equal(segs.at(-1)!.end, 300);
    for (let i = 1; i < segs.length; i++) {
      assert.equal(segs[i].start, segs[i - 1].end);
      const a = MODES.indexOf(segs[i - 1].mode), b = MODES.indexOf(segs[i].mode);
      const ok = Math.abs(a - b) === 1 ||
        (segs[i - 1].mode === "asleep" && segs[i].mode === "normal");
      assert.ok(ok, `seed ${seed}: ${segs[i - 1].mode} → ${segs[i].mode}`);
      assert.ok(segs[i - 1].end - segs[i - 1].start >= DEFAULT_SCHEDULE.minDwell - 1e-9);
    }
  }
});

Deno.test("modeSchedule() drifts towards drowsiness over a drive", () => {
  let early = 0, late = 0;
  const fs = 1;
  for (let seed = 0; seed < 300; seed++) {
    const labels = modeLabels(modeSchedule(600, new Rng(seed)), 600, fs);
    for (let i = 0; i < 600; i++) {
      if (labels[i] >= 2) i < 300 ? early++ : late++;
    }
  }
  // Fraction of drowsy/asleep time: clearly larger in the second half of the drive.
  assert.ok(late / 90000 > early / 90000 + 0.05, `early ${early / 90000}, late ${late / 90000}`);
});

Deno.test("modeSchedule() dwell times have the configured mean when the drive is long", () => {
  const dwell: Record<string, number[]> = { alert: [], normal: [], drowsy: [], asleep: [] };
  for (let seed = 0; seed < 200; seed++) {
    const segs = modeSchedule(3000, new Rng(seed));
    for (const s of segs.slice(0, -1)) dwell[s.mode].push(s.end - s.start);
  }
  for (const m of MODES) {
    const xs = dwell[m];
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    // Gamma(3) clamped below at minDwell: mean within 10 % of the configured one.
    assertClose(mean, DEFAULT_SCHEDULE.meanDwell[m], { rtol: 0.1 }, m);
  }
});

Deno.test("modeLabels() puts each sample in the segment that contains it", () => {
  const labels = modeLabels(
    [{ mode: "alert", start: 0, end: 1 }, { mode: "asleep", start: 1, end: 2 }],
    8,
    4,
  );
  assert.deepEqual([...labels], [0, 0, 0, 0, 3, 3, 3, 3]);
});

Deno.test("modeSchedule() is identical for the same seed", () => {
  assert.deepEqual(modeSchedule(500, new Rng(7)), modeSchedule(500, new Rng(7)));
  assert.notDeepEqual(modeSchedule(500, new Rng(7)), modeSchedule(500, new Rng(8)));
});

import { eventLabels, parseEvents, readEvents } from "../../lib/byo/events.ts";
import { assert, assertRejectsWith, assertThrowsWith } from "../_assert.ts";

const LABELS = ["awake", "drowsy"];

Deno.test("parseEvents() reads start,end,label rows in any column order, sorted by start", () => {
  const ev = parseEvents("label,start,end,note\ndrowsy,5,8,x\nawake,0,2.5,\n", LABELS, "ev.csv");
  assert.deepEqual(ev, [
    { start: 0, end: 2.5, label: 0, line: 3 },
    { start: 5, end: 8, label: 1, line: 2 },
  ]);
});

Deno.test("parseEvents() names the file, line and column of each kind of problem", () => {
  const cases: [string, string][] = [
    ["", "Cannot read events ev.csv: the file is empty; expected a header line 'start,end,label'"],
    [
      "start,label\n0,awake",
      "Cannot read events ev.csv: line 1, column end: missing column; expected columns start,end,label",
    ],
    ["start,end,label\n", "line 2: expected at least one event row, found none"],
    [
      "start,end,label\n0,x,awake",
      "line 2, column end: expected a finite number of seconds, got 'x'",
    ],
    [
      "start,end,label\n0,NaN,awake",
      "line 2, column end: expected a finite number of seconds, got 'NaN'",
    ],
    ["start,end,label\n3,1,awake", "line 2, column end: expected an end after start 3, got '1'"],
    [
      "start,end,label\n0,1,asleep",
      "line 2, column label: expected one of awake, drowsy (the label set), got 'asleep'",
    ],
    [
      "start,end,label\n0,2,awake\n1,3,drowsy",
      "line 3, column start: expected a start at or after 2 (events must not overlap; line 2 ends there), got 1",
    ],
    ["start,end,label\n0,1", "line 2: expected 3 fields (start,end,label), got 2"],
  ];
  for (const [text, message] of cases) {
    assertThrowsWith(() => parseEvents(text, LABELS, "ev.csv"), message);
  }
});

Deno.test("eventLabels() labels samples with start ≤ t < end and leaves the rest unlabelled", () => {
  const time = Float64Array.from({ length: 10 }, (_, i) => i * 0.5); // 0 … 4.5 s at 2 Hz
  const ev = parseEvents("start,end,label\n0.5,1.5,awake\n3,5,drowsy", LABELS, "ev.csv");
  assert.deepEqual(
    Array.from(eventLabels(ev, time, 2, "ev.csv", "rec.csv")),
    [-1, 0, 0, -1, -1, -1, 1, 1, 1, 1],
  );
});

Deno.test("eventLabels() rejects an event outside the recording, naming the events line", () => {
  const time = Float64Array.from({ length: 10 }, (_, i) => 10 + i * 0.5); // 10 … 14.5 s
  assertThrowsWith(
    () =>
      eventLabels(
        parseEvents("start,end,label\n10,12,awake\n13,16,drowsy", LABELS, "ev.csv"),
        time,
        2,
        "ev.csv",
        "rec.csv",
      ),
    "Cannot read events ev.csv: line 3, column end: expected a time within recording rec.csv (10 … 15 s), got 16",
  );
  assertThrowsWith(
    () =>
      eventLabels(
        parseEvents("start,end,label\n9,12,awake", LABELS, "ev.csv"),
        time,
        2,
        "ev.csv",
        "rec.csv",
      ),
    "line 2, column start: expected a time within recording rec.csv (10 … 15 s), got 9",
  );
  // Ending exactly one period after the last sample is inside.
  assert.equal(
    eventLabels(parseEvents("start,end,label\n10,15,awake", LABELS, "e"), time, 2, "e", "r")[9],
    0,
  );
});

Deno.test("readEvents() says when the events file does not exist", async () => {
  await assertRejectsWith(
    () => readEvents("/nonexistent/ev.csv", LABELS),
    "Cannot read events /nonexistent/ev.csv: the file does not exist",
  );
});

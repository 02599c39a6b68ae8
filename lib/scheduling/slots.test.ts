import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeSlots, type SlotRequest, type WeeklyRange } from "./slots";

const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const weekdays = (start: number, end: number): WeeklyRange[] => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: start, endMinute: end }));
const everyDay = (start: number, end: number): WeeklyRange[] => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: start, endMinute: end }));

function request(overrides: Partial<SlotRequest>): SlotRequest {
  return {
    timeZone: "America/New_York",
    weeklyHours: weekdays(h(9), h(17)),
    fromDate: "2026-12-01",
    toDate: "2026-12-01",
    durationMinutes: 30,
    bufferAfterMinutes: 0,
    busy: [],
    now: new Date("2026-11-01T12:00:00Z"),
    minNoticeMinutes: 24 * 60,
    horizonDays: 60,
    ...overrides,
  };
}

/** Slot starts as wall-clock times in `zone`, "HH:mm". */
const local = (slots: { start: Date }[], zone: string) => slots.map((s) => DateTime.fromJSDate(s.start, { zone }).toFormat("HH:mm"));

describe("slots in the location's zone", () => {
  it("fills a New York weekday with half-hour slots, stored as UTC instants", () => {
    const slots = computeSlots(request({}));
    expect(slots).toHaveLength(16);
    expect(slots[0]!.start.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(slots.at(-1)!.end.toISOString()).toBe("2026-12-01T22:00:00.000Z");
  });

  it("keeps 9 to 5 on both daylight-saving days in New York: nothing missing, doubled or shifted", () => {
    for (const date of ["2026-03-08", "2026-11-01"]) {
      const slots = computeSlots(request({ weeklyHours: everyDay(h(9), h(17)), fromDate: date, toDate: date, now: new Date("2026-01-01T00:00:00Z"), horizonDays: 400 }));
      expect(slots, date).toHaveLength(16);
      expect(local(slots, "America/New_York")[0], date).toBe("09:00");
      expect(local(slots, "America/New_York").at(-1), date).toBe("16:30");
    }
  });

  it("offers nothing inside the skipped hour of a spring-forward night", () => {
    const slots = computeSlots(request({ weeklyHours: everyDay(h(1), h(4)), fromDate: "2026-03-08", toDate: "2026-03-08", now: new Date("2026-01-01T00:00:00Z"), horizonDays: 400 }));
    expect(local(slots, "America/New_York")).toEqual(["01:00", "01:30", "03:00", "03:30"]);
  });

  it("offers the repeated hour of a fall-back night once per real instant, never the same instant twice", () => {
    const slots = computeSlots(request({ weeklyHours: everyDay(h(0), h(3)), fromDate: "2026-11-01", toDate: "2026-11-01", stepMinutes: 60, durationMinutes: 60, now: new Date("2026-01-01T00:00:00Z"), horizonDays: 400 }));
    // 00:00 EDT, 01:00 EDT, 01:00 EST, 02:00 EST: four real hours between midnight and 3 a.m.
    expect(slots.map((s) => s.start.toISOString())).toEqual(["2026-11-01T04:00:00.000Z", "2026-11-01T05:00:00.000Z", "2026-11-01T06:00:00.000Z", "2026-11-01T07:00:00.000Z"]);
    expect(new Set(slots.map((s) => s.start.getTime())).size).toBe(slots.length);
  });

  it("handles half-hour zones: Kolkata (+5:30, no DST) and Adelaide (+9:30, +10:30 in summer)", () => {
    const kolkata = computeSlots(request({ timeZone: "Asia/Kolkata", weeklyHours: weekdays(h(10), h(11)) }));
    expect(kolkata.map((s) => s.start.toISOString())).toEqual(["2026-12-01T04:30:00.000Z", "2026-12-01T05:00:00.000Z"]);
    // Adelaide moves to daylight time on Sunday 2026-10-04 at 2:00 (clocks go to 3:00).
    const adelaide = computeSlots(
      request({ timeZone: "Australia/Adelaide", weeklyHours: everyDay(h(9), h(10)), fromDate: "2026-10-03", toDate: "2026-10-04", now: new Date("2026-09-01T00:00:00Z") }),
    );
    expect(adelaide.map((s) => s.start.toISOString())).toEqual([
      "2026-10-02T23:30:00.000Z",
      "2026-10-03T00:00:00.000Z",
      "2026-10-03T22:30:00.000Z",
      "2026-10-03T23:00:00.000Z",
    ]);
    expect(local(adelaide, "Australia/Adelaide")).toEqual(["09:00", "09:30", "09:00", "09:30"]);
  });
});

describe("what takes slots away", () => {
  it("skips slots that overlap a booking, counting the new slot's buffer after it", () => {
    const busy = [{ start: new Date("2026-12-01T15:00:00Z"), end: new Date("2026-12-01T15:40:00Z") }]; // 10:00–10:40 local
    const slots = computeSlots(request({ weeklyHours: weekdays(h(9), h(12)), bufferAfterMinutes: 15, busy }));
    // 9:30 + 30 min + 15 min buffer runs into 10:00; 10:00 and 10:30 overlap the booking.
    expect(local(slots, "America/New_York")).toEqual(["09:00", "11:00", "11:30"]);
  });

  it("lets a slot end exactly where a booking starts (back to back)", () => {
    const busy = [{ start: new Date("2026-12-01T14:30:00Z"), end: new Date("2026-12-01T15:00:00Z") }];
    const slots = computeSlots(request({ weeklyHours: weekdays(h(9), h(10)), busy }));
    expect(local(slots, "America/New_York")).toEqual(["09:00"]);
  });

  it("skips time off, whole or partial days", () => {
    const dayOff = { start: new Date("2026-12-01T05:00:00Z"), end: new Date("2026-12-02T05:00:00Z") };
    const afternoon = { start: new Date("2026-12-02T17:00:00Z"), end: new Date("2026-12-02T22:00:00Z") };
    const slots = computeSlots(request({ weeklyHours: weekdays(h(9), h(17)), fromDate: "2026-12-01", toDate: "2026-12-02", busy: [dayOff, afternoon] }));
    expect(slots.every((s) => s.start.toISOString().startsWith("2026-12-02"))).toBe(true);
    expect(local(slots, "America/New_York")).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]);
  });

  it("keeps the minimum notice and the booking horizon", () => {
    const now = new Date("2026-12-01T15:10:00Z"); // 10:10 local
    const slots = computeSlots(request({ weeklyHours: weekdays(h(9), h(17)), fromDate: "2026-12-01", toDate: "2026-12-31", now, minNoticeMinutes: 120, horizonDays: 2 }));
    expect(slots[0]!.start.toISOString()).toBe("2026-12-01T17:30:00.000Z"); // 12:30 local, the first start 2 h after now
    expect(slots.at(-1)!.start.getTime()).toBeLessThanOrEqual(now.getTime() + 2 * 86_400_000);
  });

  it("never offers a slot outside the hours, overlapping a busy time, or twice", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Australia/Adelaide", "Europe/London"),
        fc.integer({ min: 0, max: 40 }).map((n) => n * 30),
        fc.integer({ min: 1, max: 16 }).map((n) => n * 30),
        fc.constantFrom(15, 30, 45, 60, 90),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.record({ startHour: fc.integer({ min: 0, max: 24 * 14 }), hours: fc.integer({ min: 1, max: 6 }) }), { maxLength: 5 }),
        (zone, startMinute, length, duration, buffer, busySpecs) => {
          const endMinute = Math.min(24 * 60, startMinute + length);
          const base = new Date("2026-10-25T00:00:00Z").getTime();
          const busy = busySpecs.map((b) => ({ start: new Date(base + b.startHour * 3_600_000), end: new Date(base + (b.startHour + b.hours) * 3_600_000) }));
          const slots = computeSlots(
            request({ timeZone: zone, weeklyHours: everyDay(startMinute, endMinute), fromDate: "2026-10-25", toDate: "2026-11-07", durationMinutes: duration, bufferAfterMinutes: buffer, busy, now: new Date("2026-10-01T00:00:00Z") }),
          );
          expect(new Set(slots.map((s) => s.start.getTime())).size).toBe(slots.length);
          const wallClock = (day: DateTime, minute: number) =>
            minute >= 1440 ? day.plus({ days: 1 }).startOf("day") : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
          for (const slot of slots) {
            const day = DateTime.fromJSDate(slot.start, { zone }).startOf("day");
            expect(slot.start.getTime()).toBeGreaterThanOrEqual(wallClock(day, startMinute).toMillis());
            expect(slot.end.getTime()).toBeLessThanOrEqual(wallClock(day, endMinute).toMillis());
            expect(slot.end.getTime() - slot.start.getTime()).toBe(duration * 60_000);
            for (const b of busy) {
              expect(slot.start.getTime() < b.end.getTime() && b.start.getTime() < slot.end.getTime() + buffer * 60_000).toBe(false);
            }
          }
        },
      ),
      // Each run computes two weeks of slots; 50 runs keep it well inside a busy CI machine's time.
      { numRuns: 50 },
    );
  }, 30_000);
});

describe("input the slot function cannot use", () => {
  it("offers nothing for an unknown zone or a date that does not exist, and never throws", () => {
    expect(computeSlots(request({ timeZone: "Mars/Olympus_Mons" }))).toEqual([]);
    for (const date of ["2026-02-30", "2026-13-01", "2026-12-1", "", "2026-12-01T09:00"]) {
      expect(computeSlots(request({ fromDate: date, toDate: "2026-12-03" }))).toEqual([]);
      expect(computeSlots(request({ fromDate: "2026-11-30", toDate: date }))).toEqual([]);
    }
  });
});

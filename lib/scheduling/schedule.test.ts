import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstSlotOf, slotsOf, type Schedule } from "./schedule";
import type { WeeklyRange } from "./slots";

const NOW = new Date("2026-11-30T00:00:00Z");

function schedule(locations: { timeZone: string; hours: WeeklyRange[] }[], busy: Schedule["busy"] = []): Schedule {
  return {
    providerId: "p",
    minNoticeMinutes: 0,
    horizonDays: 60,
    cancellationWindowHours: 24,
    type: { id: "t", kind: "initial_consultation", name: "Consultation", minutes: 30, bufferAfterMinutes: 0, feeCents: 0, depositCents: 0, telehealthAllowed: false, confirmsAutomatically: false },
    locations: locations.map((l, i) => ({
      id: `loc-${i}`,
      name: `Office ${i}`,
      addressLine1: "1 Main St",
      addressLine2: null,
      city: "City",
      state: "NY",
      zip: "10001",
      ...l,
    })),
    busy,
    timeOff: [],
  };
}

describe("the first free slot", () => {
  it("is found in the first days when one is free there", () => {
    const s = schedule([{ timeZone: "America/New_York", hours: [{ weekday: 2, startMinute: 9 * 60, endMinute: 17 * 60 }] }]);
    // Tuesday 1 December, 9:00 in New York.
    expect(firstSlotOf(s, "2026-12-01", "2026-12-14", NOW)?.start).toBe("2026-12-01T14:00:00.000Z");
  });

  it("looks further when the first days are full or closed", () => {
    const s = schedule([{ timeZone: "America/New_York", hours: [{ weekday: 1, startMinute: 9 * 60, endMinute: 10 * 60 }] }]);
    // Only Mondays: the first is 7 December, past the first days looked at.
    expect(firstSlotOf(s, "2026-12-01", "2026-12-14", NOW)?.start).toBe("2026-12-07T14:00:00.000Z");
    expect(firstSlotOf(s, "2026-12-01", "2026-12-05", NOW)).toBeUndefined();
  });

  it("prefers another location's next local day when it begins earlier in real time", () => {
    // Honolulu open Thursday 3 December 23:00–24:00 (09:00 UTC on the 4th); New York open Friday
    // 4 December 00:00–01:00 (05:00 UTC on the 4th): New York's comes first though its date is later.
    const s = schedule([
      { timeZone: "Pacific/Honolulu", hours: [{ weekday: 4, startMinute: 23 * 60, endMinute: 24 * 60 }] },
      { timeZone: "America/New_York", hours: [{ weekday: 5, startMinute: 0, endMinute: 60 }] },
    ]);
    expect(firstSlotOf(s, "2026-12-01", "2026-12-14", NOW)).toEqual({ start: "2026-12-04T05:00:00.000Z", end: "2026-12-04T05:30:00.000Z", locationId: "loc-1" });
  });

  it("always equals the first of all free slots", () => {
    const zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "Asia/Kolkata"];
    // Hours fall mostly on Wednesday and Thursday: the last of the first days looked at from Monday
    // 30 November, and the day after, where zones hours apart can swap which slot comes first.
    const weekday = fc.oneof(fc.constantFrom(3, 4), fc.integer({ min: 1, max: 7 }));
    const range = fc.record({ weekday, start: fc.integer({ min: 0, max: 47 }), halfHours: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(
        fc.array(fc.record({ timeZone: fc.constantFrom(...zones), ranges: fc.array(range, { maxLength: 2 }) }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ hour: fc.integer({ min: 0, max: 24 * 16 }), hours: fc.integer({ min: 1, max: 48 }) }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 24 * 5 }),
        (locations, busySpecs, noticeHours) => {
          const s = schedule(
            locations.map((l) => ({
              timeZone: l.timeZone,
              hours: l.ranges.map((r) => ({ weekday: r.weekday, startMinute: r.start * 30, endMinute: Math.min(24 * 60, (r.start + r.halfHours) * 30) })),
            })),
            busySpecs.map((b) => ({
              start: new Date(NOW.getTime() + b.hour * 3_600_000).toISOString(),
              end: new Date(NOW.getTime() + (b.hour + b.hours) * 3_600_000).toISOString(),
            })),
          );
          s.minNoticeMinutes = noticeHours * 60;
          expect(firstSlotOf(s, "2026-11-30", "2026-12-13", NOW)).toEqual(slotsOf(s, "2026-11-30", "2026-12-13", NOW)[0]);
        },
      ),
      // Each run is cheap (about 1 ms); the swap above is rare enough to need many runs to find.
      { numRuns: 1000 },
    );
  }, 30_000);
});

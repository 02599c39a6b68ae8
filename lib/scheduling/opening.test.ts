import { describe, expect, it } from "vitest";
import { firstOpening, openingStaleAt } from "./opening";
import type { Schedule } from "./schedule";

// Tuesday 1 December 2026, noon UTC (7:00 in New York).
const NOW = new Date("2026-12-01T12:00:00Z");
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));

function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    providerId: "p",
    minNoticeMinutes: 24 * 60,
    horizonDays: 60,
    cancellationWindowHours: 24,
    type: { id: "t", kind: "initial_consultation", name: "Consultation", minutes: 30, bufferAfterMinutes: 0, feeCents: 0, depositCents: 0, telehealthAllowed: false, confirmsAutomatically: false },
    locations: [{ id: "ny", name: "NY", addressLine1: "1 St", addressLine2: null, city: "New York", state: "NY", zip: "10016", timeZone: "America/New_York", hours: weekdays }],
    busy: [],
    timeOff: [],
    ...overrides,
  };
}

const facts = (s: Schedule, extra: { lapsesAt?: Date; listableUntil?: Record<string, string> } = {}) => ({
  schedule: s,
  first: firstOpening(s, NOW),
  now: NOW,
  lapsesAt: extra.lapsesAt ?? null,
  listableUntil: extra.listableUntil ?? {},
});

describe("openingStaleAt", () => {
  it("holds a first slot until it comes within the minimum notice", () => {
    const s = schedule();
    expect(firstOpening(s, NOW)?.start).toBe("2026-12-02T14:00:00.000Z");
    // Wednesday 9:00 New York less 24 h, and a millisecond: at that instant it is still offered.
    expect(openingStaleAt(facts(s))?.toISOString()).toBe("2026-12-01T14:00:00.001Z");
  });

  it("ends earlier when a blocking hold lapses or the slot's license ends", () => {
    const s = schedule();
    expect(openingStaleAt(facts(s, { lapsesAt: new Date("2026-12-01T12:30:00Z") }))?.toISOString()).toBe("2026-12-01T12:30:00.000Z");
    const withShortNotice = schedule({ minNoticeMinutes: 0, locations: [{ ...schedule().locations[0]!, hours: [{ weekday: 5, startMinute: 540, endMinute: 600 }] }] });
    // Friday the 4th; the license's last day is the 2nd, so from the 3rd (UTC) the slot is gone.
    expect(openingStaleAt(facts(withShortNotice, { listableUntil: { ny: "2026-12-02" } }))?.toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });

  it("with no opening, looks again at the next day, or when the horizon reaches a free time", () => {
    const closed = schedule({ locations: [{ ...schedule().locations[0]!, hours: [] }] });
    expect(firstOpening(closed, NOW)).toBeUndefined();
    expect(openingStaleAt(facts(closed))?.toISOString()).toBe("2026-12-02T00:00:00.000Z");
    // A one-day horizon with a 24 h notice offers nothing; Wednesday 9:00 enters it Tuesday 9:00 New York.
    const short = schedule({ horizonDays: 1 });
    expect(firstOpening(short, NOW)).toBeUndefined();
    expect(openingStaleAt(facts(short))?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
  });

  it("never changes by the clock for a provider nobody can book", () => {
    expect(openingStaleAt({ schedule: null, first: undefined, now: NOW, lapsesAt: null, listableUntil: {} })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { addDays, localDate } from "@/lib/ui/time-zone";
import { earliestNextTreatment, isBeforeEarliest, reminderWindow } from "./interval";

describe("the 84-day treatment interval", () => {
  it("allows the next treatment from day 84, twelve weeks on the same weekday", () => {
    // Thursday 1 October 2026 → Thursday 24 December 2026.
    expect(earliestNextTreatment(["2026-10-01"])).toBe("2026-12-24");
    expect(earliestNextTreatment([])).toBeNull();
    // The latest anchor counts, whatever the order.
    expect(earliestNextTreatment(["2026-10-01", "2026-11-15", "2026-09-01"])).toBe("2027-02-07");
    // Across a leap day.
    expect(addDays("2027-12-20", 84)).toBe("2028-03-13");
  });

  it("counts the date in the clinic's zone, daylight-saving changes included", () => {
    // Treated 7 August in New York; the 84th day is 30 October, before the clocks go back on 1 November.
    const earliest = earliestNextTreatment(["2026-08-07"])!;
    expect(earliest).toBe("2026-10-30");
    // 30 October 00:30 in New York is 04:30 UTC: allowed there. 29 October 23:30 is 03:30 UTC the 30th: refused.
    expect(isBeforeEarliest(new Date("2026-10-30T04:30:00Z"), "America/New_York", earliest)).toBe(false);
    expect(isBeforeEarliest(new Date("2026-10-30T03:30:00Z"), "America/New_York", earliest)).toBe(true);
    // The same instant is already the 30th in Kolkata, and still the 29th in Los Angeles.
    expect(localDate(new Date("2026-10-29T20:00:00Z"), "Asia/Kolkata")).toBe("2026-10-30");
    expect(isBeforeEarliest(new Date("2026-10-30T05:00:00Z"), "America/Los_Angeles", earliest)).toBe(true);
    expect(isBeforeEarliest(new Date("2026-01-01T00:00:00Z"), "UTC", null)).toBe(false);
  });

  it("reminds from day 70 to day 84, not before and not long after", () => {
    // Treated 1 October: day 70 is 10 December, day 84 is 24 December.
    const due = (treatedOn: string, today: string) => {
      const { from, to } = reminderWindow(today);
      return treatedOn >= from && treatedOn <= to;
    };
    expect(due("2026-10-01", "2026-12-09")).toBe(false);
    expect(due("2026-10-01", "2026-12-10")).toBe(true);
    expect(due("2026-10-01", "2026-12-24")).toBe(true);
    expect(due("2026-10-01", "2026-12-25")).toBe(false);
  });
});

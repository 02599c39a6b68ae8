import { describe, expect, it } from "vitest";
import { addDays, dayLabel, localDate, localTime, zoneName } from "./time-zone";

describe("time-zone formatting", () => {
  const instant = new Date("2026-12-03T04:30:00Z");

  it("puts one instant on the right date and time in each zone", () => {
    expect(localDate(instant, "America/New_York")).toBe("2026-12-02");
    expect(localTime(instant, "America/New_York")).toBe("11:30 PM");
    expect(localDate(instant, "Asia/Kolkata")).toBe("2026-12-03");
    expect(localTime(instant, "Asia/Kolkata")).toBe("10:00 AM");
  });

  it("names the zone as it is at that instant", () => {
    expect(zoneName("America/New_York", instant)).toBe("Eastern Standard Time");
    expect(zoneName("America/New_York", new Date("2026-07-01T12:00:00Z"))).toBe("Eastern Daylight Time");
    expect(zoneName("Asia/Kolkata", instant)).toBe("India Standard Time");
  });

  it("labels and steps calendar dates", () => {
    expect(dayLabel("2026-12-03")).toBe("Thu, Dec 3");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
  });
});

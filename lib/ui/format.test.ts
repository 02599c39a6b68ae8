import { describe, expect, it } from "vitest";
import {
  centsForInput,
  formatDate,
  formatInstant,
  formatInstantLong,
  formatDistance,
  formatMinutes,
  formatMoney,
  initials,
  isoDay,
  listNames,
  midSentence,
  pluralize,
  pluralizeCapped,
} from "./format";

describe("centsForInput", () => {
  it("gives what a price field shows for editing, which dollarsToCents reads back", () => {
    expect([15000, 1250, 5, 0, null].map(centsForInput)).toEqual(["150", "12.50", "0.05", "0", ""]);
  });
});

describe("formatMoney", () => {
  it("drops cents on whole dollars", () => {
    expect(formatMoney(15000)).toBe("$150");
    expect(formatMoney(0)).toBe("$0");
    expect(formatMoney(123400)).toBe("$1,234");
  });
  it("keeps two decimals otherwise", () => {
    expect(formatMoney(1250)).toBe("$12.50");
    expect(formatMoney(5)).toBe("$0.05");
  });
});

describe("formatDistance", () => {
  it("uses one decimal under 10 miles", () => {
    expect(formatDistance(2.34)).toBe("2.3 mi");
    expect(formatDistance(2.35)).toBe("2.4 mi");
    expect(formatDistance(3)).toBe("3.0 mi");
  });
  it("rounds to whole miles from 10", () => {
    expect(formatDistance(12.6)).toBe("13 mi");
    expect(formatDistance(1234.2)).toBe("1,234 mi");
  });
  it("says 'under 0.1 mi' for very close places", () => {
    expect(formatDistance(0)).toBe("under 0.1 mi");
    expect(formatDistance(0.04)).toBe("under 0.1 mi");
  });
});

describe("formatDate", () => {
  it("formats a calendar date without shifting it across zones", () => {
    expect(formatDate("2026-10-03")).toBe("Oct 3, 2026");
    expect(formatDate("2027-01-01")).toBe("Jan 1, 2027");
  });
  it("formats an instant by its UTC day", () => {
    expect(formatDate("2026-10-03T23:30:00.000Z")).toBe("Oct 3, 2026");
    expect(formatDate("2026-10-03T23:30:00-05:00")).toBe("Oct 4, 2026");
  });
  it("returns text that is not a date unchanged", () => {
    expect(formatDate("soon")).toBe("soon");
  });
  it("gives the ISO day for <time dateTime>", () => {
    expect(isoDay("2026-10-03")).toBe("2026-10-03");
    expect(isoDay("2026-10-03T23:30:00-05:00")).toBe("2026-10-04");
  });
});

describe("pluralize and listNames", () => {
  it("pluralizes", () => {
    expect(pluralize(1, "provider")).toBe("1 provider");
    expect(pluralize(0, "provider")).toBe("0 providers");
    expect(pluralize(1200, "provider")).toBe("1,200 providers");
  });
  it("marks a count that stopped at its cap", () => {
    expect(pluralizeCapped(1000, true, "provider")).toBe("1,000+ providers");
    expect(pluralizeCapped(1, false, "provider")).toBe("1 provider");
  });
  it("joins names in plain English", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["A", "B"])).toBe("A and B");
    expect(listNames(["A", "B", "C"])).toBe("A, B and C");
  });
});

describe("initials", () => {
  it("takes first and last name, skipping honorifics and middle names", () => {
    expect(initials("Dr. Jane Q. Smith")).toBe("JS");
    expect(initials("maría lópez")).toBe("ML");
    expect(initials("Cher")).toBe("C");
    expect(initials("Dr. Anne-Marie O'Neil")).toBe("AO");
  });
  it("never returns an empty monogram", () => {
    expect(initials("")).toBe("?");
  });
});

describe("formatMinutes", () => {
  it("formats durations", () => {
    expect(formatMinutes(30)).toBe("30 min");
    expect(formatMinutes(60)).toBe("1 h");
    expect(formatMinutes(90)).toBe("1 h 30 min");
  });
});

describe("midSentence", () => {
  it("lowercases a leading word but keeps acronyms", () => {
    expect(midSentence("Chronic migraine")).toBe("chronic migraine");
    expect(midSentence("TMJ and jaw pain")).toBe("TMJ and jaw pain");
    expect(midSentence("A")).toBe("a");
  });
});

describe("formatInstant", () => {
  it("names the zone it shows, daylight saving included", () => {
    expect(formatInstant("2026-11-25T14:30:00Z", "America/New_York")).toBe("Nov 25, 2026, 9:30 AM EST");
    expect(formatInstant("2026-07-01T14:30:00Z", "America/New_York")).toBe("Jul 1, 2026, 10:30 AM EDT");
    expect(formatInstant("2026-11-25T14:30:00Z", "Asia/Kolkata")).toBe("Nov 25, 2026, 8:00 PM GMT+5:30");
    expect(formatInstant("2026-11-25T14:30:00Z", "UTC")).toBe("Nov 25, 2026, 2:30 PM UTC");
  });
});

describe("formatInstantLong", () => {
  it("spells out the day and the zone's full name, which changes with daylight saving", () => {
    expect(formatInstantLong("2026-12-03T15:00:00Z", "America/New_York")).toBe("Thursday, December 3, 2026 at 10:00 AM Eastern Standard Time");
    expect(formatInstantLong("2026-07-01T14:30:00Z", "America/New_York")).toBe("Wednesday, July 1, 2026 at 10:30 AM Eastern Daylight Time");
    expect(formatInstantLong("2026-07-01T14:30:00Z", "America/Phoenix")).toBe("Wednesday, July 1, 2026 at 7:30 AM Mountain Standard Time");
    expect(formatInstantLong("2026-11-25T14:30:00Z", "Asia/Kolkata")).toBe("Wednesday, November 25, 2026 at 8:00 PM India Standard Time");
  });
});

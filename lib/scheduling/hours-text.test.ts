import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDayRanges, parseDayRanges } from "./hours-text";

describe("weekly hours as text", () => {
  it("reads 24-hour and am/pm times, several ranges, and closed days", () => {
    expect(parseDayRanges("9:00-12:00, 13:00-17:30")).toEqual({ ok: true, ranges: [{ startMinute: 540, endMinute: 720 }, { startMinute: 780, endMinute: 1050 }] });
    expect(parseDayRanges("9am – 5pm")).toEqual({ ok: true, ranges: [{ startMinute: 540, endMinute: 1020 }] });
    expect(parseDayRanges("12pm-12:30 p.m.")).toEqual({ ok: true, ranges: [{ startMinute: 720, endMinute: 750 }] });
    expect(parseDayRanges("18:00-24:00")).toEqual({ ok: true, ranges: [{ startMinute: 1080, endMinute: 1440 }] });
    expect(parseDayRanges("")).toEqual({ ok: true, ranges: [] });
    expect(parseDayRanges("Closed")).toEqual({ ok: true, ranges: [] });
  });

  it("explains what it cannot use", () => {
    expect(parseDayRanges("9-")).toMatchObject({ ok: false });
    expect(parseDayRanges("17:00-9:00")).toEqual({ ok: false, message: "In “17:00-9:00” the end must be after the start." });
    expect(parseDayRanges("9:00-12:00, 11:00-13:00")).toEqual({ ok: false, message: "Two of these ranges overlap." });
    expect(parseDayRanges("25:00-26:00")).toMatchObject({ ok: false });
    expect(parseDayRanges("13pm-2pm")).toMatchObject({ ok: false });
    expect(parseDayRanges("lunch")).toMatchObject({ ok: false });
  });

  it("round-trips what it formats", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 47 }), { minLength: 0, maxLength: 12 }), (halfHours) => {
        const sorted = [...halfHours].sort((a, b) => a - b);
        const ranges = [];
        for (let i = 0; i + 1 < sorted.length && ranges.length < 6; i += 2) ranges.push({ startMinute: sorted[i]! * 30, endMinute: sorted[i + 1]! * 30 });
        expect(parseDayRanges(formatDayRanges(ranges))).toEqual({ ok: true, ranges });
      }),
    );
  });
});

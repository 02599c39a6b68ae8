import { describe, expect, it } from "vitest";
import { instantWithin, isStorableText, safeString, UNSTORABLE_TEXT } from "./text";

describe("text", () => {
  it("refuses a NUL byte and a lone surrogate with a field message, and keeps emoji and accents", () => {
    const name = safeString().trim().max(20);
    expect(name.safeParse("José 🙂").success).toBe(true);
    for (const bad of ["a\u0000b", "\ud800", "x\udc00y", "\ud83d"]) {
      const parsed = name.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(UNSTORABLE_TEXT);
    }
    expect(isStorableText("\ud83d\ude42")).toBe(true);
  });

  it("still applies the checks chained after it", () => {
    expect(safeString().max(3).safeParse("abcd").success).toBe(false);
    expect(safeString("Enter a name.").safeParse(12).error?.issues[0]?.message).toBe("Enter a name.");
  });
});

describe("instantWithin", () => {
  const start = instantWithin({ now: () => new Date("2026-12-01T12:00:00Z"), pastDays: 0, futureDays: 400 }, "Choose a time.");
  it("accepts an instant with an offset in range only", () => {
    expect(start.safeParse("2026-12-03T15:00:00.000Z").success).toBe(true);
    expect(start.safeParse("2026-12-03T10:00:00-05:00").success).toBe(true);
    for (const bad of ["0001-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "2026-12-03T15:00:00", "2026-11-30T00:00:00Z", "soon"]) {
      expect(start.safeParse(bad).success, bad).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { hit6Grade, midasGrade } from "./grades";
import { monthlySummaries, type SummarizedEntry } from "./summary";

const day = (date: string, over: Partial<SummarizedEntry> = {}): SummarizedEntry => ({ date, headache: false, migraine: false, pain: 0, acuteMedicine: false, ...over });

describe("monthlySummaries", () => {
  it("counts each month's headache, migraine and medicine days and averages pain over headache days", () => {
    const months = monthlySummaries([
      day("2026-10-31", { headache: true, pain: 9, migraine: true, acuteMedicine: true }),
      day("2026-11-02", { headache: true, pain: 6 }),
      day("2026-11-01", { headache: true, pain: 3, migraine: true, acuteMedicine: true }),
      day("2026-11-03"),
    ]);
    expect(months).toEqual([
      { month: "2026-10", daysRecorded: 1, headacheDays: 1, migraineDays: 1, acuteMedicineDays: 1, averagePain: 9 },
      { month: "2026-11", daysRecorded: 3, headacheDays: 2, migraineDays: 1, acuteMedicineDays: 1, averagePain: 4.5 },
    ]);
  });

  it("gives no average pain for a month without headache, and nothing for months without entries", () => {
    expect(monthlySummaries([day("2026-01-05")])).toEqual([{ month: "2026-01", daysRecorded: 1, headacheDays: 0, migraineDays: 0, acuteMedicineDays: 0, averagePain: null }]);
    expect(monthlySummaries([])).toEqual([]);
  });

  it("never counts more headache than recorded days, nor more migraine than headache days", () => {
    const entry = fc.record({
      date: fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
      headache: fc.boolean(),
      pain: fc.integer({ min: 1, max: 10 }),
      migraineIfHeadache: fc.boolean(),
      acuteMedicine: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.date, maxLength: 120 }), (raw) => {
        const entries = raw.map((e) => day(e.date, { headache: e.headache, migraine: e.headache && e.migraineIfHeadache, pain: e.headache ? e.pain : 0, acuteMedicine: e.acuteMedicine }));
        const months = monthlySummaries(entries);
        expect(months.reduce((n, m) => n + m.daysRecorded, 0)).toBe(entries.length);
        for (const m of months) {
          expect(m.headacheDays).toBeLessThanOrEqual(m.daysRecorded);
          expect(m.migraineDays).toBeLessThanOrEqual(m.headacheDays);
          if (m.averagePain !== null) expect(m.averagePain).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});

describe("grades", () => {
  it("grades MIDAS at 0–5, 6–10, 11–20 and 21 or more", () => {
    expect([0, 5, 6, 10, 11, 20, 21, 270].map(midasGrade).map((g) => g.split(":")[0])).toEqual(["Grade I", "Grade I", "Grade II", "Grade II", "Grade III", "Grade III", "Grade IV", "Grade IV"]);
  });

  it("grades HIT-6 at 49 or less, 50–55, 56–59 and 60 or more", () => {
    expect([36, 49, 50, 55, 56, 59, 60, 78].map(hit6Grade)).toEqual(["Little or no impact", "Little or no impact", "Some impact", "Some impact", "Substantial impact", "Substantial impact", "Severe impact", "Severe impact"]);
  });
});

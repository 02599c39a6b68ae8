import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/ui/time-zone";
import { treatmentResponse, type DiaryDay } from "./response";

const TODAY = "2026-12-01";
/** `count` consecutive diary days from `from`, the first `headache` of them with a headache. */
function days(from: string, count: number, headache: number): DiaryDay[] {
  return Array.from({ length: count }, (_, i) => ({ date: addDays(from, i), headache: i < headache }));
}

describe("treatment response", () => {
  const first = "2026-05-01";
  const second = addDays(first, 84);
  const baselineDays = days(addDays(first, -28), 28, 20);

  it("counts the baseline from the diary's 28 days before the first treatment", () => {
    const r = treatmentResponse({ days: baselineDays, treatments: [first], intakeHeadacheDaysPerMonth: 9, today: TODAY });
    expect(r.baseline).toEqual({ source: "diary", from: "2026-04-03", to: "2026-04-30", daysRecorded: 28, headacheDaysPer28: 20 });
  });

  it("falls back to the intake's days a month when the diary before was not kept, per 28 days", () => {
    const r = treatmentResponse({ days: days(addDays(first, -28), 10, 10), treatments: [first], intakeHeadacheDaysPerMonth: 15, today: TODAY });
    expect(r.baseline).toEqual({ source: "intake", headacheDaysPer28: 13.8 });
    expect(treatmentResponse({ days: [], treatments: [first], intakeHeadacheDaysPerMonth: null, today: TODAY }).baseline).toBeNull();
  });

  it("gives each cycle's headache days per 28 against the baseline, and a verdict only after two complete cycles", () => {
    // Cycle 1: 84 days with 42 headache days (14 per 28, 30 % fewer); cycle 2: 84 days with 21 (7 per 28, 65 % fewer).
    const all = [...baselineDays, ...days(first, 84, 42), ...days(second, 84, 21)];
    const afterOne = treatmentResponse({ days: all, treatments: [first], intakeHeadacheDaysPerMonth: null, today: addDays(first, 83) });
    expect(afterOne.cycles).toEqual([{ treatedOn: first, from: first, to: addDays(first, 83), complete: true, daysRecorded: 84, headacheDaysPer28: 14, changePercent: -30 }]);
    expect(afterOne.verdict).toBeNull();

    const midTwo = treatmentResponse({ days: all, treatments: [first, second], intakeHeadacheDaysPerMonth: null, today: addDays(second, 40) });
    expect(midTwo.cycles[1]).toMatchObject({ complete: false, to: addDays(second, 40) });
    expect(midTwo.verdict).toBeNull();

    const afterTwo = treatmentResponse({ days: all, treatments: [second, first], intakeHeadacheDaysPerMonth: null, today: TODAY });
    expect(afterTwo.cycles.map((c) => c.changePercent)).toEqual([-30, -65]);
    expect(afterTwo.verdict).toBe("responding");
    expect(treatmentResponse({ days: all, treatments: [first, second], intakeHeadacheDaysPerMonth: null, today: TODAY, thresholdPercent: 70 }).verdict).toBe("below_threshold");
  });

  it("does not measure a cycle whose diary has fewer than half its days", () => {
    const sparse = [...baselineDays, ...days(first, 30, 0)];
    const r = treatmentResponse({ days: sparse, treatments: [first], intakeHeadacheDaysPerMonth: null, today: TODAY });
    expect(r.cycles[0]).toMatchObject({ daysRecorded: 30, headacheDaysPer28: null, changePercent: null });
  });

  it("ignores a treatment dated after today and answers nothing without treatments", () => {
    expect(treatmentResponse({ days: baselineDays, treatments: [], intakeHeadacheDaysPerMonth: 12, today: TODAY })).toEqual({ baseline: null, cycles: [], thresholdPercent: 30, verdict: null });
    expect(treatmentResponse({ days: baselineDays, treatments: ["2027-01-01"], intakeHeadacheDaysPerMonth: 12, today: TODAY }).cycles).toEqual([]);
  });

  it("never rates a window above 28 headache days, and reads fewer headache days as a fall", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 84, maxLength: 84 }), fc.integer({ min: 1, max: 28 }), (headaches, before) => {
        const diary = [...days(addDays(first, -28), 28, before), ...headaches.map((headache, i) => ({ date: addDays(first, i), headache }))];
        const [cycle] = treatmentResponse({ days: diary, treatments: [first], intakeHeadacheDaysPerMonth: null, today: TODAY }).cycles;
        expect(cycle!.headacheDaysPer28).toBeGreaterThanOrEqual(0);
        expect(cycle!.headacheDaysPer28).toBeLessThanOrEqual(28);
        if (cycle!.headacheDaysPer28! < before) expect(cycle!.changePercent).toBeLessThanOrEqual(0);
        if (cycle!.headacheDaysPer28! > before) expect(cycle!.changePercent).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

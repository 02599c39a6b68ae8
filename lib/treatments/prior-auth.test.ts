import { describe, expect, it } from "vitest";
import type { MonthSummary } from "@/lib/diary/summary";
import { lastThreeMonths, priorAuthChecklist } from "./prior-auth";
import type { TreatmentResponse } from "./response";

const TODAY = "2026-12-01";
const month = (m: string, daysRecorded: number, headacheDays: number, migraineDays: number): MonthSummary => ({ month: m, daysRecorded, headacheDays, migraineDays, acuteMedicineDays: 0, averagePain: null });
const noResponse: TreatmentResponse = { baseline: null, cycles: [], thresholdPercent: 30, verdict: null };
const none = { antiepileptic: "", betaBlocker: "", antidepressant: "", candesartan: "", cgrpAntibody: "", other: "" } as const;
const status = (items: ReturnType<typeof priorAuthChecklist>, key: string) => items.find((i) => i.key === key)!.status;

describe("the prior-authorization checklist", () => {
  it("reads the three calendar months before today's, across a year's end", () => {
    expect(lastThreeMonths("2026-12-01")).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(lastThreeMonths("2027-02-15")).toEqual(["2026-11", "2026-12", "2027-01"]);
  });

  it("meets the day counts from the diary, fails them only on fully recorded months, and else falls back to the intake", () => {
    const full = [month("2026-09", 30, 18, 9), month("2026-10", 31, 16, 8), month("2026-11", 30, 17, 10)];
    const items = priorAuthChecklist({ today: TODAY, months: full, intake: null, treatments: [], response: noResponse });
    expect(status(items, "headache-days")).toBe("met");
    expect(status(items, "migraine-days")).toBe("met");
    expect(items[0]!.evidence).toContain("Oct 2026 16 (31 of 31 days recorded)");

    const lowFull = [month("2026-09", 30, 18, 9), month("2026-10", 31, 12, 8), month("2026-11", 30, 17, 10)];
    expect(status(priorAuthChecklist({ today: TODAY, months: lowFull, intake: { headacheDaysPerMonth: 20 }, treatments: [], response: noResponse }), "headache-days")).toBe("not_met");

    const sparse = [month("2026-09", 10, 5, 2), month("2026-11", 12, 9, 3)];
    const fromIntake = priorAuthChecklist({ today: TODAY, months: sparse, intake: { headacheDaysPerMonth: 16 }, treatments: [], response: noResponse });
    expect(status(fromIntake, "headache-days")).toBe("met");
    expect(fromIntake[0]!.evidence).toContain("Intake, self-reported: 16 a month");
    expect(status(fromIntake, "migraine-days")).toBe("unknown");
    expect(status(priorAuthChecklist({ today: TODAY, months: sparse, intake: null, treatments: [], response: noResponse }), "headache-days")).toBe("unknown");
  });

  it("counts preventive classes tried for 60 days or stopped for side effects, and knows when the intake never asked", () => {
    const two = { ...none, antiepileptic: "60-days", betaBlocker: "side-effects", candesartan: "shorter" } as const;
    const items = priorAuthChecklist({ today: TODAY, months: [], intake: { headacheDaysPerMonth: 15, preventives: two }, treatments: [], response: noResponse });
    expect(status(items, "preventives")).toBe("met");
    expect(items.find((i) => i.key === "preventives")!.evidence).toBe("Intake: An antiepileptic (60+ days); A beta-blocker (stopped for side effects); Candesartan (under 60 days). Some plans ask for 3");
    expect(status(priorAuthChecklist({ today: TODAY, months: [], intake: { headacheDaysPerMonth: 15, preventives: { ...none, candesartan: "shorter" } }, treatments: [], response: noResponse }), "preventives")).toBe("not_met");
    expect(status(priorAuthChecklist({ today: TODAY, months: [], intake: { headacheDaysPerMonth: 15 }, treatments: [], response: noResponse }), "preventives")).toBe("unknown");
  });

  it("checks the 12-week interval and, after two cycles, the fall in headache days", () => {
    expect(status(priorAuthChecklist({ today: TODAY, months: [], intake: null, treatments: ["2026-05-01", "2026-07-24"], response: noResponse }), "interval")).toBe("met");
    expect(status(priorAuthChecklist({ today: TODAY, months: [], intake: null, treatments: ["2026-05-01", "2026-07-01"], response: noResponse }), "interval")).toBe("not_met");
    const responding: TreatmentResponse = {
      baseline: { source: "intake", headacheDaysPer28: 20 },
      cycles: [
        { treatedOn: "2026-05-01", from: "2026-05-01", to: "2026-07-23", complete: true, daysRecorded: 84, headacheDaysPer28: 14, changePercent: -30 },
        { treatedOn: "2026-07-24", from: "2026-07-24", to: "2026-10-15", complete: true, daysRecorded: 84, headacheDaysPer28: 9, changePercent: -55 },
      ],
      thresholdPercent: 30,
      verdict: "responding",
    };
    const items = priorAuthChecklist({ today: TODAY, months: [], intake: null, treatments: ["2026-05-01", "2026-07-24"], response: responding });
    expect(items.find((i) => i.key === "continuation")).toMatchObject({ status: "met", evidence: "Baseline 20 per 28 days (intake); cycle from 2026-07-24: 9 per 28 (-55 %)" });
    expect(status(priorAuthChecklist({ today: TODAY, months: [], intake: null, treatments: [], response: noResponse }), "continuation")).toBe("unknown");
  });
});

import { PREVENTIVE_CLASSES, type PreventiveClass, type PreventiveOutcome } from "@/lib/booking/intake-options";
import type { MonthSummary } from "@/lib/diary/summary";
import { addDays } from "@/lib/ui/time-zone";
import { earliestNextTreatment } from "./interval";
import type { TreatmentResponse } from "./response";

// What insurers typically ask before paying for Botox for chronic migraine, item by item, from the
// patient's diary, intake and treatments (issue 14, part 5). Pure: each item is met, not met or
// unknown, with the evidence in words, so the provider can check it against the plan's own form.
//
// Diary months: the last three calendar months before today's. A month meets a "≥ N days" item
// with N recorded; it fails it only when fully recorded (unrecorded days might have been headache
// days); otherwise it is unknown. The intake's self-reported "headache days a month" stands in when
// the diary cannot decide.

export type ItemStatus = "met" | "not_met" | "unknown";
export type ChecklistItem = { key: string; label: string; status: ItemStatus; evidence: string };

export const HEADACHE_DAYS_MIN = 15;
export const MIGRAINE_DAYS_MIN = 8;
export const PREVENTIVE_CLASSES_MIN = 2;

type IntakeFacts = { headacheDaysPerMonth: number | null; preventives?: Record<PreventiveClass, PreventiveOutcome> | undefined };

function monthName(month: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The three calendar months before the one `today` is in, oldest first. */
export function lastThreeMonths(today: string): string[] {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const months: string[] = [];
  let day = addDays(firstOfMonth, -1);
  for (let i = 0; i < 3; i++) {
    months.unshift(day.slice(0, 7));
    day = addDays(`${day.slice(0, 7)}-01`, -1);
  }
  return months;
}

function monthlyItem(key: string, label: string, min: number, field: "headacheDays" | "migraineDays", months: string[], summaries: readonly MonthSummary[], fallback: number | null): ChecklistItem {
  const rows = months.map((month) => {
    const s = summaries.find((x) => x.month === month);
    return { month, recorded: s?.daysRecorded ?? 0, days: s?.[field] ?? 0, full: (s?.daysRecorded ?? 0) >= daysInMonth(month) };
  });
  const evidence = `Diary: ${rows.map((r) => `${monthName(r.month)} ${r.days} (${r.recorded} of ${daysInMonth(r.month)} days recorded)`).join(", ")}`;
  if (rows.every((r) => r.days >= min)) return { key, label, status: "met", evidence };
  if (rows.some((r) => r.full && r.days < min)) return { key, label, status: "not_met", evidence };
  if (fallback !== null) {
    return { key, label, status: fallback >= min ? "met" : "not_met", evidence: `${evidence}. Intake, self-reported: ${fallback} a month` };
  }
  return { key, label, status: "unknown", evidence: `${evidence}. Not enough days recorded to tell` };
}

function preventivesItem(intake: IntakeFacts | null): ChecklistItem {
  const key = "preventives";
  const label = `Preventive medicines of at least ${PREVENTIVE_CLASSES_MIN} different classes tried (60 days each, or stopped for side effects)`;
  if (!intake?.preventives) return { key, label, status: "unknown", evidence: "The intake did not ask about preventive medicines" };
  const counted = PREVENTIVE_CLASSES.filter((c) => intake.preventives![c.key] === "60-days" || intake.preventives![c.key] === "side-effects");
  const tried = PREVENTIVE_CLASSES.filter((c) => intake.preventives![c.key] !== "");
  const evidence =
    tried.length === 0
      ? "Intake: none tried"
      : `Intake: ${tried.map((c) => `${c.label.replace(/, such as .*/, "")} (${intake.preventives![c.key] === "60-days" ? "60+ days" : intake.preventives![c.key] === "side-effects" ? "stopped for side effects" : "under 60 days"})`).join("; ")}`;
  return { key, label, status: counted.length >= PREVENTIVE_CLASSES_MIN ? "met" : "not_met", evidence: `${evidence}. Some plans ask for 3` };
}

function intervalItem(treatments: readonly string[]): ChecklistItem {
  const key = "interval";
  const label = "No re-treatment sooner than 12 weeks";
  const next = earliestNextTreatment(treatments);
  if (!next) return { key, label, status: "met", evidence: "No treatment recorded yet" };
  const sorted = [...treatments].sort();
  const gaps = sorted.slice(1).map((t, i) => Math.round((Date.parse(t) - Date.parse(sorted[i]!)) / 86_400_000));
  const ok = gaps.every((g) => g >= 84);
  return { key, label, status: ok ? "met" : "not_met", evidence: `Treatments on ${sorted.join(", ")}${gaps.length ? ` (${gaps.join(", ")} days apart)` : ""}; the next from ${next}` };
}

function continuationItem(response: TreatmentResponse): ChecklistItem {
  const key = "continuation";
  const label = `To continue after two cycles: headache days down by at least ${response.thresholdPercent} %`;
  const latest = response.cycles.filter((c) => c.complete && c.changePercent !== null).at(-1);
  if (!response.verdict || !latest) return { key, label, status: "unknown", evidence: "Two complete, measured cycles are needed" };
  const baseline = response.baseline!;
  return {
    key,
    label,
    status: response.verdict === "responding" ? "met" : "not_met",
    evidence: `Baseline ${baseline.headacheDaysPer28} per 28 days (${baseline.source}); cycle from ${latest.treatedOn}: ${latest.headacheDaysPer28} per 28 (${latest.changePercent} %)`,
  };
}

export function priorAuthChecklist(input: { today: string; months: readonly MonthSummary[]; intake: IntakeFacts | null; treatments: readonly string[]; response: TreatmentResponse }): ChecklistItem[] {
  const months = lastThreeMonths(input.today);
  const reported = input.intake?.headacheDaysPerMonth ?? null;
  return [
    monthlyItem("headache-days", `At least ${HEADACHE_DAYS_MIN} headache days a month for 3 months`, HEADACHE_DAYS_MIN, "headacheDays", months, input.months, reported),
    monthlyItem("migraine-days", `At least ${MIGRAINE_DAYS_MIN} migraine days a month for 3 months`, MIGRAINE_DAYS_MIN, "migraineDays", months, input.months, null),
    preventivesItem(input.intake),
    intervalItem(input.treatments),
    continuationItem(input.response),
  ];
}

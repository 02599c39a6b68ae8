import { addDays } from "@/lib/ui/time-zone";
import { INTERVAL_DAYS } from "./interval";

// Whether treatment is helping, as clinics and insurers judge it: headache days before the first
// treatment (the baseline) against headache days in each cycle since. Pure: the caller passes the
// diary's days, the treatment dates and today.
//
// Every figure is headache days per 28 days, so a cycle of 90 days and a baseline of 28 compare.
// A window counts only when at least half its days were recorded: a diary kept on two days of a
// month says nothing about the month. The intake's "headache days in a typical month" stands in
// for a diary that was not kept before the first treatment.

export const BASELINE_DAYS = 28;
export const MIN_RECORDED_SHARE = 0.5;
export const DEFAULT_THRESHOLD_PERCENT = 30;
const DAYS_PER_MONTH = 30.44;

export type DiaryDay = { date: string; headache: boolean };

export type Baseline =
  | { source: "diary"; from: string; to: string; daysRecorded: number; headacheDaysPer28: number }
  | { source: "intake"; headacheDaysPer28: number };

export type CycleResult = {
  treatedOn: string;
  /** The cycle's days: from the treatment to the day before the next one, or to today. */
  from: string;
  to: string;
  /** Reached the next treatment or day 84: what it shows will not change with more days. */
  complete: boolean;
  daysRecorded: number;
  /** Null when too few of the cycle's days were recorded. */
  headacheDaysPer28: number | null;
  /** Against the baseline, in whole percent (negative is fewer headache days); null without both. */
  changePercent: number | null;
};

export type Verdict = "responding" | "below_threshold";

export type TreatmentResponse = {
  baseline: Baseline | null;
  cycles: CycleResult[];
  thresholdPercent: number;
  /** Once two cycles are complete and measured: the latest one's fall against the threshold. */
  verdict: Verdict | null;
};

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Days from `from` to `to`, both included. */
function span(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Headache days per 28 in the window, or null when under half its days were recorded. */
function rate(days: readonly DiaryDay[], from: string, to: string): { daysRecorded: number; per28: number | null } {
  const inside = days.filter((d) => d.date >= from && d.date <= to);
  const length = span(from, to);
  if (length <= 0 || inside.length < Math.ceil(length * MIN_RECORDED_SHARE)) return { daysRecorded: inside.length, per28: null };
  const headache = inside.filter((d) => d.headache).length;
  return { daysRecorded: inside.length, per28: oneDecimal((headache / inside.length) * 28) };
}

export function treatmentResponse(input: {
  days: readonly DiaryDay[];
  /** Completed treatment dates, any order. */
  treatments: readonly string[];
  /** From the intake sent before the first treatment; null when it did not ask or was not answered. */
  intakeHeadacheDaysPerMonth: number | null;
  today: string;
  thresholdPercent?: number;
}): TreatmentResponse {
  const thresholdPercent = input.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT;
  const treatments = [...new Set(input.treatments)].filter((t) => t <= input.today).sort();
  if (treatments.length === 0) return { baseline: null, cycles: [], thresholdPercent, verdict: null };

  const first = treatments[0]!;
  const before = { from: addDays(first, -BASELINE_DAYS), to: addDays(first, -1) };
  const fromDiary = rate(input.days, before.from, before.to);
  const baseline: Baseline | null =
    fromDiary.per28 !== null
      ? { source: "diary", ...before, daysRecorded: fromDiary.daysRecorded, headacheDaysPer28: fromDiary.per28 }
      : input.intakeHeadacheDaysPerMonth !== null
        ? { source: "intake", headacheDaysPer28: oneDecimal((input.intakeHeadacheDaysPerMonth * 28) / DAYS_PER_MONTH) }
        : null;

  const cycles = treatments.map((treatedOn, i): CycleResult => {
    const next = treatments[i + 1];
    const dayBeforeNext = next ? addDays(next, -1) : null;
    const fullLength = addDays(treatedOn, INTERVAL_DAYS - 1);
    const to = dayBeforeNext ?? (fullLength < input.today ? fullLength : input.today);
    const measured = rate(input.days, treatedOn, to);
    const changePercent =
      measured.per28 !== null && baseline && baseline.headacheDaysPer28 > 0
        ? Math.round(((measured.per28 - baseline.headacheDaysPer28) / baseline.headacheDaysPer28) * 100)
        : null;
    return { treatedOn, from: treatedOn, to, complete: next !== undefined || to === fullLength, daysRecorded: measured.daysRecorded, headacheDaysPer28: measured.per28, changePercent };
  });

  const judged = cycles.filter((c) => c.complete && c.changePercent !== null);
  const latest = judged.at(-1);
  const verdict: Verdict | null = judged.length >= 2 && latest ? (-latest.changePercent! >= thresholdPercent ? "responding" : "below_threshold") : null;
  return { baseline, cycles, thresholdPercent, verdict };
}

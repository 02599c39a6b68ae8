import { z } from "zod";
import { safeString } from "@/lib/validation/text";
import { addDays, isCalendarDate } from "@/lib/ui/time-zone";
import { MEDICINE_CODES, MEDICINES } from "./medicines";

// What a diary entry and a score accept, from the JSON API and from the diary page's forms alike.

/** The earliest day a diary may go back to: old enough for any real history, not year 0001. */
export const EARLIEST_DAY = "2015-01-01";
/** The longest span one read returns (about four years of days). */
export const MAX_RANGE_DAYS = 1_461;

/**
 * Today as a diary date. UTC runs ahead of every US zone, so this is never before the patient's
 * own today (at worst it lets an evening entry for tomorrow through, never refuses today's).
 */
export function diaryToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export const diaryDay = safeString("Give the day as YYYY-MM-DD.")
  .refine(isCalendarDate, "Give the day as YYYY-MM-DD.")
  .refine((day) => day >= EARLIEST_DAY, `The diary starts in ${EARLIEST_DAY.slice(0, 4)}.`)
  .refine((day) => day <= diaryToday(), "That day has not happened yet.");

export const diaryEntrySchema = z
  .object({
    date: diaryDay,
    headache: z.boolean({ message: "Say whether you had a headache or pain." }),
    migraine: z.boolean({ message: "Say whether it was migraine-like." }).default(false),
    pain: z.number({ message: "Peak pain is a number from 0 to 10." }).int("Peak pain is a whole number from 0 to 10.").min(0, "Peak pain is 0 to 10.").max(10, "Peak pain is 0 to 10."),
    hours: z.number({ message: "Hours is a number from 0 to 24." }).min(0, "Hours is 0 to 24.").max(24, "Hours is 0 to 24.").multipleOf(0.5, "Hours go in half hours."),
    acuteMedicine: z.boolean({ message: "Say whether you took medicine for it." }).default(false),
    medicines: z.array(z.enum(MEDICINE_CODES, { message: "Pick medicines from the list." })).max(MEDICINES.length).default([]),
    note: safeString().trim().max(1_000, "Keep the note under 1,000 characters.").optional(),
  })
  .superRefine((entry, context) => {
    if (entry.migraine && !entry.headache) context.addIssue({ code: "custom", path: ["migraine"], message: "A migraine-like day is a headache day: answer yes to headache or pain first." });
    if (!entry.headache && entry.pain > 0) context.addIssue({ code: "custom", path: ["pain"], message: "Without a headache or pain, peak pain is 0." });
    if (!entry.headache && entry.hours > 0) context.addIssue({ code: "custom", path: ["hours"], message: "Without a headache or pain, hours is 0." });
    if (!entry.acuteMedicine && entry.medicines.length > 0) context.addIssue({ code: "custom", path: ["medicines"], message: "Tick that you took medicine, or clear the medicines." });
  })
  .transform((entry) => ({ ...entry, medicines: [...new Set(entry.medicines)], note: entry.note ? entry.note : undefined }));

export type DiaryEntryInput = z.infer<typeof diaryEntrySchema>;

export const SCORE_RANGES = { MIDAS: { min: 0, max: 270 }, "HIT-6": { min: 36, max: 78 } } as const;
export type Instrument = keyof typeof SCORE_RANGES;

export const scoreSchema = z
  .object({
    instrument: z.enum(["MIDAS", "HIT-6"], { message: "Pick MIDAS or HIT-6." }),
    date: diaryDay,
    total: z.number({ message: "The total is a whole number." }).int("The total is a whole number."),
  })
  .superRefine((score, context) => {
    const { min, max } = SCORE_RANGES[score.instrument];
    if (score.total < min || score.total > max) context.addIssue({ code: "custom", path: ["total"], message: `A ${score.instrument} total is ${min} to ${max}.` });
  });

export type ScoreInput = z.infer<typeof scoreSchema>;

/** `from`/`to` of a diary read: both optional (the last 12 months), within four years of each other. */
export function parseDiaryRange(from: string | null, to: string | null, today: string = diaryToday()): { ok: true; from: string; to: string } | { ok: false; field: "from" | "to"; message: string } {
  for (const [field, value] of [["from", from], ["to", to]] as const) {
    if (value !== null && !isCalendarDate(value)) return { ok: false, field, message: "Give the day as YYYY-MM-DD." };
  }
  const end = to ?? today;
  const start = from ?? addDays(end, -364);
  if (start > end) return { ok: false, field: "from", message: "`from` must not be after `to`." };
  if ((Date.parse(end) - Date.parse(start)) / 86_400_000 >= MAX_RANGE_DAYS) return { ok: false, field: "from", message: "Ask for at most four years at a time." };
  return { ok: true, from: start, to: end };
}

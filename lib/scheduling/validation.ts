import { z } from "zod";
import { safeString } from "@/lib/validation/text";
import { dollarsToCents } from "@/lib/listing/validation";
import { parseDayRanges, WEEKDAYS, type DayRange } from "./hours-text";

const id = (what: string) => z.uuid({ message: `That ${what} no longer exists. Reload the page.` });

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter ${label} as a number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`)
    .max(max, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`);

export const bookingWindowSchema = z.object({
  minNoticeHours: whole("the minimum notice in hours", 0, 336),
  horizonDays: whole("how many days ahead patients may book", 1, 365),
});

export const responseThresholdSchema = z.object({
  thresholdPercent: whole("the threshold in percent", 10, 90),
});

/** One text per weekday ("day-1" … "day-7"), each parsed into ranges with its own error. */
export const weeklyHoursSchema = z
  .object({ locationId: id("location"), ...Object.fromEntries(WEEKDAYS.map((d) => [`day-${d.weekday}`, safeString().max(200, "Use at most 200 characters.").default("")])) })
  .transform((input, ctx) => {
    const days: { weekday: number; ranges: DayRange[] }[] = [];
    for (const { weekday } of WEEKDAYS) {
      const parsed = parseDayRanges(String((input as Record<string, unknown>)[`day-${weekday}`] ?? ""));
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: [`day-${weekday}`], message: parsed.message });
      else days.push({ weekday, ranges: parsed.ranges });
    }
    return { locationId: input.locationId, days };
  });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

export const timeOffSchema = z
  .object({
    // Empty: every location.
    locationId: z.union([z.literal(""), id("location")]),
    startDate: safeString({ message: "Choose the first day." }).regex(DATE, "Choose the first day."),
    startTime: z.union([z.literal(""), safeString().regex(TIME, "Enter a time like 13:00, or leave it empty for the whole day.")]).default(""),
    endDate: safeString({ message: "Choose the last day." }).regex(DATE, "Choose the last day."),
    endTime: z.union([z.literal(""), safeString().regex(TIME, "Enter a time like 17:00, or leave it empty for the whole day.")]).default(""),
    note: safeString().trim().max(200, "Use at most 200 characters.").default(""),
  })
  .refine((t) => `${t.endDate}T${t.endTime || "24:00"}` > `${t.startDate}T${t.startTime || "00:00"}`, { path: ["endDate"], message: "The end must be after the start." });

export type TimeOffInput = z.infer<typeof timeOffSchema>;

const money = (label: string) =>
  safeString({ message: `Enter ${label} in dollars.` }).transform((value, ctx) => {
    const cents = dollarsToCents(value);
    if (cents === null || cents > 5_000 * 100) {
      ctx.addIssue({ code: "custom", message: `Enter ${label} in dollars, up to $5,000.` });
      return z.NEVER;
    }
    return cents;
  });

export const appointmentTypeSchema = z
  .object({
    id: z.union([z.literal(""), id("appointment type")]).default(""),
    kind: z.enum(["initial_consultation", "treatment", "follow_up"], { message: "Choose the kind of visit." }),
    name: safeString({ message: "Name the visit." }).trim().min(2, "Name the visit, like “New patient consultation”.").max(80, "Use at most 80 characters."),
    minutes: whole("the length in minutes", 5, 480).refine((m) => m % 5 === 0, "Use a length in steps of 5 minutes."),
    bufferAfterMinutes: whole("the buffer in minutes", 0, 240),
    feeCents: money("the fee"),
    depositCents: money("the deposit"),
    telehealthAllowed: z.preprocess((v) => v === "on", z.boolean()),
    confirmsAutomatically: z.preprocess((v) => v === "on", z.boolean()),
  })
  .refine((t) => t.depositCents <= t.feeCents, { path: ["depositCents"], message: "The deposit cannot be more than the fee." });

export type AppointmentTypeInput = z.infer<typeof appointmentTypeSchema>;
export type WeeklyHoursInput = z.infer<typeof weeklyHoursSchema>;

export const timeOffIdSchema = z.object({ id: id("time off") });
export const appointmentTypeIdSchema = z.object({ id: id("appointment type") });

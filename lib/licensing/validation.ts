import { z } from "zod";
import { safeString } from "@/lib/validation/text";
import { STATE_CODES, stateName } from "@/lib/geo/states";
import { isCalendarDate } from "@/lib/ui/time-zone";
import { isValidNpi } from "./npi";

// A license runs a few years at most; a date decades out is a typo, not a license.
const MAX_YEARS_AHEAD = 10;

const licenseNumber = (label: string) =>
  safeString({ message: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(40, `Use at most 40 characters for the ${label}.`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, `Use letters, digits, spaces, dots, slashes or dashes in the ${label}.`)
    .transform((v) => v.toUpperCase().replace(/\s+/g, " "));

/** An expiry date that has not passed (`today` as YYYY-MM-DD, UTC like the trust rule). */
const expiry = (today: string, required: boolean) =>
  safeString({ message: "Enter the expiry date." })
    .trim()
    .transform((value, ctx) => {
      if (value === "") {
        if (!required) return null;
        ctx.addIssue({ code: "custom", message: "Enter the expiry date." });
        return z.NEVER;
      }
      if (!isCalendarDate(value)) {
        ctx.addIssue({ code: "custom", message: "Enter the expiry date as a real date, like 2027-06-30." });
        return z.NEVER;
      }
      if (value < today) {
        ctx.addIssue({ code: "custom", message: "That date has passed: submit the renewed license with its new expiry date." });
        return z.NEVER;
      }
      const limit = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
      if (value > limit) {
        ctx.addIssue({ code: "custom", message: `Check the expiry date: licenses run at most ${MAX_YEARS_AHEAD} years.` });
        return z.NEVER;
      }
      return value;
    });

export const npiSchema = z.object({
  number: safeString({ message: "Enter your 10-digit NPI." })
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(
      safeString()
        .regex(/^\d{10}$/, "An NPI has exactly 10 digits.")
        .refine(isValidNpi, "That NPI's check digit does not match: look for a mistyped digit."),
    ),
});

export function stateLicenseSchema(today: string) {
  return z.object({
    state: z.enum(STATE_CODES, { message: "Choose the state that issued the license." }),
    number: licenseNumber("license number"),
    expiresOn: expiry(today, true),
  });
}

export function boardCertificationSchema(today: string) {
  return z.object({
    issuer: safeString({ message: "Enter the certifying board." })
      .trim()
      .min(3, "Enter the certifying board, like “American Board of Psychiatry and Neurology”.")
      .max(120, "Use at most 120 characters for the board's name."),
    number: licenseNumber("certificate number"),
    expiresOn: expiry(today, false),
  });
}

export type NpiInput = z.infer<typeof npiSchema>;
export type StateLicenseInput = z.infer<ReturnType<typeof stateLicenseSchema>>;
export type BoardCertificationInput = z.infer<ReturnType<typeof boardCertificationSchema>>;

const id = z.uuid({ message: "That license no longer exists. Reload the page." });

export const approveSchema = z.object({
  id,
  sourceNote: safeString({ message: "Say where you checked this license." })
    .trim()
    .min(5, "Say where you checked this license, like “NY Office of the Professions lookup”.")
    .max(500, "Use at most 500 characters."),
});

export const rejectSchema = z.object({
  id,
  reason: safeString({ message: "Give the provider a reason." })
    .trim()
    .min(5, "Give the provider a reason they can act on.")
    .max(500, "Use at most 500 characters."),
});

export const licenseIdSchema = z.object({ id });

export function describeLicense(license: { kind: "npi" | "state" | "board"; state: string | null; issuer?: string | null }): string {
  if (license.kind === "npi") return "NPI";
  if (license.kind === "state") return `${license.state ? stateName(license.state) : "State"} license`;
  return license.issuer ? `${license.issuer} certification` : "Board certification";
}

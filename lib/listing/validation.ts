import { z } from "zod";
import { safeString } from "@/lib/validation/text";
import { LANGUAGES } from "@/lib/search/languages";
import { CREDENTIALS, GENDERS } from "./options";

export const MAX_UNIT_PRICE_DOLLARS = 100;

const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [string, ...string[]];
const SLUG = /^[a-z0-9-]{1,60}$/;

const text = (label: string, min: number, max: number) =>
  safeString({ message: `Enter ${label}.` })
    .trim()
    .min(min, min <= 1 ? `Enter ${label}.` : `Use at least ${min} characters for ${label}.`)
    .max(max, `Use at most ${max} characters for ${label}.`);

const optionalText = (label: string, max: number) =>
  safeString({ message: `Enter ${label} as text.` }).trim().max(max, `Use at most ${max} characters for ${label}.`).default("");

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `${capitalize(label)} must be at least ${min}.`)
    .max(max, `${capitalize(label)} must be at most ${max}.`);

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "$1,200.50", "200" or "0" → cents. People type prices with symbols and separators. */
export function dollarsToCents(input: string): number | null {
  const cleaned = input.trim().replace(/^\$\s*/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/**
 * The clinic's video-visit room: an https address patients open after confirmation. Hostile input is
 * the norm for links shown to others, so only a plain https URL with a real host and no embedded
 * credentials passes; empty means "none".
 */
export function parseVideoVisitUrl(input: string): { ok: true; url: string | null } | { ok: false } {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: true, url: null };
  if (trimmed.length > 500 || /\s/.test(trimmed)) return { ok: false };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false };
  }
  if (url.protocol !== "https:" || url.username || url.password || !url.hostname.includes(".") || url.hostname.endsWith(".")) return { ok: false };
  return { ok: true, url: url.href };
}

export const VIDEO_VISIT_URL_MESSAGE = "Enter your video-visit link starting with https://, or leave it empty.";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const conditionDetails = z.object({
  yearsTreating: wholeNumber("years treating it", 0, 70),
  note: optionalText("the note", 500),
});

// Keyed by slug while validating, so an error's path names the condition's own fields
// ("conditions.tmj-jaw-pain.yearsTreating"); a list afterwards.
const listingConditions = z
  .record(safeString().regex(SLUG, "Choose conditions from the list."), conditionDetails, { message: "Choose conditions from the list." })
  .refine((r) => Object.keys(r).length <= 20, "Choose at most 20 conditions.")
  .transform((r) => Object.entries(r).map(([slug, details]) => ({ slug, ...details })));

export const listingSchema = z
  .object({
    name: text("your name as patients should see it", 2, 120),
    credentials: z.enum(CREDENTIALS, { message: "Choose your credential." }),
    specialty: text("your specialty", 2, 80),
    bio: optionalText("your bio", 4000),
    yearsExperience: wholeNumber("years of experience", 0, 70),
    languages: z
      .array(z.enum(LANGUAGE_CODES, { message: "Choose languages from the list." }), { message: "Choose at least one language." })
      .min(1, "Choose at least one language you consult in.")
      .max(LANGUAGE_CODES.length),
    gender: z.enum(GENDERS, { message: "Choose one of the options." }),
    telehealth: checkbox,
    videoVisitUrl: safeString({ message: VIDEO_VISIT_URL_MESSAGE }).default("").transform((value, ctx) => {
      const parsed = parseVideoVisitUrl(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: VIDEO_VISIT_URL_MESSAGE });
        return z.NEVER;
      }
      return parsed.url;
    }),
    selfPay: checkbox,
    carriers: z.array(safeString().regex(SLUG, "Choose carriers from the list."), { message: "Choose carriers from the list." }).max(50),
    pricePerUnitCents: safeString({ message: "Enter the price per unit in dollars." })
      .transform((value, ctx) => {
        if (value.trim() === "") return null;
        const cents = dollarsToCents(value);
        if (cents === null || cents > MAX_UNIT_PRICE_DOLLARS * 100) {
          ctx.addIssue({ code: "custom", message: `Enter the price per unit in dollars, up to $${MAX_UNIT_PRICE_DOLLARS}, or leave it empty.` });
          return z.NEVER;
        }
        return cents;
      }),
    cancellationWindowHours: wholeNumber("the cancellation window in hours", 0, 168),
    cancellationPolicy: optionalText("the cancellation policy", 1000),
    conditions: listingConditions,
  });

export type ListingInput = z.infer<typeof listingSchema>;

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

const strings = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");

/**
 * The listing form's fields → the object listingSchema parses. A condition is one checkbox
 * (`conditions`, value = slug) with `years-<slug>` and `note-<slug>` beside it.
 */
export function listingFormToInput(form: FormData): unknown {
  return {
    name: field(form, "name"),
    credentials: field(form, "credentials"),
    specialty: field(form, "specialty"),
    bio: field(form, "bio") ?? "",
    yearsExperience: field(form, "yearsExperience"),
    languages: strings(form, "languages"),
    gender: field(form, "gender"),
    telehealth: field(form, "telehealth") ?? false,
    videoVisitUrl: field(form, "videoVisitUrl") ?? "",
    selfPay: field(form, "selfPay") ?? false,
    carriers: strings(form, "carriers"),
    pricePerUnitCents: field(form, "pricePerUnit") ?? "",
    cancellationWindowHours: field(form, "cancellationWindowHours"),
    cancellationPolicy: field(form, "cancellationPolicy") ?? "",
    conditions: Object.fromEntries(
      strings(form, "conditions").map((slug) => [slug, { yearsTreating: field(form, `years-${slug}`) || "0", note: field(form, `note-${slug}`) ?? "" }]),
    ),
  };
}

/** Form field names differ from the schema's where the schema holds cents. */
export const LISTING_FIELD_NAMES: Record<string, string> = {
  pricePerUnitCents: "pricePerUnit",
};

export const locationSchema = z.object({
  name: text("a name for this location (like “Midtown office”)", 2, 80),
  addressLine1: text("the street address", 3, 120),
  addressLine2: optionalText("the second address line", 120),
  zip: safeString({ message: "Enter the 5-digit ZIP code." })
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "Enter the 5-digit ZIP code, like 10016.")
    .transform((zip) => zip.slice(0, 5)),
  // Empty means "work it out from the ZIP code".
  timeZone: safeString({ message: "Choose a time zone." }).trim().max(64).default(""),
});

export type LocationInput = z.infer<typeof locationSchema>;

export function locationFormToInput(form: FormData): unknown {
  return {
    name: field(form, "name"),
    addressLine1: field(form, "addressLine1"),
    addressLine2: field(form, "addressLine2") ?? "",
    zip: field(form, "zip"),
    timeZone: field(form, "timeZone") ?? "",
  };
}

export const idSchema = z.object({ id: z.uuid({ message: "That item no longer exists. Reload the page." }) });
/** Removing a location: with the number of upcoming bookings there the provider was shown. */
export const removeLocationSchema = idSchema.extend({ upcoming: wholeNumber("the number of upcoming bookings", 0, 100_000) });
export const publishSchema = z.object({ publish: z.enum(["on", "off"], { message: "Choose publish or unpublish." }) });

export const providerIdSchema = z.object({ providerId: z.uuid({ message: "That provider no longer exists. Reload the page." }) });
export const suspendSchema = providerIdSchema.extend({
  reason: safeString({ message: "Give a reason for the suspension." })
    .trim()
    .min(5, "Give a reason the provider can read and act on.")
    .max(500, "Use at most 500 characters."),
});

import { z } from "zod";
import { safeString } from "@/lib/validation/text";
import { lookupPlace } from "@/lib/geo/places";
import { isLanguageCode } from "./languages";
import { DEFAULT_RADIUS_MI, GENDER_FILTERS, MAX_AVAILABLE_WITHIN_DAYS, SELF_PAY, SORTS, type FilterError, type SearchFilters } from "./types";

const MAX_PARAM_LENGTH = 100;
const MAX_PAGE = 10_000;

export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;
/** The known parameters as the client sent them (first value of each), for refilling a form. */
export type RawFilters = Partial<Record<(typeof FIELDS)[number], string>>;
export type FilterReferences = { conditionSlugs: ReadonlySet<string>; carrierSlugs: ReadonlySet<string> };
export type FilterResult = { ok: true; filters: SearchFilters; raw: RawFilters } | { ok: false; error: FilterError; raw: RawFilters };

const FIELDS = ["condition", "near", "radiusMi", "insurance", "maxFee", "telehealth", "language", "gender", "availableWithinDays", "sort", "page"] as const;

function firstValues(params: RawSearchParams): RawFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  const raw: RawFilters = {};
  for (const field of FIELDS) {
    const value = get(field);
    if (value !== undefined && value !== null) raw[field] = value;
  }
  return raw;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const optionalText = z.preprocess(blankToUndefined, safeString().optional());
const wholeNumber = (message: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    safeString()
      .regex(/^\d+$/, message)
      .transform(Number)
      .refine((n) => n >= min && n <= max, message)
      .optional(),
  );

// A new schema costs about a millisecond to build and first run (zod compiles its parser), more
// than the rest of a search request; references change only with the catalog, so each set gets one.
const schemas = new WeakMap<FilterReferences, ReturnType<typeof buildSchema>>();

function schemaFor(refs: FilterReferences) {
  let schema = schemas.get(refs);
  if (!schema) {
    schema = buildSchema(refs);
    schemas.set(refs, schema);
  }
  return schema;
}

function buildSchema(refs: FilterReferences) {
  return z
    .object({
      condition: optionalText.refine((v) => v === undefined || refs.conditionSlugs.has(v), {
        message: "We don't know that condition. Pick one from the list.",
      }),
      near: optionalText,
      radiusMi: wholeNumber("Radius must be a whole number of miles from 1 to 200.", 1, 200),
      insurance: optionalText.refine((v) => v === undefined || v === SELF_PAY || refs.carrierSlugs.has(v), {
        message: "We don't know that insurance. Pick one from the list, or self-pay.",
      }),
      maxFee: wholeNumber("Maximum fee must be a whole number of dollars from 1 to 100,000.", 1, 100_000),
      telehealth: z.preprocess(
        blankToUndefined,
        z.enum(["1", "0"], { message: "Telehealth must be 1 (only telehealth) or left out." }).optional(),
      ),
      language: optionalText.refine((v) => v === undefined || isLanguageCode(v), {
        message: "We don't know that language. Pick one from the list.",
      }),
      gender: z.preprocess(
        blankToUndefined,
        z.enum(GENDER_FILTERS, { message: "Gender must be female, male or nonbinary, or left out for any." }).optional(),
      ),
      availableWithinDays: wholeNumber(
        `Available within must be a whole number of days from 1 to ${MAX_AVAILABLE_WITHIN_DAYS}.`,
        1,
        MAX_AVAILABLE_WITHIN_DAYS,
      ),
      sort: z.preprocess(blankToUndefined, z.enum(SORTS, { message: "Sort by best match, distance, fee or soonest available." }).optional()),
      page: wholeNumber(`Page must be a whole number from 1 to ${MAX_PAGE.toLocaleString("en-US")}.`, 1, MAX_PAGE),
    })
    .refine((v) => v.sort !== "distance" || v.near !== undefined, {
      message: "Enter a ZIP code or city to sort by distance.",
      path: ["sort"],
    });
}

/**
 * Validates search parameters from a URL. Pure apart from the offline place lookup, so the page,
 * the JSON API and the tests share one set of rules and messages.
 */
export function parseFilters(params: RawSearchParams, refs: FilterReferences): FilterResult {
  const raw = firstValues(params);
  const oversized = FIELDS.find((field) => (raw[field]?.length ?? 0) > MAX_PARAM_LENGTH);
  if (oversized) {
    return { ok: false, raw, error: { field: oversized, message: `That ${oversized} is too long (at most ${MAX_PARAM_LENGTH} characters).` } };
  }
  const parsed = schemaFor(refs).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, raw, error: { field: String(issue.path[0] ?? "query"), message: issue.message } };
  }
  const v = parsed.data;
  let near: SearchFilters["near"] = null;
  if (v.near !== undefined) {
    const found = lookupPlace(v.near);
    if (!found.ok) return { ok: false, raw, error: { field: "near", message: found.message } };
    near = found.place;
  }
  return {
    ok: true,
    raw,
    filters: {
      condition: v.condition ?? null,
      near,
      nearText: v.near ?? null,
      radiusMi: v.radiusMi ?? DEFAULT_RADIUS_MI,
      insurance: v.insurance ?? null,
      maxFeeDollars: v.maxFee ?? null,
      telehealth: v.telehealth === "1",
      language: v.language ?? null,
      gender: v.gender ?? null,
      availableWithinDays: v.availableWithinDays ?? null,
      sort: v.sort ?? "match",
      page: v.page ?? 1,
    },
  };
}

/** The shareable query string of a search ("?condition=…"), leaving defaults out. */
export function filtersToQuery(filters: SearchFilters, overrides: Partial<SearchFilters> = {}): string {
  const f = { ...filters, ...overrides };
  const query = new URLSearchParams();
  if (f.condition) query.set("condition", f.condition);
  if (f.nearText) query.set("near", f.nearText);
  if (f.nearText && f.radiusMi !== DEFAULT_RADIUS_MI) query.set("radiusMi", String(f.radiusMi));
  if (f.insurance) query.set("insurance", f.insurance);
  if (f.maxFeeDollars !== null) query.set("maxFee", String(f.maxFeeDollars));
  if (f.telehealth) query.set("telehealth", "1");
  if (f.language) query.set("language", f.language);
  if (f.gender) query.set("gender", f.gender);
  if (f.availableWithinDays !== null) query.set("availableWithinDays", String(f.availableWithinDays));
  if (f.sort !== "match") query.set("sort", f.sort);
  if (f.page !== 1) query.set("page", String(f.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

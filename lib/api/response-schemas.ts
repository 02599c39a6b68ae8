import { z } from "zod";
import { MEDICINE_CODES } from "@/lib/diary/medicines";
import { safeString } from "@/lib/validation/text";

// The answers of the public JSON routes, as zod schemas for the OpenAPI document
// (lib/api/openapi.ts). Each is strict: lib/api/openapi.int.test.ts calls every route for real and
// parses its answer with the schema the document names, so a field added to a query and not here
// (or the other way round) fails that test instead of going undocumented. The booking DTO's schema
// lives beside its query (lib/booking/patient-booking-schema.ts), its type inferred from it.

const text = safeString();
const instant = z.iso.datetime();
// Instants that Postgres formats (the profile is built as JSON in SQL) carry an offset: +00:00.
const sqlInstant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const cents = z.int().nonnegative();

/** Every refusal: `{"error":{"message",…}}`, some with extra top-level fields (alternatives). */
export const problemSchema = z
  .looseObject({
    error: z.strictObject({
      message: text,
      code: text.optional(),
      field: text.optional(),
      fields: z.record(text, text).optional(),
      earliest: day.optional().meta({ description: "With `too_soon_for_treatment`: the first date (in the clinic's zone) a next treatment may be on." }),
      requestId: text.optional().meta({ description: "On a 500: quote it when reporting the problem." }),
    }),
  })
  .meta({ id: "Problem" });

const rating = z.strictObject({ average: z.number().nullable(), count: z.int().nonnegative() }).meta({ id: "Rating" });

export const providerCardSchema = z
  .strictObject({
    slug: text,
    name: text,
    credentials: text,
    specialty: text,
    photoUrl: text.nullable(),
    distanceMi: z.number().nullable(),
    city: text,
    state: text,
    conditions: z.array(text),
    consultFeeCents: cents,
    insurance: z.array(text),
    selfPay: z.boolean(),
    telehealth: z.boolean(),
    instantBooking: z.boolean().meta({ description: "A consultation can be booked with instant confirmation." }),
    verified: z.literal(true),
    rating,
    nextAvailable: instant
      .nullable()
      .meta({ description: "The first free initial consultation, as the slots API gives it; null when none within 62 days." }),
  })
  .meta({ id: "ProviderCard" });

export const searchResponseSchema = z
  .strictObject({ results: z.array(providerCardSchema), page: z.int().positive(), pageSize: z.int().positive(), total: z.int().nonnegative(), totalIsCapped: z.boolean() })
  .meta({ id: "SearchResponse" });

const publicReview = z
  .strictObject({ id: z.uuid(), rating: z.int().min(1).max(5), text: text.nullable(), author: text, createdAt: instant, editedAt: instant, reply: text.nullable(), repliedAt: instant.nullable() })
  .meta({ id: "PublicReview" });

export const providerProfileSchema = z
  .strictObject({
    slug: text,
    name: text,
    credentials: text,
    specialty: text,
    bio: text,
    photoUrl: text.nullable(),
    yearsExperience: z.int().nonnegative(),
    languages: z.array(text),
    gender: text,
    telehealth: z.boolean(),
    selfPay: z.boolean(),
    consultFeeCents: cents,
    pricePerUnitCents: cents.nullable(),
    depositCents: cents,
    cancellationWindowHours: z.int().nonnegative(),
    cancellationPolicy: text,
    horizonDays: z.int().positive().meta({ description: "How far ahead patients may book, in days." }),
    updatedAt: sqlInstant,
    conditions: z.array(z.strictObject({ slug: text, name: text, yearsTreating: z.int().nonnegative(), note: text, typicalUnitsLow: z.int(), typicalUnitsHigh: z.int() })),
    locations: z.array(
      z.strictObject({ id: z.uuid(), name: text, addressLine1: text, addressLine2: text.nullable(), city: text, state: text, zip: text, latitude: z.number(), longitude: z.number(), timeZone: text }),
    ),
    insurance: z.array(z.strictObject({ slug: text, name: text })),
    licenses: z.array(z.strictObject({ kind: z.enum(["npi", "state", "board"]), state: text.nullable(), number: text, expiresOn: day.nullable(), verifiedAt: sqlInstant })),
    appointmentTypes: z.array(z.strictObject({ id: z.uuid(), kind: text, name: text, minutes: z.int().positive(), feeCents: cents, depositCents: cents, telehealthAllowed: z.boolean(), instantBooking: z.boolean() })),
    rating,
    reviews: z.array(publicReview),
    responseTimeHours: z.number().nullable().meta({ description: "The median hours to answer a request, once there are enough answers." }),
  })
  .meta({ id: "ProviderProfile" });

export const slotsResponseSchema = z
  .strictObject({ slots: z.array(z.strictObject({ start: instant, end: instant, locationId: z.uuid() }).meta({ id: "Slot" })) })
  .meta({ id: "SlotsResponse" });

export const reviewWrittenSchema = z.strictObject({ id: z.uuid(), message: text }).meta({ id: "ReviewWritten" });

export const bookingCreatedSchema = z
  .strictObject({ id: z.uuid(), status: z.enum(["requested", "pending_payment", "confirmed"]).meta({ description: "confirmed at once for an instant booking without a deposit." }), payUrl: text.optional().meta({ description: "Where to pay the deposit, when one is due." }) })
  .meta({ id: "BookingCreated" });

const diaryEntry = z
  .strictObject({ date: day, headache: z.boolean(), migraine: z.boolean(), pain: z.int(), hours: z.number(), acuteMedicine: z.boolean(), medicines: z.array(z.enum(MEDICINE_CODES)), note: text.optional() })
  .meta({ id: "DiaryEntry" });
const score = z.strictObject({ instrument: z.enum(["MIDAS", "HIT-6"]), date: day, total: z.int(), grade: text }).meta({ id: "Score" });

export const diaryResponseSchema = z
  .strictObject({
    from: day,
    to: day,
    entries: z.array(diaryEntry),
    months: z.array(
      z.strictObject({ month: text, daysRecorded: z.int(), headacheDays: z.int(), migraineDays: z.int(), acuteMedicineDays: z.int(), averagePain: z.number().nullable() }),
    ),
    scores: z.array(score),
    treatments: z.array(day).meta({ description: "Days of completed treatment visits." }),
  })
  .meta({ id: "Diary" });

export const diarySavedSchema = z.strictObject({ date: day }).meta({ id: "DiarySaved" });
export const scoreSavedSchema = score;

export const accountDeletedSchema = z.strictObject({ deleted: z.literal(true), bookingsCancelled: z.int().nonnegative() }).meta({ id: "AccountDeleted" });

/** The export is everything stored about the account; its sections differ by role. */
export const accountExportSchema = z
  .looseObject({ format: text, exportedAt: instant, account: z.record(text, z.unknown()) })
  .meta({ id: "AccountExport", description: "Everything stored about the account; the sections after `account` depend on its role." });

export const healthSchema = z
  .strictObject({ status: z.enum(["ok", "unavailable"]), database: z.enum(["reachable", "unreachable"]), schema: z.enum(["current", "behind", "unknown"]) })
  .meta({ id: "Health" });

import { z } from "zod";
import { STATE_CODES } from "@/lib/geo/states";
import { instantWithin, safeString } from "@/lib/validation/text";
import { intakeSchema } from "./intake";

// Appointments lie between now and the longest booking horizon (365 days); a start outside that is
// a field error, so a year 0001 or 9999 never reaches the slot math or the database.
const startTime = (message: string) => instantWithin({ now: () => new Date(), pastDays: 1, futureDays: 400 }, message);

export const PATIENT_STATE_REQUIRED = "Choose the state you will be in for the video visit.";

/**
 * A booking request as the JSON API and the booking form both send it. A video visit is licensed
 * where the patient is, so it must name that state; an in-person one must not.
 */
export const bookingRequestSchema = z
  .object({
    providerSlug: safeString({ message: "Name the provider." }).min(1).max(200),
    appointmentTypeId: z.uuid({ message: "Choose an appointment type from the provider's profile." }),
    locationId: z.uuid({ message: "Choose one of the provider's locations." }),
    start: startTime("Give the start as an ISO time within the next year, like 2026-12-03T15:00:00Z."),
    telehealth: z.boolean().default(false),
    patientState: z
      .enum(STATE_CODES, { message: "Choose a US state by its two-letter code, like NY." })
      .optional()
      .meta({ description: "For a video visit (required then): the US state the patient will be in, whose license the visit needs." }),
    intake: intakeSchema,
    /** Consent for this provider to see the patient's diary, scores and treatments (lib/diary/sharing.ts). */
    shareDiary: z.boolean().default(false),
    waitlistOfferId: z
      .uuid({ message: "That held time is no longer yours. Choose a time from the profile." })
      .optional()
      .meta({ description: "A waitlist offer holding this very time for the patient (from the link in its email)." }),
  })
  .superRefine((request, ctx) => {
    if (request.telehealth && !request.patientState) ctx.addIssue({ code: "custom", path: ["patientState"], message: PATIENT_STATE_REQUIRED });
    if (!request.telehealth && request.patientState) ctx.addIssue({ code: "custom", path: ["patientState"], message: "Name a state only for a video visit." });
  })
  .meta({ id: "BookingRequest" });

const bookingId = z.uuid({ message: "That booking no longer exists. Reload the page." });
const reason = (required: boolean) => {
  const base = safeString({ message: "Give a reason." }).trim().max(500, "Use at most 500 characters.");
  return required ? base.min(5, "Give the patient a reason they can act on.") : base.default("");
};

export const bookingIdSchema = z.object({ id: bookingId });
export const declineSchema = z.object({ id: bookingId, reason: reason(true) });
export const cancelSchema = z.object({ id: bookingId, reason: reason(false) });
export const proposeSchema = z.object({
  id: bookingId,
  // A local wall-clock time in the location's zone; the year is bounded so it stays a real instant.
  localTime: safeString({ message: "Choose a date and time." }).regex(/^20\d{2}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time."),
  note: reason(false),
});
export const rescheduleSchema = z.object({ id: bookingId, start: startTime("Choose one of the free times.") });

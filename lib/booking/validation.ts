import { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import { intakeSchema } from "./intake";

/** A booking request as the JSON API and the booking form both send it. */
export const bookingRequestSchema = z.object({
  providerSlug: z.string({ message: "Name the provider." }).min(1).max(200),
  appointmentTypeId: z.uuid({ message: "Choose an appointment type from the provider's profile." }),
  locationId: z.uuid({ message: "Choose one of the provider's locations." }),
  start: z.iso.datetime({ offset: true, message: "Give the start as an ISO time, like 2026-12-03T15:00:00Z." }),
  telehealth: z.boolean().default(false),
  intake: intakeSchema,
});

type BookingRequestInput = z.infer<typeof bookingRequestSchema>;

type ParsedBookingRequest = { ok: true; request: BookingRequestInput } | { ok: false; message: string; fieldErrors: Record<string, string> };

export function parseBookingRequest(body: unknown): ParsedBookingRequest {
  const parsed = bookingRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
}

const bookingId = z.uuid({ message: "That booking no longer exists. Reload the page." });
const reason = (required: boolean) => {
  const base = z.string({ message: "Give a reason." }).trim().max(500, "Use at most 500 characters.");
  return required ? base.min(5, "Give the patient a reason they can act on.") : base.default("");
};

export const bookingIdSchema = z.object({ id: bookingId });
export const declineSchema = z.object({ id: bookingId, reason: reason(true) });
export const cancelSchema = z.object({ id: bookingId, reason: reason(false) });
export const proposeSchema = z.object({
  id: bookingId,
  localTime: z
    .string({ message: "Choose a date and time." })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time."),
  note: reason(false),
});
export const rescheduleSchema = z.object({ id: bookingId, start: z.iso.datetime({ offset: true, message: "Choose one of the free times." }) });

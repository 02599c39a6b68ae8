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

export type BookingRequestInput = z.infer<typeof bookingRequestSchema>;

export type ParsedBookingRequest = { ok: true; request: BookingRequestInput } | { ok: false; message: string; fieldErrors: Record<string, string> };

export function parseBookingRequest(body: unknown): ParsedBookingRequest {
  const parsed = bookingRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
}

import { z } from "zod";
import { bookingStatus, paymentStatus } from "@/db/schema";
import { STATE_CODES } from "@/lib/geo/states";
import { safeString } from "@/lib/validation/text";

// The patient's view of a booking as the JSON API answers it and the patient pages show it: the
// one definition of its shape. PatientBooking (lib/booking/queries.ts) is inferred from it, so the
// query cannot return a field this schema does not list without failing the typecheck, and the
// OpenAPI document (lib/api/openapi.ts) is generated from it. The intake is not in it: the
// patient wrote it, the pages never show it back, and the API must not become a way to read it.

const instant = z.iso.datetime();
const text = safeString();

export const paymentSummarySchema = z
  .object({
    id: z.uuid(),
    status: z.enum(paymentStatus.enumValues),
    amountCents: z.int().nonnegative(),
    paidAt: instant.nullable(),
    /** Stripe's payment reference, as on the receipt. */
    receipt: text.nullable().meta({ description: "The payment reference, as on the receipt." }),
    refundedAt: instant.nullable(),
    lastPaymentError: text.nullable(),
  })
  .meta({ id: "PaymentSummary" });

export const patientBookingSchema = z
  .object({
    id: z.uuid(),
    locationId: z.uuid().nullable(),
    appointmentTypeId: z.uuid().nullable(),
    status: z.enum(bookingStatus.enumValues),
    startsAt: instant,
    endsAt: instant,
    timeZone: text,
    typeName: text,
    locationName: text,
    locationAddress: text,
    telehealth: z.boolean(),
    instant: z.boolean().meta({ description: "An instant booking: confirmed without waiting for the provider, and again when moved to another free time." }),
    patientState: z.enum(STATE_CODES).nullable().meta({ description: "For a video visit: the US state the patient is in, whose license it needs." }),
    videoVisitUrl: text
      .nullable()
      .meta({ description: "For a confirmed video visit: the provider's https video room. Null until the provider confirms, and for in-person visits." }),
    feeCents: z.int().nonnegative(),
    depositCents: z.int().nonnegative(),
    holdExpiresAt: instant.nullable(),
    answerBy: instant.nullable().meta({ description: "While requested: when the request lapses if it is not answered (the time is freed, any deposit refunded in full)." }),
    declineReason: text.nullable(),
    cancelledBy: z.enum(["patient", "provider"]).nullable(),
    cancelReason: text.nullable(),
    proposedStartsAt: instant.nullable(),
    proposalNote: text.nullable(),
    cancellationWindowHours: z.int().nonnegative().meta({ description: "The provider's free-cancellation window when this was booked, in hours before the start." }),
    freeCancellationUntil: instant.meta({ description: "Until when cancelling costs nothing: that window before the start." }),
    authorization: z
      .object({ status: z.enum(["submitted", "approved", "denied"]), submittedOn: z.iso.date().nullable(), decidedOn: z.iso.date().nullable() })
      .nullable()
      .meta({ description: "The insurer's prior authorization of a treatment, as the provider recorded it: awaiting while submitted; denied allows cancelling for a full refund." }),
    payment: paymentSummarySchema.nullable().meta({ description: "The deposit, when the booking asked one." }),
    provider: z.object({ slug: text, name: text, credentials: text, cancellationPolicy: text }),
  })
  .meta({ id: "PatientBooking" });

export type PaymentSummary = z.infer<typeof paymentSummarySchema>;
export type PatientBooking = z.infer<typeof patientBookingSchema>;

/** GET /api/bookings/[id]. */
export const bookingResponseSchema = z.object({ booking: patientBookingSchema }).meta({ id: "BookingResponse" });
/** POST /api/bookings/[id]/cancel and /reschedule: what was done, and the booking now. */
export const bookingChangeResponseSchema = z.object({ message: text, booking: patientBookingSchema }).meta({ id: "BookingChangeResponse" });

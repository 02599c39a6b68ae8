import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-route";
import { afterBookingChange } from "./after-change";
import { patientBookingSchema } from "./patient-booking-schema";
import { getPatientBooking } from "./queries";
import { GONE, type TransitionResult } from "./transitions";

// What GET/cancel/reschedule under /api/bookings/[id] answer, shared by the three routes.

export const NOT_YOURS = "No booking of yours has that id.";

/** The caller checks of these routes: only the booking's own patient uses them. */
export const PATIENT_BOOKING = {
  auth: ["patient"] as const,
  signedOut: "Sign in to see and change your bookings.",
  wrongRole: "Only the patient who booked can do this here.",
};

async function ownBooking(patient: CurrentUser, id: string) {
  const booking = await getPatientBooking(patient, id);
  return booking ? patientBookingSchema.parse(booking) : null;
}

/**
 * 200 with the caller's booking as the patient page shows it, parsed through its schema so only
 * the allow-listed fields leave (and a drift between query and schema fails loudly in tests);
 * 404 for an id that is not theirs, whether or not it exists.
 */
export async function bookingAnswer(patient: CurrentUser, id: string): Promise<Response> {
  const booking = await ownBooking(patient, id);
  return booking ? Response.json({ booking }) : problem(404, NOT_YOURS);
}

/** A transition's result as HTTP: the changed booking, 404 when it is not the caller's, else 409. */
export async function transitionAnswer(patient: CurrentUser, id: string, result: TransitionResult): Promise<Response> {
  if (!result.ok) {
    if (result.error === GONE) return problem(404, NOT_YOURS);
    // The lifecycle refused (past, cancelled, declined…) or the new time was just taken.
    return problem(409, result.error, { code: "booking_conflict" });
  }
  afterBookingChange();
  const booking = await ownBooking(patient, id);
  return booking ? Response.json({ message: result.message, booking }) : problem(404, NOT_YOURS);
}

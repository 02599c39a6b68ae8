import "server-only";
import type { Database } from "@/db/client";
import { notifyBookedInstantly, notifyBookingRequested } from "@/lib/notifications/booking-emails";
import { answerDeadline } from "./answer-by";

// Instant booking (issue 13, part 7): an appointment type may "confirm automatically". A booking of
// such a type is confirmed as soon as it reaches the provider, that is when it is made without a
// deposit or when its deposit is paid, instead of waiting for their answer. The booking keeps the
// flag it was made under (bookings.instant), so a type switched off later does not break the promise
// the patient was shown, and a move to another free time confirms again (./state.ts).

type Tx = Pick<Database, "select" | "insert">;

/** What a booking becomes once it reaches the provider: confirmed, or a request with its answer-by time. */
export function arrival(booking: { instant: boolean; startsAt: Date }, now: Date): { status: "requested" | "confirmed"; requestedAt: Date; answerBy: Date | null } {
  return booking.instant
    ? { status: "confirmed", requestedAt: now, answerBy: null }
    : { status: "requested", requestedAt: now, answerBy: answerDeadline(booking.startsAt, now) };
}

/** The emails for a booking that just reached the provider, by what it became. */
export function notifyArrival(tx: Tx, bookingId: string, status: "requested" | "confirmed", now: Date): Promise<void> {
  return status === "confirmed" ? notifyBookedInstantly(tx, bookingId, now) : notifyBookingRequested(tx, bookingId);
}

// The booking lifecycle (docs/architecture.md) as data: who may do what from which state. The queries
// apply it inside their UPDATE's WHERE clause too, so two people acting at once cannot both win.

import type { bookingStatus } from "@/db/schema";

export type BookingStatus = (typeof bookingStatus.enumValues)[number];

/** Statuses that hold the slot (the database's exclusion constraint uses the same list). */
export const ACTIVE_STATUSES = ["pending_payment", "requested", "confirmed"] as const satisfies readonly BookingStatus[];
/** Requests that count against a patient's cap of open requests. */
export const OPEN_REQUEST_STATUSES = ["pending_payment", "requested"] as const satisfies readonly BookingStatus[];

export type Party = "patient" | "provider";
export type BookingAction = "confirm" | "decline" | "propose" | "acceptProposal" | "reschedule" | "cancel" | "complete" | "noShow";

type Rule = { from: readonly BookingStatus[]; by: readonly Party[]; to: BookingStatus | "unchanged"; afterStart?: boolean };

const RULES: Record<BookingAction, Rule> = {
  confirm: { from: ["requested"], by: ["provider"], to: "confirmed" },
  decline: { from: ["requested"], by: ["provider"], to: "declined" },
  // A proposal leaves the request open until the patient accepts it (or cancels).
  propose: { from: ["requested"], by: ["provider"], to: "unchanged" },
  // The provider offered the time, so accepting it confirms the booking.
  acceptProposal: { from: ["requested"], by: ["patient"], to: "confirmed" },
  // A new time needs the provider's confirmation again.
  reschedule: { from: ["requested", "confirmed"], by: ["patient"], to: "requested" },
  cancel: { from: ["pending_payment", "requested", "confirmed"], by: ["patient", "provider"], to: "cancelled" },
  complete: { from: ["confirmed"], by: ["provider"], to: "completed", afterStart: true },
  noShow: { from: ["confirmed"], by: ["provider"], to: "no_show", afterStart: true },
};

export function isActive(status: BookingStatus): boolean {
  return (ACTIVE_STATUSES as readonly BookingStatus[]).includes(status);
}

/**
 * What a booking's status is now: an unpaid hold past its end, or a request past its answer-by
 * time (./answer-by.ts), is expired even before a write marks it so (the next booking attempt, a
 * change to it, or the cron does), since no scheduler is needed for correctness.
 */
export function currentStatus(booking: { status: BookingStatus; holdExpiresAt: Date | null; answerBy: Date | null }, now: Date): BookingStatus {
  return hasLapsed(booking, now) ? "expired" : booking.status;
}

/** Whether the hold or the request has run out while its row still says otherwise. */
export function hasLapsed(booking: { status: BookingStatus; holdExpiresAt: Date | null; answerBy: Date | null }, now: Date): boolean {
  const until = booking.status === "pending_payment" ? booking.holdExpiresAt : booking.status === "requested" ? booking.answerBy : null;
  return until !== null && until.getTime() <= now.getTime();
}

/**
 * The status after `action`, or null when `by` may not do it now. An instant booking (its type
 * confirms automatically, lib/booking/instant-booking.ts) moved to another free time is confirmed
 * again at once rather than sent back to the provider.
 */
export function nextStatus(
  booking: { status: BookingStatus; startsAt: Date; instant?: boolean },
  action: BookingAction,
  by: Party,
  now: Date = new Date(),
): BookingStatus | null {
  const rule = RULES[action];
  if (!rule.from.includes(booking.status) || !rule.by.includes(by)) return null;
  if (rule.afterStart && booking.startsAt.getTime() > now.getTime()) return null;
  // Only what has not happened yet can be cancelled or moved.
  if ((action === "cancel" || action === "reschedule") && booking.startsAt.getTime() <= now.getTime()) return null;
  if (action === "reschedule" && booking.instant) return "confirmed";
  return rule.to === "unchanged" ? booking.status : rule.to;
}

/**
 * Whether the patient may still move the visit online: only before the free-cancellation window.
 * Inside it a move would let a late patient push the visit out and then cancel it for a full
 * refund, round the policy they agreed to; the clinic can still move it by proposing a time.
 */
export function canMoveOnline(booking: { startsAt: Date; cancellationWindowHours: number }, now: Date = new Date()): boolean {
  return now.getTime() < booking.startsAt.getTime() - booking.cancellationWindowHours * 3_600_000;
}

export function movingClosedMessage(booking: { cancellationWindowHours: number; locationName: string; locationAddress: string }): string {
  return `Less than ${booking.cancellationWindowHours} hours before the visit it can no longer be moved online. To change it, contact the clinic (${booking.locationName}, ${booking.locationAddress}); cancelling now follows the cancellation policy.`;
}

/** Statuses `action` may start from, for the WHERE clause that makes the change atomic. */
export function statusesFor(action: BookingAction): readonly BookingStatus[] {
  return RULES[action].from;
}

export const STATUS_LABELS: Record<BookingStatus, string> = {
  pending_payment: "Waiting for deposit",
  requested: "Requested",
  confirmed: "Confirmed",
  completed: "Completed",
  no_show: "Missed",
  declined: "Declined",
  cancelled: "Cancelled",
  expired: "Expired",
};

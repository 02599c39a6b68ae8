import "server-only";
import { and, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { bookings, payments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { trustDate } from "@/lib/licensing/trust";
import { notifyProviderSideCancel, type ProviderSideCause } from "@/lib/notifications/booking-emails";
import { markForRefund } from "@/lib/payments/deposits";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { withdrawHeldOffers } from "@/lib/waitlist/offers";
import { releaseLapsed } from "./lapses";
import { ACTIVE_STATUSES } from "./state";

// When the provider's side can no longer keep an appointment (an admin suspends the listing, the
// provider removes the location, or the license for the booking's state lapses), the patient must
// not find out at the door. Each upcoming booking concerned is cancelled as by the provider: a
// paid deposit is refunded in full, an unpaid hold's checkout closed, the change audited with its
// cause, and the patient emailed a link to other providers near the appointment.

type Writer = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The upcoming bookings that still hold a time, among those `where` picks. */
function upcoming(where: SQL, now: Date): SQL {
  // A waitlist hold is nobody's appointment: it is withdrawn with its offer (below), not cancelled.
  return and(where, inArray(bookings.status, [...ACTIVE_STATUSES]), eq(bookings.waitlistHold, false), gt(bookings.startsAt, now))!;
}

/** How many upcoming bookings `where` would cancel: said before a provider removes a location. */
export async function countUpcoming(reader: Pick<Database, "$count">, where: SQL, now: Date): Promise<number> {
  return reader.$count(bookings, upcoming(where, now));
}

/**
 * Cancels, in the caller's transaction, every upcoming booking of `providerId` that `where` picks.
 * `actorId` is who caused it (the admin, the provider), or null for the cron.
 */
export async function cancelProviderSide(
  tx: Writer,
  input: { providerId: string; where?: SQL; cause: ProviderSideCause; actorId: string | null },
  now: Date,
): Promise<number> {
  // Holds and requests that already ran out end as such, not as cancellations.
  await releaseLapsed(tx, input.providerId, now);
  const mine = and(eq(bookings.providerId, input.providerId), input.where)!;
  await withdrawHeldOffers(tx, and(mine, eq(bookings.status, "pending_payment"), gt(bookings.startsAt, now))!);
  const cancelled = await tx.select({ id: bookings.id, status: bookings.status }).from(bookings).where(upcoming(mine, now)).for("update");
  if (cancelled.length === 0) return 0;
  await tx
    .update(bookings)
    .set({ status: "cancelled", cancelledBy: "provider", updatedAt: now })
    .where(inArray(bookings.id, cancelled.map((b) => b.id)));
  for (const booking of cancelled) {
    if (booking.status === "pending_payment") {
      await tx.update(payments).set({ status: "canceled", updatedAt: now }).where(and(eq(payments.bookingId, booking.id), eq(payments.status, "awaiting_payment")));
    } else {
      await markForRefund(tx, booking.id, `cancelled by the provider's side: ${input.cause.replaceAll("_", " ")}`, now);
    }
    await recordAudit(tx, { actorId: input.actorId, action: "booking.cancel", subjectType: "booking", subjectId: booking.id, details: { from: booking.status, to: "cancelled", by: "provider", cause: input.cause } });
    await notifyProviderSideCancel(tx, booking.id, input.cause);
  }
  return cancelled.length;
}

/**
 * The cron: upcoming bookings whose state (the patient's for a video visit, the location's
 * otherwise) no longer has a verified, unexpired
 * license of their provider, checked against today like the trust rule, are cancelled.
 */
export async function cancelBookingsWithoutLicense(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const today = trustDate(now);
  return scheduleTransaction(db, now, async (tx) => {
    const unlicensed = await tx
      .selectDistinct({ providerId: bookings.providerId })
      .from(bookings)
      // Waitlist holds too: a provider whose only time in that state is held still has it withdrawn.
      .where(and(unlicensedAt(today), inArray(bookings.status, [...ACTIVE_STATUSES]), gt(bookings.startsAt, now)));
    let total = 0;
    for (const { providerId } of unlicensed) total += await cancelProviderSide(tx, { providerId, where: unlicensedAt(today), cause: "license_lapsed", actorId: null }, now);
    return total;
  });
}

/**
 * SQL on a booking: the state it is licensed in has no verified license of its provider valid
 * today. A video visit is licensed where the patient is (its patient_state), so it stands or falls
 * with that license, whatever happens to the clinic's.
 */
function unlicensedAt(today: string): SQL {
  return sql`not exists (
    select 1 from licenses lic left join locations loc on loc.id = ${bookings.locationId}
    where lic.provider_id = ${bookings.providerId} and lic.kind = 'state' and lic.status = 'verified'
      and lic.state = coalesce(${bookings.patientState}, loc.state) and lic.expires_on >= ${today}::date
  ) and (${bookings.patientState} is not null or ${bookings.locationId} is not null)`;
}

import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { bookings, type Booking } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { notifyHoldExpired, notifyRequestLapsed } from "@/lib/notifications/booking-emails";
import { cancelLapsedDeposits, markForRefund } from "@/lib/payments/deposits";
import { trustDate } from "@/lib/licensing/trust";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { loadSchedule } from "@/lib/scheduling/queries";
import { rangeCovering, slotsOf, type AvailableSlot } from "@/lib/scheduling/schedule";
import { addDays } from "@/lib/ui/time-zone";
import { expireWaitlistOffers, offerFreedTimes, providersWithWaitlists } from "@/lib/waitlist/offers";

// Holds and requests that ran out. Every read already treats them as expired (state.ts
// currentStatus, the slot and open-request queries); these writes make it so in the rows, because
// the database's exclusion constraint still counts them, a lapsed request's deposit must go back
// and its patient must hear of it. They run before any booking or move at the provider, on a
// change to the booking itself, and from the cron for what nobody touched.

type Writer = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Marks unpaid holds that have lapsed as expired, so their time is free again, and tells each
 * patient. `providerId` limits it to one provider (before a change to their bookings); the cron
 * passes none.
 */
export async function expireLapsedHolds(tx: Writer, providerId: string | null, now: Date): Promise<number> {
  const expired = await tx
    .update(bookings)
    .set({ status: "expired", updatedAt: now })
    .where(
      and(
        providerId ? eq(bookings.providerId, providerId) : undefined,
        eq(bookings.status, "pending_payment"),
        // A waitlist hold ends with its offer (lib/waitlist/offers.ts), quietly.
        eq(bookings.waitlistHold, false),
        sql`${bookings.holdExpiresAt} <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: bookings.id });
  await cancelLapsedDeposits(tx, expired.map((b) => b.id), now);
  for (const { id } of expired) await notifyHoldExpired(tx, id);
  return expired.length;
}

/**
 * Ends requests nobody answered by their answer-by time (./answer-by.ts): the time is freed, a
 * paid deposit is refunded in full (the provider did not keep their side) and the patient is
 * emailed the next free times of the same appointment.
 */
export async function lapseUnansweredRequests(tx: Writer, providerId: string | null, now: Date): Promise<number> {
  const lapsed = await tx
    .update(bookings)
    .set({ status: "expired", updatedAt: now })
    .where(and(providerId ? eq(bookings.providerId, providerId) : undefined, eq(bookings.status, "requested"), sql`${bookings.answerBy} <= ${now.toISOString()}::timestamptz`))
    .returning();
  for (const booking of lapsed) await afterLapse(tx, booking, now);
  return lapsed.length;
}

/** Ends one locked request found past its answer-by time while someone tried to change it. */
export async function lapseRequest(tx: Writer, booking: Booking, now: Date): Promise<void> {
  await tx.update(bookings).set({ status: "expired", updatedAt: now }).where(and(eq(bookings.id, booking.id), eq(bookings.status, "requested")));
  await afterLapse(tx, booking, now);
}

async function afterLapse(tx: Writer, booking: Booking, now: Date): Promise<void> {
  await markForRefund(tx, booking.id, "not answered in time", now);
  await recordAudit(tx, { actorId: null, action: "booking.lapse", subjectType: "booking", subjectId: booking.id, details: { from: "requested", to: "expired" } });
  await notifyRequestLapsed(tx, booking.id, await otherTimes(tx, booking, now));
}

const OTHER_TIMES = 3;
const LOOK_AHEAD_DAYS = 21;

/** The next free times of the lapsed booking's type and location, for its email. */
async function otherTimes(tx: Writer, booking: Booking, now: Date): Promise<AvailableSlot[]> {
  if (!booking.appointmentTypeId || !booking.locationId) return [];
  const from = trustDate(now);
  const to = addDays(from, LOOK_AHEAD_DAYS);
  const schedule = await loadSchedule({ providerId: booking.providerId }, booking.appointmentTypeId, rangeCovering(from, to), now, tx);
  return schedule ? slotsOf(schedule, from, to, now, booking.locationId).slice(0, OTHER_TIMES) : [];
}

/**
 * The sweeps for one provider, before their bookings change. What they free is offered to the
 * waitlist by the change's caller afterwards, so it never takes the time being booked.
 */
export async function releaseLapsed(tx: Writer, providerId: string, now: Date): Promise<void> {
  await expireLapsedHolds(tx, providerId, now);
  await lapseUnansweredRequests(tx, providerId, now);
  await expireWaitlistOffers(tx, providerId, now);
}

/** The cron's sweep over every provider, then the free times of those with a waitlist offered to it. */
export async function releaseAllLapsed(now: Date = new Date()): Promise<{ holdsExpired: number; requestsLapsed: number; waitlistOffers: number }> {
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx) => {
    const holdsExpired = await expireLapsedHolds(tx, null, now);
    const requestsLapsed = await lapseUnansweredRequests(tx, null, now);
    await expireWaitlistOffers(tx, null, now);
    let waitlistOffers = 0;
    for (const providerId of await providersWithWaitlists(tx)) waitlistOffers += await offerFreedTimes(tx, providerId, now);
    return { holdsExpired, requestsLapsed, waitlistOffers };
  });
}

import "server-only";
import { and, asc, eq, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isExclusionViolation, isUniqueViolation } from "@/db/errors";
import { bookings, providers, users, waitlistEntries, waitlistOffers, type WaitlistEntry } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { newLinkToken } from "@/lib/auth/link-tokens";
import { newBookingRow } from "@/lib/booking/booking-row";
import { trustDate } from "@/lib/licensing/trust";
import { loadSchedule } from "@/lib/scheduling/queries";
import { rangeCovering, slotsOf, type AvailableSlot, type Schedule } from "@/lib/scheduling/schedule";
import { formatAddress } from "@/lib/ui/address";
import { notifyWaitlistOffer } from "./emails";

// A freed time goes to the waitlist one entry at a time, earliest joined first: each offer holds
// it with a booking row (`waitlist_hold`, pending_payment until hold_expires_at, as a deposit's
// hold does), so the slot function and the exclusion constraint keep everyone else off it while the
// patient claims it. Unclaimed, the sweep (lib/booking/lapses.ts) deletes the hold and the next
// call here offers the time to the next entry.

export const WAITLIST_HOLD_MINUTES = 15;

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * Offers the free times at `providerId` to its waiting entries, earliest joined first, each the
 * first free slot in its range that it was not offered before. Runs in the caller's transaction
 * after whatever freed the time; a hold that loses a race to another booking is skipped in its own
 * savepoint, never failing the change that called this.
 */
export async function offerFreedTimes(tx: Tx, providerId: string, now: Date): Promise<number> {
  const today = trustDate(now);
  await tx
    .update(waitlistEntries)
    .set({ endedAt: now, endReason: "range_passed" })
    .where(and(eq(waitlistEntries.providerId, providerId), isNull(waitlistEntries.endedAt), lt(waitlistEntries.toDate, today)));
  const waiting = await tx
    .select()
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.providerId, providerId),
        isNull(waitlistEntries.endedAt),
        sql`not exists (select 1 from ${waitlistOffers} o where o.entry_id = ${waitlistEntries.id} and o.outcome = 'offered')`,
      ),
    )
    .orderBy(asc(waitlistEntries.joinedAt), asc(waitlistEntries.id));
  let offered = 0;
  for (const entry of waiting) {
    const from = maxDate(entry.fromDate, today);
    const schedule = await loadSchedule({ providerId }, entry.appointmentTypeId, rangeCovering(from, entry.toDate), now, tx);
    if (!schedule) continue;
    const before = await tx.select({ startsAt: waitlistOffers.startsAt }).from(waitlistOffers).where(eq(waitlistOffers.entryId, entry.id));
    const seen = new Set(before.map((o) => o.startsAt.getTime()));
    const slot = slotsOf(schedule, from, entry.toDate, now, entry.locationId ?? undefined).find((s) => !seen.has(new Date(s.start).getTime()));
    if (slot && (await hold(tx, entry, schedule, slot, now))) offered++;
  }
  return offered;
}

async function hold(tx: Tx, entry: WaitlistEntry, schedule: Schedule, slot: AvailableSlot, now: Date): Promise<boolean> {
  const location = schedule.locations.find((l) => l.id === slot.locationId);
  if (!location) return false;
  const expiresAt = new Date(now.getTime() + WAITLIST_HOLD_MINUTES * 60_000);
  const start = new Date(slot.start);
  const { token, hash } = newLinkToken();
  try {
    await tx.transaction(async (sp) => {
      // The hold carries no intake: the patient writes one when they claim the time.
      const row = newBookingRow({
        providerId: entry.providerId,
        patientId: entry.patientId,
        location,
        type: schedule.type,
        start,
        status: "pending_payment",
        intake: {},
        holdExpiresAt: expiresAt,
        cancellationWindowHours: schedule.cancellationWindowHours,
      });
      await sp.insert(bookings).values({ ...row, waitlistHold: true, createdAt: now, updatedAt: now });
      const [offer] = await sp
        .insert(waitlistOffers)
        .values({ entryId: entry.id, holdBookingId: row.id, locationId: location.id, startsAt: start, tokenHash: hash, expiresAt, createdAt: now })
        .returning({ id: waitlistOffers.id });
      await recordAudit(sp, { actorId: null, action: "waitlist.offered", subjectType: "waitlist_entry", subjectId: entry.id, details: { offerId: offer!.id, providerId: entry.providerId } });
      const [who] = await sp
        .select({ email: users.email, providerName: providers.name })
        .from(users)
        .innerJoin(providers, eq(providers.id, entry.providerId))
        .where(eq(users.id, entry.patientId));
      if (who) await notifyWaitlistOffer(sp, { to: who.email, providerName: who.providerName, startsAt: start, expiresAt, timeZone: location.timeZone, where: formatAddress(location), token });
    });
    return true;
  } catch (error) {
    // Someone booked or held the time, or this entry got an offer, since it was read.
    if (isExclusionViolation(error, "bookings_no_overlap") || isUniqueViolation(error, "waitlist_offers_one_open")) return false;
    throw error;
  }
}

/**
 * Ends the offers whose 15 minutes are up and deletes their holds, so the time is free for anyone;
 * returns the providers concerned, whose next entries the caller offers it to (not before a booking
 * in progress, which may be taking that very time).
 */
export async function expireWaitlistOffers(tx: Tx, providerId: string | null, now: Date): Promise<string[]> {
  const ended = await tx
    .update(waitlistOffers)
    .set({ outcome: "expired" })
    .where(
      and(
        eq(waitlistOffers.outcome, "offered"),
        sql`${waitlistOffers.expiresAt} <= ${now.toISOString()}::timestamptz`,
        providerId ? inArray(waitlistOffers.entryId, tx.select({ id: waitlistEntries.id }).from(waitlistEntries).where(eq(waitlistEntries.providerId, providerId))) : undefined,
      ),
    )
    .returning({ holdBookingId: waitlistOffers.holdBookingId, entryId: waitlistOffers.entryId });
  return deleteHolds(tx, ended);
}

/** Withdraws the open offers of `entryIds` (their patients left or went away) and deletes their holds. */
export async function withdrawOffers(tx: Tx, entryIds: string[]): Promise<string[]> {
  if (entryIds.length === 0) return [];
  return withdrawWhere(tx, inArray(waitlistOffers.entryId, entryIds));
}

/**
 * Withdraws the open offers holding a time among the bookings `holds` picks (the provider's side
 * can no longer keep them: a suspension, a location removed, a license lapsed) and deletes the
 * holds. The patient's link then says the time is no longer held.
 */
export async function withdrawHeldOffers(tx: Tx, holds: SQL): Promise<void> {
  await withdrawWhere(tx, inArray(waitlistOffers.holdBookingId, tx.select({ id: bookings.id }).from(bookings).where(and(holds, eq(bookings.waitlistHold, true)))));
}

async function withdrawWhere(tx: Tx, which: SQL): Promise<string[]> {
  const ended = await tx
    .update(waitlistOffers)
    .set({ outcome: "withdrawn" })
    .where(and(eq(waitlistOffers.outcome, "offered"), which))
    .returning({ holdBookingId: waitlistOffers.holdBookingId, entryId: waitlistOffers.entryId });
  return deleteHolds(tx, ended);
}

async function deleteHolds(tx: Tx, ended: { holdBookingId: string | null; entryId: string }[]): Promise<string[]> {
  const holdIds = ended.flatMap((o) => (o.holdBookingId ? [o.holdBookingId] : []));
  if (holdIds.length === 0) return [];
  const gone = await tx
    .delete(bookings)
    .where(and(inArray(bookings.id, holdIds), eq(bookings.waitlistHold, true)))
    .returning({ providerId: bookings.providerId });
  return [...new Set(gone.map((b) => b.providerId))];
}

/** Providers with someone waiting: the cron offers their free times, whatever freed them (new hours too). */
export async function providersWithWaitlists(tx: Tx): Promise<string[]> {
  const rows = await tx.selectDistinct({ providerId: waitlistEntries.providerId }).from(waitlistEntries).where(isNull(waitlistEntries.endedAt));
  return rows.map((r) => r.providerId);
}

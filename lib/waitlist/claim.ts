import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, providers, waitlistEntries, waitlistOffers } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { linkTokenHash } from "@/lib/auth/link-tokens";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "./offers";

// Claiming an offer: the link leads the signed-in patient to the booking page with the held time
// chosen, and sending the intake there within the 15 minutes turns the hold into their booking
// (lib/booking/queries.ts createBooking), with the deposit rules of any other booking.

export type HeldTime = { offerId: string; start: string; appointmentTypeId: string; locationId: string; expiresAt: string };

export type ClaimTarget = { ok: true; href: string } | { ok: false; message: string };

export const OFFER_GONE = "This time is no longer held for you: the 15 minutes passed, or it was already claimed. You stay on the waitlist and will hear of the next time that opens.";
export const OFFER_UNKNOWN = "This link is not valid for your account. Sign in with the account the email was sent to.";

/** Where the link in the email leads `patient`: the booking page for the held time, or why not. */
export async function getClaimTarget(patient: CurrentUser, token: string, now: Date = new Date()): Promise<ClaimTarget> {
  assertRole(patient, ["patient"], "only patients claim waitlist times");
  const db = await getDb();
  const [offer] = await db
    .select({
      id: waitlistOffers.id,
      outcome: waitlistOffers.outcome,
      expiresAt: waitlistOffers.expiresAt,
      startsAt: waitlistOffers.startsAt,
      locationId: waitlistOffers.locationId,
      typeId: waitlistEntries.appointmentTypeId,
      slug: providers.slug,
    })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(providers, eq(providers.id, waitlistEntries.providerId))
    .where(and(eq(waitlistOffers.tokenHash, linkTokenHash(token)), eq(waitlistEntries.patientId, patient.id)));
  if (!offer) return { ok: false, message: OFFER_UNKNOWN };
  if (offer.outcome !== "offered" || offer.expiresAt <= now || !offer.locationId) return { ok: false, message: OFFER_GONE };
  const query = new URLSearchParams({ type: offer.typeId, location: offer.locationId, start: offer.startsAt.toISOString(), hold: offer.id });
  return { ok: true, href: `/providers/${encodeURIComponent(offer.slug)}/book?${query}` };
}

/** The time held for `patient` by their open offer `offerId`, for the booking page; null otherwise. */
export async function getHeldTime(patient: CurrentUser, offerId: string, now: Date = new Date()): Promise<HeldTime | null> {
  if (patient.role !== "patient" || !isUuid(offerId)) return null;
  const db = await getDb();
  const [offer] = await db
    .select({ offerId: waitlistOffers.id, startsAt: waitlistOffers.startsAt, locationId: waitlistOffers.locationId, appointmentTypeId: waitlistEntries.appointmentTypeId, expiresAt: waitlistOffers.expiresAt })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(and(eq(waitlistOffers.id, offerId), eq(waitlistEntries.patientId, patient.id), eq(waitlistOffers.outcome, "offered"), gt(waitlistOffers.expiresAt, now)));
  if (!offer?.locationId) return null;
  return { offerId: offer.offerId, start: offer.startsAt.toISOString(), appointmentTypeId: offer.appointmentTypeId, locationId: offer.locationId, expiresAt: offer.expiresAt.toISOString() };
}

export type TakenHold = { offerId: string; entryId: string; holdBookingId: string };

/**
 * Inside the booking's transaction: the patient's open, unexpired offer for exactly this time,
 * locked, so the sweep cannot pass it on meanwhile (it waits, then finds it claimed). Null when
 * there is none: the booking then goes ahead as any other, and the hold keeps the time from it.
 */
export async function takeWaitlistHold(
  tx: Tx,
  patientId: string,
  request: { offerId: string; appointmentTypeId: string; locationId: string; start: Date },
  now: Date,
): Promise<TakenHold | null> {
  if (!isUuid(request.offerId)) return null;
  const [offer] = await tx
    .select({ offerId: waitlistOffers.id, entryId: waitlistOffers.entryId, holdBookingId: waitlistOffers.holdBookingId })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(
      and(
        eq(waitlistOffers.id, request.offerId),
        eq(waitlistEntries.patientId, patientId),
        eq(waitlistEntries.appointmentTypeId, request.appointmentTypeId),
        eq(waitlistOffers.locationId, request.locationId),
        eq(waitlistOffers.outcome, "offered"),
        sql`${waitlistOffers.startsAt} = ${request.start.toISOString()}::timestamptz`,
        sql`${waitlistOffers.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .for("update", { of: waitlistOffers });
  if (!offer?.holdBookingId) return null;
  return { offerId: offer.offerId, entryId: offer.entryId, holdBookingId: offer.holdBookingId };
}

/** Frees the held time for the patient's own booking, which the caller inserts next. */
export async function releaseTakenHold(tx: Tx, hold: TakenHold): Promise<void> {
  await tx.delete(bookings).where(and(eq(bookings.id, hold.holdBookingId), eq(bookings.waitlistHold, true)));
}

/** The offer is claimed by `bookingId`, and its entry has done its job. */
export async function completeClaim(tx: Tx, hold: TakenHold, patientId: string, bookingId: string, now: Date): Promise<void> {
  await tx.update(waitlistOffers).set({ outcome: "claimed", bookingId }).where(eq(waitlistOffers.id, hold.offerId));
  await tx.update(waitlistEntries).set({ endedAt: now, endReason: "booked" }).where(and(eq(waitlistEntries.id, hold.entryId), sql`${waitlistEntries.endedAt} is null`));
  await recordAudit(tx, { actorId: patientId, action: "waitlist.claimed", subjectType: "waitlist_entry", subjectId: hold.entryId, details: { offerId: hold.offerId, bookingId } });
}

import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointmentTypes, locations, providers, users, waitlistEntries, waitlistOffers } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { trustDate } from "@/lib/licensing/trust";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { loadSchedule } from "@/lib/scheduling/queries";
import { rangeCovering, slotsOf } from "@/lib/scheduling/schedule";
import { addDays } from "@/lib/ui/time-zone";
import { linkTokenHash } from "@/lib/auth/link-tokens";
import { offerFreedTimes, withdrawOffers, type Tx } from "./offers";

// A patient's waitlists: join from a profile, leave from the dashboard or the offer's email.

export const MAX_WAITLISTS = 3;

export type JoinInput = { providerSlug: string; appointmentTypeId: string; locationId?: string; fromDate: string; toDate: string };

export type JoinResult =
  | { ok: true; id: string }
  | { ok: false; reason: "limit" | "not_found" | "duplicate" | "free"; message: string }
  | { ok: false; reason: "invalid"; message: string; fieldErrors: Record<string, string> };

export const WAITLIST_LIMIT = `You are on ${MAX_WAITLISTS} waitlists already. Leave one on your dashboard before joining another.`;

/**
 * Joins the waitlist for a type (and optionally a location) of a listed provider between two local
 * dates, from today to the provider's booking horizon. Serialised on the patient's account row, as
 * booking requests are, so the cap of 3 holds under races. A range that has a free time already is
 * refused with a pointer to it: there is nothing to wait for.
 */
export async function joinWaitlist(patient: CurrentUser, input: JoinInput, now: Date = new Date()): Promise<JoinResult> {
  assertRole(patient, ["patient"], "only patients join waitlists");
  const today = trustDate(now);
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<JoinResult> => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, patient.id)).for("update");
    const active = await tx.$count(waitlistEntries, and(eq(waitlistEntries.patientId, patient.id), isNull(waitlistEntries.endedAt)));
    if (active >= MAX_WAITLISTS) return { ok: false, reason: "limit", message: WAITLIST_LIMIT };
    const schedule = await loadSchedule({ slug: input.providerSlug }, input.appointmentTypeId, rangeCovering(input.fromDate, input.toDate), now, tx);
    if (!schedule) return { ok: false, reason: "not_found", message: "This provider is not taking bookings, or that appointment type is not theirs." };
    if (input.locationId && !schedule.locations.some((l) => l.id === input.locationId)) {
      return { ok: false, reason: "invalid", message: "Check the highlighted fields.", fieldErrors: { locationId: "Choose one of the provider's locations." } };
    }
    const horizon = addDays(today, schedule.horizonDays);
    if (input.fromDate < today) return { ok: false, reason: "invalid", message: "Check the highlighted fields.", fieldErrors: { fromDate: "Choose today or a later day." } };
    if (input.toDate > horizon) return { ok: false, reason: "invalid", message: "Check the highlighted fields.", fieldErrors: { toDate: `This provider books up to ${schedule.horizonDays} days ahead: choose ${horizon} or earlier.` } };
    const [same] = await tx
      .select({ id: waitlistEntries.id })
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.patientId, patient.id), eq(waitlistEntries.providerId, schedule.providerId), eq(waitlistEntries.appointmentTypeId, schedule.type.id), isNull(waitlistEntries.endedAt)));
    if (same) return { ok: false, reason: "duplicate", message: "You are already on this waitlist. Leave it on your dashboard to choose other days." };
    if (slotsOf(schedule, input.fromDate, input.toDate, now, input.locationId).length > 0) {
      return { ok: false, reason: "free", message: "There is a free time in those days already: choose it from the free times on this page." };
    }
    const [entry] = await tx
      .insert(waitlistEntries)
      .values({ patientId: patient.id, providerId: schedule.providerId, appointmentTypeId: schedule.type.id, locationId: input.locationId ?? null, fromDate: input.fromDate, toDate: input.toDate, joinedAt: now })
      .returning({ id: waitlistEntries.id });
    await recordAudit(tx, { actorId: patient.id, action: "waitlist.joined", subjectType: "waitlist_entry", subjectId: entry!.id, details: { providerId: schedule.providerId } });
    return { ok: true, id: entry!.id };
  });
}

export type WaitlistView = {
  id: string;
  providerName: string;
  providerSlug: string;
  typeName: string;
  locationName: string | null;
  fromDate: string;
  toDate: string;
  /** An open offer's time, until when it is held, and its booking page (lib/waitlist/claim.ts checks it is theirs). */
  offer: { startsAt: string; expiresAt: string; timeZone: string; bookHref: string } | null;
};

/** The patient's own active waitlists, oldest first. */
export async function listWaitlists(patient: CurrentUser, now: Date = new Date()): Promise<WaitlistView[]> {
  assertRole(patient, ["patient"], "only patients have waitlists");
  const db = await getDb();
  const rows = await db
    .select({
      id: waitlistEntries.id,
      providerName: providers.name,
      providerSlug: providers.slug,
      typeName: appointmentTypes.name,
      locationName: locations.name,
      fromDate: waitlistEntries.fromDate,
      toDate: waitlistEntries.toDate,
      appointmentTypeId: waitlistEntries.appointmentTypeId,
      offerId: waitlistOffers.id,
      offerLocationId: waitlistOffers.locationId,
      offerStartsAt: waitlistOffers.startsAt,
      offerExpiresAt: waitlistOffers.expiresAt,
      offerZone: sql<string | null>`(select l.time_zone from ${locations} l where l.id = ${waitlistOffers.locationId})`,
    })
    .from(waitlistEntries)
    .innerJoin(providers, eq(providers.id, waitlistEntries.providerId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, waitlistEntries.appointmentTypeId))
    .leftJoin(locations, eq(locations.id, waitlistEntries.locationId))
    .leftJoin(
      waitlistOffers,
      and(eq(waitlistOffers.entryId, waitlistEntries.id), eq(waitlistOffers.outcome, "offered"), sql`${waitlistOffers.expiresAt} > ${now.toISOString()}::timestamptz`),
    )
    .where(and(eq(waitlistEntries.patientId, patient.id), isNull(waitlistEntries.endedAt)))
    .orderBy(asc(waitlistEntries.joinedAt));
  return rows.map((r) => ({
    id: r.id,
    providerName: r.providerName,
    providerSlug: r.providerSlug,
    typeName: r.typeName,
    locationName: r.locationName,
    fromDate: r.fromDate,
    toDate: r.toDate,
    offer:
      r.offerId && r.offerStartsAt && r.offerExpiresAt && r.offerZone && r.offerLocationId
        ? {
            startsAt: r.offerStartsAt.toISOString(),
            expiresAt: r.offerExpiresAt.toISOString(),
            timeZone: r.offerZone,
            bookHref: `/providers/${encodeURIComponent(r.providerSlug)}/book?${new URLSearchParams({ type: r.appointmentTypeId, location: r.offerLocationId, start: r.offerStartsAt.toISOString(), hold: r.offerId })}`,
          }
        : null,
  }));
}

/** The patient's active entry that the offer link `token` belongs to, for the leave page. */
export async function getEntryByToken(patient: CurrentUser, token: string): Promise<WaitlistView | null> {
  assertRole(patient, ["patient"], "only patients have waitlists");
  const db = await getDb();
  const [row] = await db
    .select({ id: waitlistOffers.entryId })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(and(eq(waitlistOffers.tokenHash, linkTokenHash(token)), eq(waitlistEntries.patientId, patient.id)));
  if (!row) return null;
  return (await listWaitlists(patient)).find((e) => e.id === row.id) ?? null;
}

export type LeaveResult = { ok: true } | { ok: false; message: string };

/** Leaves one of the patient's own waitlists; a time held for them goes to the next in line at once. */
export async function leaveWaitlist(patient: CurrentUser, entryId: string, now: Date = new Date()): Promise<LeaveResult> {
  assertRole(patient, ["patient"], "only patients leave waitlists");
  if (!isUuid(entryId)) return { ok: false, message: "That waitlist no longer exists. Reload the page." };
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<LeaveResult> => {
    const [left] = await tx
      .update(waitlistEntries)
      .set({ endedAt: now, endReason: "left" })
      .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.patientId, patient.id), isNull(waitlistEntries.endedAt)))
      .returning({ id: waitlistEntries.id, providerId: waitlistEntries.providerId });
    if (!left) return { ok: false, message: "That waitlist no longer exists. Reload the page." };
    await recordAudit(tx, { actorId: patient.id, action: "waitlist.left", subjectType: "waitlist_entry", subjectId: left.id, details: { providerId: left.providerId } });
    for (const providerId of await withdrawOffers(tx, [left.id])) await offerFreedTimes(tx, providerId, now);
    return { ok: true };
  });
}

/** Account deletion (lib/account/delete.ts): the patient's waitlists and holds go, their times to the next in line. */
export async function deleteWaitlistsOf(tx: Tx, patientId: string, now: Date): Promise<void> {
  const entries = await tx.select({ id: waitlistEntries.id }).from(waitlistEntries).where(eq(waitlistEntries.patientId, patientId));
  const ids = entries.map((e) => e.id);
  const freed = await withdrawOffers(tx, ids);
  if (ids.length > 0) await tx.delete(waitlistEntries).where(inArray(waitlistEntries.id, ids));
  for (const providerId of freed) await offerFreedTimes(tx, providerId, now);
}

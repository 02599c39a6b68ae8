import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { appointmentTypes, bookings, conditions, insuranceCarriers, licenses, locations, providerConditions, providerInsurance, providers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import { isEmailVerified } from "@/lib/auth/email-verification";
import type { CurrentUser } from "@/lib/auth/session";
import { cancelProviderSide, countUpcoming } from "@/lib/booking/provider-side-cancel";
import { ACTIVE_STATUSES } from "@/lib/booking/state";
import { lookupZip } from "@/lib/geo/places";
import { isKnownTimeZone, timeZoneAt } from "@/lib/geo/time-zones";
import { trustDate } from "@/lib/licensing/trust";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { pluralize } from "@/lib/ui/format";
import { listingChecklist, type Checklist } from "./blockers";
import { getOwnProvider } from "./owner";
import { slugCandidates } from "./slug";
import type { ListingInput, LocationInput } from "./validation";

export type ListingResult = { ok: true } | { ok: false; error?: string; fieldErrors?: Record<string, string> };

export const PUBLISH_NEEDS_VERIFIED_EMAIL = "Confirm your email address before you publish: open the link we emailed you, or ask for a new one on your account page.";
export const START_LISTING_FIRST = "Start your listing first: fill in and save your listing details.";
export const MAX_LOCATIONS = 20;

export type OwnLocation = {
  id: string;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string;
  zip: string;
  timeZone: string;
};

export type OwnListing = Omit<ListingInput, "conditions" | "carriers"> & {
  id: string;
  slug: string;
  photoUrl: string | null;
  listingStatus: "draft" | "published";
  suspendedAt: Date | null;
  suspensionReason: string | null;
  conditions: { slug: string; yearsTreating: number; note: string }[];
  carriers: string[];
  locations: OwnLocation[];
};

/** The signed-in provider's whole listing for editing, in one statement; null before they start one. */
export async function getOwnListing(user: CurrentUser): Promise<OwnListing | null> {
  assertRole(user, ["provider"], "only providers have a listing");
  const db = await getDb();
  const row = await db.query.providers.findFirst({
    where: eq(providers.userId, user.id),
    columns: { userId: false, createdAt: false, updatedAt: false },
    with: {
      conditions: { columns: { yearsTreating: true, note: true }, with: { condition: { columns: { slug: true } } } },
      insurance: { columns: {}, with: { carrier: { columns: { slug: true } } } },
      locations: {
        columns: { id: true, name: true, addressLine1: true, addressLine2: true, city: true, state: true, zip: true, timeZone: true },
        orderBy: [asc(locations.state), asc(locations.city), asc(locations.name)],
      },
    },
  });
  if (!row) return null;
  const { conditions: conditionRows, insurance, ...rest } = row;
  return {
    ...rest,
    conditions: conditionRows.map((c) => ({ slug: c.condition.slug, yearsTreating: c.yearsTreating, note: c.note })),
    carriers: insurance.map((i) => i.carrier.slug),
  };
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function resolveReferences(tx: Tx, input: ListingInput) {
  const conditionSlugs = input.conditions.map((c) => c.slug);
  const conditionRows = conditionSlugs.length
    ? await tx.select({ id: conditions.id, slug: conditions.slug }).from(conditions).where(inArray(conditions.slug, conditionSlugs))
    : [];
  const carrierRows = input.carriers.length
    ? await tx.select({ id: insuranceCarriers.id, slug: insuranceCarriers.slug }).from(insuranceCarriers).where(inArray(insuranceCarriers.slug, input.carriers))
    : [];
  const fieldErrors: Record<string, string> = {};
  if (conditionRows.length !== new Set(conditionSlugs).size) fieldErrors.conditions = "Choose conditions from the list.";
  if (carrierRows.length !== new Set(input.carriers).size) fieldErrors.carriers = "Choose insurance carriers from the list.";
  return { conditionRows, carrierRows, fieldErrors };
}

/** Inserts a new draft listing under the first free slug; a savepoint per try keeps the transaction usable. */
async function insertListing(tx: Tx, user: CurrentUser, values: Omit<typeof providers.$inferInsert, "slug">): Promise<string> {
  for (const slug of slugCandidates(values.name, values.credentials)) {
    try {
      const [row] = await tx.transaction((sp) => sp.insert(providers).values({ ...values, slug, userId: user.id }).returning({ id: providers.id }));
      return row!.id;
    } catch (error) {
      if (!isUniqueViolation(error, "providers_slug_idx")) throw error;
    }
  }
  throw new Error("no free slug for a new listing");
}

/**
 * Creates or updates the signed-in provider's listing: the provider row, conditions and insurance in
 * one transaction, so a refused part leaves nothing half-saved. New listings start as drafts.
 */
export async function saveListing(user: CurrentUser, input: ListingInput): Promise<ListingResult> {
  assertRole(user, ["provider"], "only providers edit a listing");
  const db = await getDb();
  try {
    return await scheduleTransaction(db, new Date(), async (tx): Promise<ListingResult> => {
      const { conditionRows, carrierRows, fieldErrors } = await resolveReferences(tx, input);
      if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
      const { conditions: conditionInput, carriers, ...columns } = input;
      const existing = await getOwnProvider(user, tx);
      let providerId: string;
      if (existing) {
        providerId = existing.id;
        await tx
          .update(providers)
          .set({ ...columns, updatedAt: new Date() })
          .where(and(eq(providers.id, existing.id), eq(providers.userId, user.id)));
      } else {
        providerId = await insertListing(tx, user, columns);
      }
      await tx.delete(providerConditions).where(eq(providerConditions.providerId, providerId));
      if (conditionInput.length > 0) {
        const idBySlug = new Map(conditionRows.map((c) => [c.slug, c.id]));
        await tx.insert(providerConditions).values(
          conditionInput.map((c) => ({ providerId, conditionId: idBySlug.get(c.slug)!, yearsTreating: c.yearsTreating, note: c.note })),
        );
      }
      await tx.delete(providerInsurance).where(eq(providerInsurance.providerId, providerId));
      if (carrierRows.length > 0) await tx.insert(providerInsurance).values(carrierRows.map((c) => ({ providerId, carrierId: c.id })));
      await recordAudit(tx, {
        actorId: user.id,
        action: existing ? "listing.updated" : "listing.created",
        subjectType: "provider",
        subjectId: providerId,
        details: {},
      });
      return { ok: true };
    });
  } catch (error) {
    // Another tab of the same provider created the listing at the same moment.
    if (isUniqueViolation(error, "providers_user_idx")) return { ok: false, error: "Your listing was just created in another window. Reload the page." };
    throw error;
  }
}

/** Adds a location, geocoded from its ZIP code offline; the time zone defaults to the one at that point. */
export async function addLocation(user: CurrentUser, input: LocationInput): Promise<ListingResult> {
  assertRole(user, ["provider"], "only providers add locations");
  const place = lookupZip(input.zip);
  if (!place) return { ok: false, fieldErrors: { zip: `We couldn't find ZIP code ${input.zip}. Check it and try again.` } };
  const timeZone = input.timeZone || timeZoneAt(place.latitude, place.longitude);
  if (!isKnownTimeZone(timeZone)) return { ok: false, fieldErrors: { timeZone: "Choose a time zone from the list." } };
  const db = await getDb();
  return scheduleTransaction(db, new Date(), async (tx): Promise<ListingResult> => {
    const own = await getOwnProvider(user, tx);
    if (!own) return { ok: false, error: START_LISTING_FIRST };
    const existing = await tx.$count(locations, eq(locations.providerId, own.id));
    if (existing >= MAX_LOCATIONS) return { ok: false, error: `A listing can have at most ${MAX_LOCATIONS} locations.` };
    const [row] = await tx
      .insert(locations)
      .values({
        providerId: own.id,
        name: input.name,
        addressLine1: input.addressLine1,
        addressLine2: input.addressLine2 || null,
        city: place.city,
        state: place.state,
        zip: input.zip,
        latitude: place.latitude,
        longitude: place.longitude,
        timeZone,
      })
      .returning({ id: locations.id });
    await recordAudit(tx, { actorId: user.id, action: "location.added", subjectType: "provider", subjectId: own.id, details: { locationId: row!.id, state: place.state } });
    return { ok: true };
  });
}

/**
 * Removes one of the signed-in provider's own locations; someone else's id matches nothing. Its
 * upcoming bookings are cancelled first, as by the provider (full refunds, patients emailed), but
 * only if they are the `expectedUpcoming` the provider was shown: a booking made since the page
 * loaded stops the removal, so nobody is cancelled without the provider having seen them counted.
 */
export async function removeLocation(user: CurrentUser, locationId: string, expectedUpcoming: number, now: Date = new Date()): Promise<ListingResult> {
  assertRole(user, ["provider"], "only providers remove locations");
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<ListingResult> => {
    const own = await getOwnProvider(user, tx);
    if (!own) return { ok: false, error: START_LISTING_FIRST };
    if (own.suspendedAt) return { ok: false, error: "Your listing is suspended, so its locations cannot be changed until an admin reinstates it." };
    // Locked, so no booking can be made there between the count and the removal.
    const [location] = await tx.select({ id: locations.id, state: locations.state }).from(locations).where(and(eq(locations.id, locationId), eq(locations.providerId, own.id))).for("update");
    if (!location) return { ok: false, error: "That location was already removed. Reload the page." };
    const atLocation = eq(bookings.locationId, locationId);
    const upcoming = await countUpcoming(tx, atLocation, now);
    if (upcoming !== expectedUpcoming) {
      return { ok: false, error: `${pluralize(upcoming, "upcoming booking")} ${upcoming === 1 ? "is" : "are"} at this location now, not ${expectedUpcoming}. Reload the page to see them before removing it.` };
    }
    const cancelled = await cancelProviderSide(tx, { providerId: own.id, where: atLocation, cause: "location_removed", actorId: user.id }, now);
    await tx.delete(locations).where(eq(locations.id, locationId));
    await recordAudit(tx, { actorId: user.id, action: "location.removed", subjectType: "provider", subjectId: own.id, details: { locationId, state: location.state, bookingsCancelled: cancelled } });
    return { ok: true };
  });
}

/** The signed-in provider's upcoming bookings per location, for the removal's confirmation. */
export async function upcomingBookingsByLocation(user: CurrentUser, now: Date = new Date()): Promise<Map<string, number>> {
  assertRole(user, ["provider"], "only providers see their locations' bookings");
  const db = await getDb();
  // One statement: the caller's own listing is found by its owner inside it.
  const rows = await db
    .select({ locationId: locations.id, upcoming: sql<number>`count(${bookings.id})::int` })
    .from(locations)
    .innerJoin(providers, and(eq(providers.id, locations.providerId), eq(providers.userId, user.id)))
    .leftJoin(bookings, and(eq(bookings.locationId, locations.id), inArray(bookings.status, [...ACTIVE_STATUSES]), gt(bookings.startsAt, now)))
    .groupBy(locations.id);
  return new Map(rows.map((r) => [r.locationId, r.upcoming]));
}

/** The publish switch. Publishing does not list anyone by itself: the trust rule still decides. */
export async function setListingPublished(user: CurrentUser, publish: boolean): Promise<ListingResult> {
  assertRole(user, ["provider"], "only providers publish a listing");
  const db = await getDb();
  return scheduleTransaction(db, new Date(), async (tx): Promise<ListingResult> => {
    const own = await getOwnProvider(user, tx);
    if (!own) return { ok: false, error: START_LISTING_FIRST };
    const status = publish ? "published" : "draft";
    if (own.listingStatus === status) return { ok: true };
    // A published listing takes booking requests under the owner's address: it must be one they
    // showed they read (lib/auth/email-verification.ts). Unpublishing is always allowed.
    if (publish) {
      const [owner] = await tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id));
      if (!owner?.verifiedAt) return { ok: false, error: PUBLISH_NEEDS_VERIFIED_EMAIL };
    }
    await tx
      .update(providers)
      .set({ listingStatus: status, updatedAt: new Date() })
      .where(and(eq(providers.id, own.id), eq(providers.userId, user.id)));
    await recordAudit(tx, { actorId: user.id, action: publish ? "listing.published" : "listing.unpublished", subjectType: "provider", subjectId: own.id, details: {} });
    return { ok: true };
  });
}

/** What still keeps the signed-in provider's listing out of search, or null before they start one. */
export async function getOwnChecklist(user: CurrentUser, now: Date = new Date()): Promise<Checklist | null> {
  assertRole(user, ["provider"], "only providers have a listing");
  const db = await getDb();
  const row = await db.query.providers.findFirst({
    where: eq(providers.userId, user.id),
    columns: { listingStatus: true, suspendedAt: true, suspensionReason: true },
    with: {
      conditions: { columns: { conditionId: true } },
      locations: { columns: { name: true, city: true, state: true }, with: { hours: { columns: { id: true }, limit: 1 } } },
      appointmentTypes: { columns: { id: true }, where: and(eq(appointmentTypes.kind, "initial_consultation"), isNull(appointmentTypes.archivedAt)), limit: 1 },
      licenses: {
        columns: { kind: true, state: true, status: true, expiresOn: true, rejectionReason: true },
        where: ne(licenses.kind, "board"),
        orderBy: [desc(licenses.submittedAt)],
      },
    },
  });
  if (!row) return null;
  const emailVerified = await isEmailVerified(user);
  return listingChecklist({
    ...row,
    conditionCount: row.conditions.length,
    hasConsultation: row.appointmentTypes.length > 0,
    locations: row.locations.map((l) => ({ name: l.name, city: l.city, state: l.state, hasHours: l.hours.length > 0 })),
    today: trustDate(now),
    emailVerified,
  });
}

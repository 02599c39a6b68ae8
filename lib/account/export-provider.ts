import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointmentTypes, bookings, conditions, licenses, locations, payments, providerConditions, providerPhotos, providers, reviews, timeOff, weeklyHours } from "@/db/schema";

// The provider's part of "download your data": what they entered (listing, licenses, locations,
// schedule) and their bookings as appointments, without anything the patients wrote or who they
// are: a patient's intake and identity are the patient's to export, not the provider's.

type Reader = Pick<Database, "select">;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function providerExport(db: Reader, userId: string) {
  const [p] = await db.select().from(providers).where(eq(providers.userId, userId));
  if (!p) return { listing: null };
  const [licenseRows, locationRows, typeRows, offRows, conditionRows, photoRows, bookingRows] = await Promise.all([
    db.select().from(licenses).where(eq(licenses.providerId, p.id)).orderBy(asc(licenses.createdAt)),
    db.select().from(locations).where(eq(locations.providerId, p.id)).orderBy(asc(locations.createdAt)),
    db.select().from(appointmentTypes).where(eq(appointmentTypes.providerId, p.id)),
    db.select().from(timeOff).where(eq(timeOff.providerId, p.id)).orderBy(asc(timeOff.startsAt)),
    db
      .select({ slug: conditions.slug, yearsTreating: providerConditions.yearsTreating, note: providerConditions.note })
      .from(providerConditions)
      .innerJoin(conditions, eq(conditions.id, providerConditions.conditionId))
      .where(eq(providerConditions.providerId, p.id)),
    db.select({ id: providerPhotos.id, contentType: providerPhotos.contentType, createdAt: providerPhotos.createdAt }).from(providerPhotos).where(eq(providerPhotos.providerId, p.id)),
    db
      .select({ booking: bookings, paymentStatus: payments.status })
      .from(bookings)
      .leftJoin(payments, eq(payments.bookingId, bookings.id))
      .where(and(eq(bookings.providerId, p.id), eq(bookings.waitlistHold, false)))
      .orderBy(asc(bookings.startsAt)),
  ]);
  const reviewRows = await db.select().from(reviews).where(eq(reviews.providerId, p.id)).orderBy(asc(reviews.createdAt));
  const hours = locationRows.length === 0 ? [] : await db.select().from(weeklyHours).where(inArray(weeklyHours.locationId, locationRows.map((l) => l.id)));
  return {
    listing: {
      slug: p.slug,
      name: p.name,
      credentials: p.credentials,
      specialty: p.specialty,
      bio: p.bio,
      yearsExperience: p.yearsExperience,
      languages: p.languages,
      gender: p.gender,
      telehealth: p.telehealth,
      selfPay: p.selfPay,
      pricePerUnitCents: p.pricePerUnitCents,
      cancellationWindowHours: p.cancellationWindowHours,
      cancellationPolicy: p.cancellationPolicy,
      minNoticeMinutes: p.minNoticeMinutes,
      horizonDays: p.horizonDays,
      status: p.listingStatus,
      suspendedAt: iso(p.suspendedAt),
      suspensionReason: p.suspensionReason,
      createdAt: iso(p.createdAt),
      conditions: conditionRows,
      photos: photoRows.map((ph) => ({ id: ph.id, contentType: ph.contentType, uploadedAt: iso(ph.createdAt) })),
    },
    licenses: licenseRows.map((l) => ({
      kind: l.kind,
      state: l.state,
      number: l.number,
      issuer: l.issuer,
      expiresOn: l.expiresOn,
      status: l.status,
      verifiedAt: iso(l.verifiedAt),
      rejectionReason: l.rejectionReason,
      submittedAt: iso(l.submittedAt),
    })),
    locations: locationRows.map((l) => ({
      id: l.id,
      name: l.name,
      address: [l.addressLine1, l.addressLine2, `${l.city}, ${l.state} ${l.zip}`].filter(Boolean).join(", "),
      timeZone: l.timeZone,
      weeklyHours: hours
        .filter((h) => h.locationId === l.id)
        .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)
        .map((h) => ({ weekday: h.weekday, startMinute: h.startMinute, endMinute: h.endMinute })),
    })),
    appointmentTypes: typeRows.map((t) => ({
      name: t.name,
      kind: t.kind,
      minutes: t.minutes,
      bufferAfterMinutes: t.bufferAfterMinutes,
      feeCents: t.feeCents,
      depositCents: t.depositCents,
      telehealthAllowed: t.telehealthAllowed,
      confirmsAutomatically: t.confirmsAutomatically,
      archivedAt: iso(t.archivedAt),
    })),
    timeOff: offRows.map((t) => ({ startsAt: iso(t.startsAt), endsAt: iso(t.endsAt), locationId: t.locationId, note: t.note })),
    // What patients wrote in public about the listing, and the replies; not who wrote it.
    reviews: reviewRows.map((r) => ({ rating: r.rating, text: r.text, writtenAt: iso(r.createdAt), reply: r.reply, repliedAt: iso(r.repliedAt), hidden: r.hiddenAt !== null })),
    bookings: bookingRows.map(({ booking: b, paymentStatus }) => ({
      id: b.id,
      appointmentType: b.typeName,
      location: b.locationName,
      telehealth: b.telehealth,
      startsAt: iso(b.startsAt),
      endsAt: iso(b.endsAt),
      timeZone: b.timeZone,
      status: b.status,
      cancelledBy: b.cancelledBy,
      feeCents: b.feeCents,
      depositCents: b.depositCents,
      paymentStatus,
    })),
  };
}

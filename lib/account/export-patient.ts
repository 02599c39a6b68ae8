import "server-only";
import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents, bookings, diaryEntries, diaryScores, diarySharing, payments, providers, reviews, users, waitlistEntries } from "@/db/schema";
import { recordAudits } from "@/lib/audit/record";
import { openJson, SealedDataError } from "@/lib/crypto/sealed-json";
import { openNotes } from "@/lib/booking/notes";
import { diaryOf } from "@/lib/diary/entries";
import { treatmentsOf } from "@/lib/treatments/records";

// The patient's part of "download your data": every booking with the intake and notes opened,
// its payment, the diary, reviews, and an accounting of disclosures (every time someone else opened what
// the patient wrote, with who and when). Opening the intakes here is itself a read, audited as the
// patient's own so the audit log shows the export happened.

type Reader = Pick<Database, "select" | "insert">;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function openIntake(sealed: string, bookingId: string): { intake: unknown; intakeUnreadable?: true } {
  try {
    return { intake: openJson(sealed, bookingId) };
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return { intake: null, intakeUnreadable: true };
  }
}

export async function patientExport(db: Reader, patientId: string) {
  const rows = await db
    .select({ booking: bookings, providerName: providers.name, providerSlug: providers.slug, payment: payments })
    .from(bookings)
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .leftJoin(payments, eq(payments.bookingId, bookings.id))
    // A time held from the waitlist is exported with the waitlists, not as a booking.
    .where(and(eq(bookings.patientId, patientId), eq(bookings.waitlistHold, false)))
    .orderBy(asc(bookings.startsAt));
  const ids = rows.map((r) => r.booking.id);
  await recordAudits(
    db,
    ids.map((id) => ({ actorId: patientId, action: "intake.read", subjectType: "booking", subjectId: id, details: { by: "patient", for: "export" } })),
  );
  // What others opened: an intake or a note of a booking, or the diary under the patient's consent.
  const aboutBookings =
    ids.length === 0 ? undefined : and(eq(auditEvents.subjectType, "booking"), inArray(auditEvents.subjectId, ids), inArray(auditEvents.action, ["intake.read", "booking_note.read"]));
  const aboutDiary = and(eq(auditEvents.subjectType, "patient"), eq(auditEvents.subjectId, patientId), eq(auditEvents.action, "diary.read"));
  const disclosures = await db
    .select({ at: auditEvents.createdAt, action: auditEvents.action, subjectType: auditEvents.subjectType, subjectId: auditEvents.subjectId, byName: users.name, byRole: users.role })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(or(aboutBookings, aboutDiary), ne(auditEvents.actorId, patientId)))
    .orderBy(asc(auditEvents.createdAt));
  const sharedWith = await db
    .select({ name: providers.name, since: diarySharing.createdAt })
    .from(diarySharing)
    .innerJoin(providers, eq(providers.id, diarySharing.providerId))
    .where(eq(diarySharing.patientId, patientId))
    .orderBy(asc(providers.name));

  const [firstEntry] = await db.select({ day: diaryEntries.day }).from(diaryEntries).where(eq(diaryEntries.patientId, patientId)).orderBy(asc(diaryEntries.day)).limit(1);
  const [firstScore] = await db.select({ day: diaryScores.day }).from(diaryScores).where(eq(diaryScores.patientId, patientId)).orderBy(asc(diaryScores.day)).limit(1);
  const from = [firstEntry?.day, firstScore?.day].filter((d): d is string => Boolean(d)).sort()[0];
  const diary = from ? await diaryOf(patientId, { from, to: "9999-12-31" }) : null;
  const { history: treatmentHistory } = await treatmentsOf(patientId);

  const waitlistRows = await db
    .select({ entry: waitlistEntries, providerName: providers.name })
    .from(waitlistEntries)
    .innerJoin(providers, eq(providers.id, waitlistEntries.providerId))
    .where(eq(waitlistEntries.patientId, patientId))
    .orderBy(asc(waitlistEntries.joinedAt));

  const reviewRows = await db
    .select({ review: reviews, providerName: providers.name })
    .from(reviews)
    .innerJoin(providers, eq(providers.id, reviews.providerId))
    .where(eq(reviews.patientId, patientId))
    .orderBy(asc(reviews.createdAt));

  return {
    reviews: reviewRows.map(({ review: r, providerName }) => ({
      provider: providerName,
      rating: r.rating,
      text: r.text,
      showName: r.showName,
      writtenAt: iso(r.createdAt),
      editedAt: iso(r.editedAt),
      reply: r.reply,
      hidden: r.hiddenAt ? { at: iso(r.hiddenAt), reason: r.hiddenReason } : null,
    })),
    bookings: rows.map(({ booking: b, providerName, providerSlug, payment: p }) => ({
      id: b.id,
      provider: { name: providerName, slug: providerSlug },
      appointmentType: b.typeName,
      location: { name: b.locationName, address: b.locationAddress, timeZone: b.timeZone },
      telehealth: b.telehealth,
      startsAt: iso(b.startsAt),
      endsAt: iso(b.endsAt),
      status: b.status,
      cancelledBy: b.cancelledBy,
      feeCents: b.feeCents,
      depositCents: b.depositCents,
      cancellationWindowHours: b.cancellationWindowHours,
      requestedAt: iso(b.createdAt),
      ...openIntake(b.intakeCiphertext, b.id),
      notes: openNotes(b.id, b),
      payment: p
        ? { amountCents: p.amountCents, currency: p.currency, status: p.status, paidAt: iso(p.paidAt), receiptReference: p.paymentIntentId, refundedAt: iso(p.refundedAt), refundReason: p.refundReason }
        : null,
    })),
    disclosures: disclosures.map((d) => ({
      at: iso(d.at),
      bookingId: d.subjectType === "booking" ? d.subjectId : null,
      what: d.action === "intake.read" ? "intake" : d.action === "diary.read" ? "your diary, scores and treatments" : "a note you wrote",
      by: d.byName ? { name: d.byName, role: d.byRole } : { name: "a closed account", role: null },
    })),
    waitlists: waitlistRows.map(({ entry: w, providerName }) => ({
      provider: providerName,
      from: w.fromDate,
      to: w.toDate,
      joinedAt: iso(w.joinedAt),
      endedAt: iso(w.endedAt),
      endReason: w.endReason,
    })),
    diarySharedWith: sharedWith.map((s) => ({ provider: s.name, since: iso(s.since) })),
    treatments: treatmentHistory.map((t) => ({ bookingId: t.bookingId, treatedOn: t.treatedOn, provider: t.provider, ...(t.details ? { product: t.details.productLabel, units: t.details.units, regions: t.details.regions, lot: t.details.lot } : { unreadable: true }) })),
    diary: diary ? { entries: diary.entries, scores: diary.scores.map(({ instrument, date, total }) => ({ instrument, date, total })) } : { entries: [], scores: [] },
  };
}

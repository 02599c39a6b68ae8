import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { appointmentTypes, bookings, providers, treatments, type Booking } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { openJson, sealJson, SealedDataError } from "@/lib/crypto/sealed-json";
import { getOwnProvider } from "@/lib/listing/owner";
import { log } from "@/lib/log/logger";
import { localDate } from "@/lib/ui/time-zone";
import { earliestNextTreatment } from "./interval";
import { PRODUCT_LABELS, type TreatmentProduct } from "./products";
import type { TreatmentDetails } from "./validation";

// What each treatment gave, recorded by the provider as they mark the visit completed. The product,
// units, sites and lot are sealed together under the booking, so a ciphertext moved onto another
// booking's row fails to open; the date stays in clear for the interval rule and the reminder.

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type TreatmentRecord = {
  bookingId: string;
  treatedOn: string;
  provider: { name: string; slug: string };
  /** Null when the sealed details cannot be opened (another key, or altered). */
  details: { product: TreatmentProduct; productLabel: string; units: number; regions: string; lot: string } | null;
};

const associatedData = (bookingId: string) => `${bookingId}/treatment`;

export function sealTreatment(bookingId: string, details: TreatmentDetails): string {
  return sealJson(details, associatedData(bookingId));
}

function openTreatment(bookingId: string, sealed: string): TreatmentRecord["details"] {
  try {
    const details = openJson(sealed, associatedData(bookingId)) as TreatmentDetails;
    return { ...details, productLabel: PRODUCT_LABELS[details.product] };
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    log.warn("treatment_unreadable", { code: "treatment" });
    return null;
  }
}

/** Whether the booking's appointment type is a treatment (the rule and the record apply to those only). */
export async function isTreatmentBooking(tx: Pick<Database, "select">, booking: Pick<Booking, "appointmentTypeId">): Promise<boolean> {
  if (!booking.appointmentTypeId) return false;
  const [type] = await tx.select({ kind: appointmentTypes.kind }).from(appointmentTypes).where(eq(appointmentTypes.id, booking.appointmentTypeId));
  return type?.kind === "treatment";
}

/** Stores what a completed treatment visit gave, dated in the visit's own zone. */
export async function recordTreatment(tx: Tx, booking: Booking, details: TreatmentDetails): Promise<void> {
  await tx.insert(treatments).values({
    bookingId: booking.id,
    patientId: booking.patientId,
    providerId: booking.providerId,
    treatedOn: localDate(booking.startsAt, booking.timeZone),
    detailsCiphertext: sealTreatment(booking.id, details),
  });
}

const recordColumns = {
  bookingId: treatments.bookingId,
  treatedOn: treatments.treatedOn,
  detailsCiphertext: treatments.detailsCiphertext,
  providerName: providers.name,
  providerSlug: providers.slug,
};

type RecordRow = { bookingId: string; treatedOn: string; detailsCiphertext: string; providerName: string; providerSlug: string };

const toRecord = (r: RecordRow): TreatmentRecord => ({
  bookingId: r.bookingId,
  treatedOn: r.treatedOn,
  provider: { name: r.providerName, slug: r.providerSlug },
  details: openTreatment(r.bookingId, r.detailsCiphertext),
});

/**
 * The signed-in patient's treatments, newest first, with every provider, and the first date the
 * next one may be on (counting only completed treatments: a booked one shows in their bookings).
 */
export async function getPatientTreatments(patient: Pick<CurrentUser, "id" | "role">): Promise<{ history: TreatmentRecord[]; nextFrom: string | null }> {
  assertRole(patient, ["patient"], "only patients have a treatment history");
  return treatmentsOf(patient.id);
}

/** Any patient's treatments: for callers that have checked the right to read them (see getPatientTreatments). */
export async function treatmentsOf(patientId: string): Promise<{ history: TreatmentRecord[]; nextFrom: string | null }> {
  const patient = { id: patientId };
  const db = await getDb();
  const rows = await db
    .select(recordColumns)
    .from(treatments)
    .innerJoin(providers, eq(providers.id, treatments.providerId))
    .where(eq(treatments.patientId, patient.id))
    .orderBy(desc(treatments.treatedOn));
  return { history: rows.map(toRecord), nextFrom: earliestNextTreatment(rows.map((r) => r.treatedOn)) };
}

/**
 * What the provider recorded for one of their own bookings; null for another provider's booking,
 * one without a record, or while suspended. The provider wrote it, so the read is not audited.
 */
export async function getBookingTreatment(provider: CurrentUser, bookingId: string): Promise<TreatmentRecord | null> {
  assertRole(provider, ["provider"], "only providers read their treatment records");
  if (!isUuid(bookingId)) return null;
  const db = await getDb();
  const own = await getOwnProvider(provider, db);
  if (!own || own.suspendedAt) return null;
  const [row] = await db
    .select(recordColumns)
    .from(treatments)
    .innerJoin(providers, eq(providers.id, treatments.providerId))
    .innerJoin(bookings, eq(bookings.id, treatments.bookingId))
    .where(and(eq(treatments.bookingId, bookingId), eq(bookings.providerId, own.id)));
  return row ? toRecord(row) : null;
}

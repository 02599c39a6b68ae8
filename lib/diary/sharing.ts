import "server-only";
import { and, asc, eq, sql, type SQLWrapper } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { bookings, diarySharing, providers, users } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { getOwnProvider } from "@/lib/listing/owner";

// Who may see a patient's diary, scores and treatment history besides the patient (issue 14,
// part 4): a provider the patient has booked with and has allowed, in the intake or with the switch
// on their bookings page. The consent is a row of diary_sharing; giving and withdrawing it are
// audited on the patient, and so is every read it allows (./shared-progress.ts), which the
// patient's data export lists.

type Tx = Pick<Database, "insert" | "select">;

/**
 * Bookings of `patientId` with `providerId` exist: consent is only asked of, and given to, those. A
 * time held from the waitlist (lib/waitlist) is not a booking yet.
 */
const hasBookedWith = (patientId: string, providerId: SQLWrapper | string) =>
  sql`exists (select 1 from ${bookings} where ${bookings.patientId} = ${patientId} and ${bookings.providerId} = ${providerId} and not ${bookings.waitlistHold})`;

/** Records consent given in the intake of a booking being made, inside its transaction. */
export async function shareOnBooking(tx: Tx, patientId: string, providerId: string): Promise<void> {
  const added = await tx.insert(diarySharing).values({ patientId, providerId }).onConflictDoNothing().returning({ providerId: diarySharing.providerId });
  if (added.length > 0) await recordAudit(tx, { actorId: patientId, action: "diary.sharing_granted", subjectType: "patient", subjectId: patientId, details: { providerId, from: "intake" } });
}

export type SharingChoice = { providerSlug: string; providerName: string; shared: boolean };

/** The providers the patient has booked with, each with whether they may see the diary. */
export async function listSharingChoices(patient: CurrentUser): Promise<SharingChoice[]> {
  assertRole(patient, ["patient"], "only patients choose who sees their diary");
  const db = await getDb();
  const rows = await db
    .selectDistinct({ providerSlug: providers.slug, providerName: providers.name, shared: sql<boolean>`${diarySharing.providerId} is not null` })
    .from(bookings)
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .leftJoin(diarySharing, and(eq(diarySharing.patientId, bookings.patientId), eq(diarySharing.providerId, providers.id)))
    .where(and(eq(bookings.patientId, patient.id), eq(bookings.waitlistHold, false)))
    .orderBy(asc(providers.name));
  return rows;
}

export type SharingResult = { ok: true; message: string } | { ok: false; error: string };

/** Gives or withdraws one provider's view of the patient's diary. */
export async function setDiarySharing(patient: CurrentUser, providerSlug: string, shared: boolean): Promise<SharingResult> {
  assertRole(patient, ["patient"], "only patients choose who sees their diary");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [provider] = await tx
      .select({ id: providers.id, name: providers.name })
      .from(providers)
      .where(and(eq(providers.slug, providerSlug), hasBookedWith(patient.id, providers.id)));
    if (!provider) return { ok: false, error: "You can share your diary only with a provider you have booked with." };
    const changed = shared
      ? await tx.insert(diarySharing).values({ patientId: patient.id, providerId: provider.id }).onConflictDoNothing().returning({ id: diarySharing.providerId })
      : await tx.delete(diarySharing).where(and(eq(diarySharing.patientId, patient.id), eq(diarySharing.providerId, provider.id))).returning({ id: diarySharing.providerId });
    if (changed.length > 0) {
      await recordAudit(tx, { actorId: patient.id, action: shared ? "diary.sharing_granted" : "diary.sharing_revoked", subjectType: "patient", subjectId: patient.id, details: { providerId: provider.id } });
    }
    return { ok: true, message: shared ? `${provider.name} can now see your diary, scores and treatments.` : `${provider.name} can no longer see your diary.` };
  });
}

/**
 * The patient a provider may read, by the patient's account id: null unless the signed-in provider
 * (not suspended) has a booking with them and their consent.
 */
export async function sharedPatientFor(provider: CurrentUser, patientId: string): Promise<{ providerId: string; patient: { id: string; name: string } } | null> {
  assertRole(provider, ["provider"], "only providers read a shared diary");
  if (!isUuid(patientId)) return null;
  const db = await getDb();
  const own = await getOwnProvider(provider, db);
  if (!own || own.suspendedAt) return null;
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(diarySharing)
    .innerJoin(users, eq(users.id, diarySharing.patientId))
    .where(and(eq(diarySharing.patientId, patientId), eq(diarySharing.providerId, own.id), hasBookedWith(patientId, own.id)));
  return row ? { providerId: own.id, patient: row } : null;
}

/** The patient of one of the provider's own bookings, when that patient shares their diary with them. */
export async function sharingPatientOfBooking(provider: CurrentUser, bookingId: string): Promise<string | null> {
  assertRole(provider, ["provider"], "only providers read a shared diary");
  if (!isUuid(bookingId)) return null;
  const db = await getDb();
  const own = await getOwnProvider(provider, db);
  if (!own || own.suspendedAt) return null;
  const [row] = await db
    .select({ patientId: diarySharing.patientId })
    .from(bookings)
    .innerJoin(diarySharing, and(eq(diarySharing.patientId, bookings.patientId), eq(diarySharing.providerId, bookings.providerId)))
    .where(and(eq(bookings.id, bookingId), eq(bookings.providerId, own.id)));
  return row?.patientId ?? null;
}

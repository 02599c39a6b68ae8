import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, treatmentIntervalOverrides, treatments } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { sealJson } from "@/lib/crypto/sealed-json";
import { getOwnProvider } from "@/lib/listing/owner";

// The treating provider's exception to the 84-day rule: for a clinical reason they allow the
// patient's next treatment with them sooner. Only the provider who gave the patient's latest
// treatment can, from that treatment's booking; the reason is sealed (it is about the patient's
// care) and the audit row says who allowed it for whom, never why.

export type OverrideResult = { ok: true; message: string } | { ok: false; error: string };

export const NOT_LATEST = "Only the provider of the patient's latest treatment can allow an earlier next one, from that treatment's page.";

export async function allowEarlierTreatment(provider: CurrentUser, bookingId: string, reason: string): Promise<OverrideResult> {
  assertRole(provider, ["provider"], "only the treating provider allows an earlier treatment");
  if (!isUuid(bookingId)) return { ok: false, error: NOT_LATEST };
  const db = await getDb();
  const own = await getOwnProvider(provider, db);
  if (!own || own.suspendedAt) return { ok: false, error: NOT_LATEST };
  return db.transaction(async (tx): Promise<OverrideResult> => {
    const [treatment] = await tx
      .select({ id: treatments.id, patientId: treatments.patientId })
      .from(treatments)
      .innerJoin(bookings, eq(bookings.id, treatments.bookingId))
      .where(and(eq(treatments.bookingId, bookingId), eq(bookings.providerId, own.id)));
    if (!treatment) return { ok: false, error: NOT_LATEST };
    const [latest] = await tx.select({ id: treatments.id }).from(treatments).where(eq(treatments.patientId, treatment.patientId)).orderBy(desc(treatments.treatedOn), desc(treatments.createdAt)).limit(1);
    if (latest?.id !== treatment.id) return { ok: false, error: NOT_LATEST };
    const id = crypto.randomUUID();
    const inserted = await tx
      .insert(treatmentIntervalOverrides)
      .values({ id, treatmentId: treatment.id, patientId: treatment.patientId, providerId: own.id, createdBy: provider.id, reasonCiphertext: sealJson(reason, `${id}/override-reason`) })
      .onConflictDoNothing()
      .returning({ id: treatmentIntervalOverrides.id });
    if (inserted.length === 0) return { ok: true, message: "An earlier next treatment is already allowed; it has not been booked yet." };
    await recordAudit(tx, { actorId: provider.id, action: "treatment.interval_override", subjectType: "booking", subjectId: bookingId, details: { providerId: own.id, patientId: treatment.patientId, overrideId: id } });
    return { ok: true, message: "The patient can now book their next treatment with you before day 84, once." };
  });
}

/** Whether an override for this treatment booking waits to be used, for the provider's page. */
export async function hasOpenOverride(provider: CurrentUser, bookingId: string): Promise<boolean> {
  assertRole(provider, ["provider"], "only providers read their overrides");
  if (!isUuid(bookingId)) return false;
  const db = await getDb();
  const own = await getOwnProvider(provider, db);
  if (!own) return false;
  const rows = await db
    .select({ id: treatmentIntervalOverrides.id })
    .from(treatmentIntervalOverrides)
    .innerJoin(treatments, eq(treatments.id, treatmentIntervalOverrides.treatmentId))
    .where(and(eq(treatments.bookingId, bookingId), eq(treatmentIntervalOverrides.providerId, own.id), isNull(treatmentIntervalOverrides.usedByBookingId)));
  return rows.length > 0;
}

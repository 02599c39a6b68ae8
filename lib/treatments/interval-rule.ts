import "server-only";
import { eq, sql } from "drizzle-orm";
import { executeRows, getDb, type Database } from "@/db/client";
import { providers, treatmentIntervalOverrides } from "@/db/schema";
import { assertRole } from "@/lib/auth/authorize";
import { notLapsed } from "@/lib/booking/held";
import type { CurrentUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/ui/format";
import { earliestNextTreatment, INTERVAL_DAYS, isBeforeEarliest } from "./interval";

// The 84-day rule as the booking transaction applies it. What anchors the next treatment: every
// treatment booking of the patient that is completed, or still to come (confirmed, or a hold or
// request that has not lapsed), with any provider, each on its date in its location's zone. So a patient
// cannot hold two treatment bookings two weeks apart either; to bring one forward they move it.
// The caller holds the lock on the patient's account row (lib/booking/queries.ts), so two
// requests at once are judged one after the other and the second sees the first.

type Reader = Pick<Database, "execute">;

export type IntervalCheck = { ok: true; overrideId: string | null } | { ok: false; earliest: string; message: string };

export function tooSoonMessage(earliest: string): string {
  return `Your next treatment can be booked from ${formatDate(earliest)}: treatments are at least 12 weeks (${INTERVAL_DAYS} days) apart.`;
}

/** The dates that anchor the patient's next treatment; `ignoreBookingId` is a booking being moved. */
async function anchorDays(reader: Reader, patientId: string, now: Date, ignoreBookingId?: string): Promise<string[]> {
  const rows = await executeRows<{ day: string }>(
    sql`
      select to_char((b.starts_at at time zone b.time_zone)::date, 'YYYY-MM-DD') as day
      from bookings b join appointment_types a on a.id = b.appointment_type_id
      where b.patient_id = ${patientId} and a.kind = 'treatment' and not b.waitlist_hold
        ${ignoreBookingId ? sql`and b.id <> ${ignoreBookingId}` : sql``}
        and b.status in ('completed', 'pending_payment', 'requested', 'confirmed') and ${notLapsed(now, "b")}`,
    reader,
  );
  return rows.map((r) => r.day);
}

/**
 * An override the treating provider granted for the patient's latest treatment, not yet spent
 * (or spent on `ignoreBookingId`, the booking being moved): it lets a treatment with them through.
 */
async function grantedOverride(reader: Reader, patientId: string, providerId: string, ignoreBookingId?: string): Promise<string | null> {
  const [row] = await executeRows<{ id: string }>(
    sql`
      select o.id from treatment_interval_overrides o join treatments t on t.id = o.treatment_id
      where o.patient_id = ${patientId} and o.provider_id = ${providerId}
        and (o.used_by_booking_id is null ${ignoreBookingId ? sql`or o.used_by_booking_id = ${ignoreBookingId}` : sql``})
        and t.treated_on = (select max(x.treated_on) from treatments x where x.patient_id = ${patientId})
      order by o.used_by_booking_id nulls last limit 1`,
    reader,
  );
  return row?.id ?? null;
}

/** Whether a treatment for `patientId` with `providerId` may start at `start` (a location in `zone`). */
export async function checkTreatmentInterval(
  reader: Reader,
  visit: { patientId: string; providerId: string; start: Date; zone: string; ignoreBookingId?: string },
  now: Date,
): Promise<IntervalCheck> {
  const earliest = earliestNextTreatment(await anchorDays(reader, visit.patientId, now, visit.ignoreBookingId));
  if (!isBeforeEarliest(visit.start, visit.zone, earliest)) return { ok: true, overrideId: null };
  const overrideId = await grantedOverride(reader, visit.patientId, visit.providerId, visit.ignoreBookingId);
  if (overrideId) return { ok: true, overrideId };
  return { ok: false, earliest: earliest!, message: tooSoonMessage(earliest!) };
}

/** Spends an override on the booking it let through, so it lets through no other. */
export async function spendOverride(tx: Pick<Database, "update">, overrideId: string, bookingId: string): Promise<void> {
  await tx
    .update(treatmentIntervalOverrides)
    .set({ usedByBookingId: bookingId })
    .where(eq(treatmentIntervalOverrides.id, overrideId));
}

/**
 * The first date the signed-in patient may book a treatment with the provider at `providerSlug`,
 * for the booking page to say before the intake and the profile and reschedule pickers to start
 * their times from; null when any date will do. `ignoreBookingId`: the treatment being moved.
 */
export async function nextTreatmentFrom(patient: CurrentUser, providerSlug: string, now: Date = new Date(), ignoreBookingId?: string): Promise<string | null> {
  assertRole(patient, ["patient"], "only patients book treatments");
  const db = await getDb();
  const earliest = earliestNextTreatment(await anchorDays(db, patient.id, now, ignoreBookingId));
  if (earliest === null) return null;
  const [provider] = await db.select({ id: providers.id }).from(providers).where(eq(providers.slug, providerSlug));
  return provider && (await grantedOverride(db, patient.id, provider.id, ignoreBookingId)) ? null : earliest;
}

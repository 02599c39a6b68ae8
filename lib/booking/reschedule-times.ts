import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { loadSchedule, parseDateRange, type AvailabilityResult } from "@/lib/scheduling/queries";
import { rangeCovering, slotsOf } from "@/lib/scheduling/schedule";
import { ownBookings } from "./ownership";
import { nextStatus } from "./state";

const NOT_MOVABLE = { ok: false, status: 404, message: "No booking of yours that can be moved online has that id." } as const;

/**
 * GET /api/bookings/[id]/slots: the times the patient's own booking can move to, at its location
 * and for its appointment type. The public free times count the booking itself as busy, which
 * hides every time that overlaps where it is now (with a buffer after visits, the times either
 * side); here it blocks nothing, as for the move itself (lib/booking/transitions.ts), and its
 * current time is left out.
 */
export async function rescheduleTimes(
  patient: CurrentUser,
  id: string,
  query: { from: string | null; to: string | null },
  now: Date = new Date(),
): Promise<AvailabilityResult> {
  assertRole(patient, ["patient"], "only patients move their own bookings");
  const range = parseDateRange(query, now);
  if (!range.ok) return range;
  if (!isUuid(id)) return NOT_MOVABLE;
  const db = await getDb();
  const [booking] = await db
    .select({ id: bookings.id, providerId: bookings.providerId, appointmentTypeId: bookings.appointmentTypeId, locationId: bookings.locationId, status: bookings.status, startsAt: bookings.startsAt })
    .from(bookings)
    .where(and(eq(bookings.id, id), ownBookings(patient)));
  if (!booking?.appointmentTypeId || !booking.locationId || nextStatus(booking, "reschedule", "patient", now) === null) return NOT_MOVABLE;
  const schedule = await loadSchedule({ providerId: booking.providerId }, booking.appointmentTypeId, rangeCovering(range.from, range.to), now, undefined, booking.id);
  if (!schedule) return NOT_MOVABLE;
  const current = booking.startsAt.getTime();
  return { ok: true, slots: slotsOf(schedule, range.from, range.to, now, booking.locationId).filter((s) => new Date(s.start).getTime() !== current) };
}

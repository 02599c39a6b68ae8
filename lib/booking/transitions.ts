import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb, type Database } from "@/db/client";
import { isExclusionViolation } from "@/db/errors";
import { bookings, providers, users, type Booking } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { loadSchedule } from "@/lib/scheduling/queries";
import { daysAround, isOffered, rangeCovering } from "@/lib/scheduling/schedule";
import { answerDeadline } from "./answer-by";
import { slotSpan } from "./booking-row";
import { ownBookings } from "./ownership";
import { lapseRequest, releaseLapsed } from "./lapses";
import { notifyBookingChange } from "@/lib/notifications/booking-emails";
import { offerFreedTimes } from "@/lib/waitlist/offers";
import { settleDeposit } from "@/lib/payments/deposits";
import { checkTreatmentInterval, spendOverride } from "@/lib/treatments/interval-rule";
import { isTreatmentBooking, recordTreatment } from "@/lib/treatments/records";
import type { TreatmentDetails } from "@/lib/treatments/validation";
import { sealNote } from "./notes";
import { canMoveOnline, hasLapsed, movingClosedMessage, nextStatus, statusesFor, type BookingAction, type Party } from "./state";

// Every change to a booking after it is requested: the provider confirms, declines, proposes a
// time, marks it completed or missed; the patient accepts a proposal or reschedules; either side
// cancels. Each runs in one transaction that locks the booking, scoped to the caller's own, checks
// the lifecycle, writes the change and its audit row, and queues the email. What either side
// writes (a reason, a note) is sealed before it is stored, and is in neither the audit row nor
// the email.

export type TransitionResult = { ok: true; message: string } | { ok: false; error: string };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export const GONE = "This booking no longer exists, or is not yours. Reload the page.";
export const SUSPENDED = "Your listing is suspended, so its bookings cannot be changed until an admin reinstates it.";
export const TIME_TAKEN = "That time was just taken. Choose another.";
export const LAPSED = "This request was not answered in time, so it has lapsed: the time is free again and any deposit is refunded in full. Reload the page.";

class TimeTaken extends Error {}

/** A change the rules refuse, with the message the caller sees. */
class Refused extends Error {}

/** The booking row if `user` is its patient or its provider, locked for the change. */
async function lockOwn(tx: Tx, user: CurrentUser, bookingId: string): Promise<{ booking: Booking; party: Party } | null> {
  if (!isUuid(bookingId)) return null;
  const [booking] = await tx.select().from(bookings).where(and(eq(bookings.id, bookingId), ownBookings(user))).for("update");
  if (!booking) return null;
  return { booking, party: user.role === "patient" ? "patient" : "provider" };
}

/** Whether `user` is a provider whose listing is suspended: why ownBookings() found nothing. */
async function isSuspendedProvider(tx: Tx, user: CurrentUser): Promise<boolean> {
  if (user.role !== "provider") return false;
  const [row] = await tx.select({ id: providers.id }).from(providers).where(and(eq(providers.userId, user.id), isNotNull(providers.suspendedAt)));
  return row !== undefined;
}

type Change = Partial<typeof bookings.$inferInsert>;

// Changes that leave a time free for the waitlist (lib/waitlist): the booking's, or its old one.
const FREES_TIME: readonly BookingAction[] = ["cancel", "decline", "reschedule", "acceptProposal"];

// What the profile's "usually confirms within" measures (lib/providers/response-time.ts): the
// provider's first answer to a request, and a patient's move, which asks them again.
const ANSWERS: readonly BookingAction[] = ["confirm", "decline", "propose"];

function responseTimes(booking: Booking, action: BookingAction, now: Date): Change {
  if (ANSWERS.includes(action)) return booking.answeredAt ? {} : { answeredAt: now };
  if (action === "reschedule") return { requestedAt: now, answeredAt: null };
  return {};
}

/**
 * The shared path of every transition: lock, check who may do what, apply `change` (its status
 * follows the lifecycle), audit, notify. `change` may throw TimeTaken when a new time is not free,
 * or Refused with its own message.
 */
async function transition(
  user: CurrentUser,
  bookingId: string,
  action: BookingAction,
  change: (tx: Tx, booking: Booking) => Promise<Change>,
  message: string | ((booking: Booking) => string),
  now: Date,
): Promise<TransitionResult> {
  assertRole(user, ["patient", "provider"], "only a booking's patient or provider changes it");
  const db = await getDb();
  try {
    return await scheduleTransaction(db, now, async (tx): Promise<TransitionResult> => {
      const own = await lockOwn(tx, user, bookingId);
      if (!own) return { ok: false, error: (await isSuspendedProvider(tx, user)) ? SUSPENDED : GONE };
      const { booking, party } = own;
      // Past its answer-by time a request is over whatever the row says: end it now, with its
      // refund and email, rather than let a late confirm or move revive it.
      if (booking.status === "requested" && hasLapsed(booking, now)) {
        await lapseRequest(tx, booking, now);
        await offerFreedTimes(tx, booking.providerId, now);
        return { ok: false, error: LAPSED };
      }
      const status = nextStatus(booking, action, party, now);
      if (!status) return { ok: false, error: `This booking is ${booking.status.replace("_", " ")}, so it cannot be changed that way now. Reload the page.` };
      const values = { ...(await change(tx, booking)), ...responseTimes(booking, action, now), status, updatedAt: now };
      await settleDeposit(tx, booking, action, party, now);
      await tx
        .update(bookings)
        .set(values)
        .where(and(eq(bookings.id, booking.id), inArray(bookings.status, [...statusesFor(action)])));
      await recordAudit(tx, {
        actorId: user.id,
        action: `booking.${action}`,
        subjectType: "booking",
        subjectId: booking.id,
        details: { from: booking.status, to: status, ...(values.startsAt ? { movedFrom: booking.startsAt.toISOString(), movedTo: values.startsAt.toISOString() } : {}) },
      });
      await notifyBookingChange(tx, booking.id, action);
      if (FREES_TIME.includes(action)) await offerFreedTimes(tx, booking.providerId, now);
      return { ok: true, message: typeof message === "string" ? message : message(booking) };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.message };
    if (error instanceof TimeTaken || isExclusionViolation(error, "bookings_no_overlap")) return { ok: false, error: TIME_TAKEN };
    throw error;
  }
}

/**
 * The new times for a booking moved to `start`, if that is a free slot of its type and location.
 * Lapsed holds and requests are marked expired first: the database's exclusion constraint still
 * counts them, though every read already treats their time as free.
 */
async function moveTo(tx: Tx, booking: Booking, start: Date, now: Date): Promise<Change> {
  if (!booking.appointmentTypeId || !booking.locationId || Number.isNaN(start.getTime())) throw new TimeTaken();
  const { from, to } = daysAround(start);
  const schedule = await loadSchedule({ providerId: booking.providerId }, booking.appointmentTypeId, rangeCovering(from, to), now, tx, booking.id);
  if (!schedule || !isOffered(schedule, booking.locationId, start, now)) throw new TimeTaken();
  if (await isTreatmentBooking(tx, booking)) await keepInterval(tx, booking, start, now);
  await releaseLapsed(tx, booking.providerId, now);
  return { ...slotSpan(schedule.type, start), reminderSentAt: null, weekReminderSentAt: null };
}

/**
 * A treatment moved to `start` still keeps 84 days from the patient's other treatments, judged
 * under the lock on their account row as a new request is (lib/booking/queries.ts).
 */
async function keepInterval(tx: Tx, booking: Booking, start: Date, now: Date): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, booking.patientId)).for("update");
  const zone = booking.timeZone;
  const interval = await checkTreatmentInterval(tx, { patientId: booking.patientId, providerId: booking.providerId, start, zone, ignoreBookingId: booking.id }, now);
  if (!interval.ok) throw new Refused(interval.message);
  if (interval.overrideId) await spendOverride(tx, interval.overrideId, booking.id);
}

const text = (value: string) => value.trim().slice(0, 500);

export function confirmBooking(provider: CurrentUser, bookingId: string, now = new Date()) {
  return transition(provider, bookingId, "confirm", async () => ({ proposedStartsAt: null, proposalNoteCiphertext: null }), "Booking confirmed. The patient has been told.", now);
}

export function declineBooking(provider: CurrentUser, bookingId: string, reason: string, now = new Date()) {
  return transition(provider, bookingId, "decline", async (_tx, booking) => ({ declineReasonCiphertext: sealNote(booking.id, "declineReason", text(reason)) }), "Request declined. The patient sees your reason.", now);
}

/**
 * The provider suggests another free time, given as the clinic's wall-clock time
 * ("2026-12-04T11:30"); the request stays open until the patient accepts it.
 */
export function proposeTime(provider: CurrentUser, bookingId: string, localTime: string, note: string, now = new Date()) {
  return transition(
    provider,
    bookingId,
    "propose",
    async (tx, booking) => {
      const start = DateTime.fromISO(localTime, { zone: booking.timeZone }).toJSDate();
      await moveTo(tx, booking, start, now);
      // Now it waits for the patient, by the same rule, counted from the proposal to its time.
      return { proposedStartsAt: start, proposalNoteCiphertext: sealNote(booking.id, "proposalNote", text(note)), answerBy: answerDeadline(start, now) };
    },
    "Time proposed. The patient can accept it from their bookings.",
    now,
  );
}

export function acceptProposal(patient: CurrentUser, bookingId: string, now = new Date()) {
  return transition(
    patient,
    bookingId,
    "acceptProposal",
    async (tx, booking) => {
      if (!booking.proposedStartsAt) throw new TimeTaken();
      return { ...(await moveTo(tx, booking, booking.proposedStartsAt, now)), proposedStartsAt: null, proposalNoteCiphertext: null };
    },
    "New time accepted: your booking is confirmed.",
    now,
  );
}

/**
 * Moves a booking to another free time; it goes back to the provider to confirm, unless it is an
 * instant booking, which is confirmed again at once (./state.ts).
 */
export function rescheduleBooking(patient: CurrentUser, bookingId: string, start: Date, now = new Date()) {
  return transition(
    patient,
    bookingId,
    "reschedule",
    async (tx, booking) => {
      if (!canMoveOnline(booking, now)) throw new Refused(movingClosedMessage(booking));
      const answerBy = booking.instant ? null : answerDeadline(start, now);
      return { ...(await moveTo(tx, booking, start, now)), proposedStartsAt: null, proposalNoteCiphertext: null, answerBy };
    },
    (booking) => (booking.instant ? "Booking moved and confirmed." : "Booking moved. The provider will confirm the new time."),
    now,
  );
}

export function cancelBooking(user: CurrentUser, bookingId: string, reason: string, now = new Date()) {
  return transition(
    user,
    bookingId,
    "cancel",
    async (_tx, booking) => ({
      cancelledBy: user.role === "patient" ? ("patient" as const) : ("provider" as const),
      cancelReasonCiphertext: sealNote(booking.id, "cancelReason", text(reason)),
    }),
    "Booking cancelled.",
    now,
  );
}

export const RECORD_TREATMENT = "Record what was given (product, total units and sites) to mark a treatment completed.";

/**
 * The visit took place. A treatment is completed only with what was given (`treatment`), recorded
 * in the same transaction; other visits take none.
 */
export function markCompleted(provider: CurrentUser, bookingId: string, treatment: TreatmentDetails | null = null, now = new Date()) {
  return transition(
    provider,
    bookingId,
    "complete",
    async (tx, booking) => {
      if (await isTreatmentBooking(tx, booking)) {
        if (!treatment) throw new Refused(RECORD_TREATMENT);
        await recordTreatment(tx, booking, treatment);
      }
      return {};
    },
    "Marked as completed.",
    now,
  );
}

export function markNoShow(provider: CurrentUser, bookingId: string, now = new Date()) {
  return transition(provider, bookingId, "noShow", async () => ({}), "Marked as missed.", now);
}

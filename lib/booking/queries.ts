import "server-only";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { isExclusionViolation } from "@/db/errors";
import { bookings, users } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { getCatalog } from "@/lib/catalog/queries";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { checkSlot, loadSchedule } from "@/lib/scheduling/queries";
import { daysAround, isOffered, rangeCovering, type AvailableSlot, type Schedule } from "@/lib/scheduling/schedule";
import { createDeposit } from "@/lib/payments/deposits";
import { checkTreatmentInterval, spendOverride } from "@/lib/treatments/interval-rule";
import { newBookingRow } from "./booking-row";
import { arrival, notifyArrival } from "./instant-booking";
import { shareOnBooking } from "@/lib/diary/sharing";
import { notLapsed } from "./held";
import { releaseLapsed } from "./lapses";
import type { Intake } from "./intake";
import { openNotes } from "./notes";
import { refuseVideoVisit, videoRoomFor } from "./video-visit";
import { completeClaim, releaseTakenHold, takeWaitlistHold } from "@/lib/waitlist/claim";
import { offerFreedTimes } from "@/lib/waitlist/offers";
import type { PatientBooking, PaymentSummary } from "./patient-booking-schema";
import { currentStatus, isActive, OPEN_REQUEST_STATUSES } from "./state";

// The patient's booking DTO is defined, as a zod schema, in ./patient-booking-schema.
export type { PatientBooking, PaymentSummary };

export const MAX_OPEN_REQUESTS = 3;
export const HOLD_MINUTES = 30;

export type BookingRequest = {
  providerSlug: string;
  appointmentTypeId: string;
  locationId: string;
  /** The slot's start, an ISO instant. */
  start: string;
  telehealth: boolean;
  /** For a video visit: the state the patient will be in (lib/booking/validation.ts requires it then). */
  patientState?: string;
  intake: Intake;
  /** Consent for the provider to see the diary (lib/diary/sharing.ts); absent is no. */
  shareDiary?: boolean;
  /** A waitlist offer (lib/waitlist/claim.ts) holding this very time for the patient. */
  waitlistOfferId?: string;
};

export type CreateBookingResult =
  | { ok: true; id: string; status: "requested" | "pending_payment" | "confirmed" }
  | { ok: false; reason: "taken"; message: string; alternatives: AvailableSlot[] }
  | { ok: false; reason: "invalid"; message: string; fieldErrors?: Record<string, string> }
  | { ok: false; reason: "limit"; message: string }
  | { ok: false; reason: "too_soon"; message: string; earliest: string }
  | { ok: false; reason: "not_found"; message: string }
  | { ok: false; reason: "unlicensed_state"; message: string; licensedStates: string[] }
  | { ok: false; reason: "unverified"; message: string };

export const EMAIL_UNVERIFIED = "Confirm your email address before you send a booking request: open the link we emailed you when you signed up.";

export const SLOT_TAKEN = "This time was just taken. Here are the next free times.";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

class SlotTaken extends Error {}

/**
 * A patient requests a consultation in a free slot. The slot is checked against the provider's
 * hours and bookings, then the database's exclusion constraint settles any race: of two requests
 * for one time exactly one is stored, and the other gets SLOT_TAKEN with the next free times.
 * A treatment keeps the 84-day interval (lib/treatments/interval-rule.ts), judged under the lock
 * on the patient's account row, so two treatment requests at once cannot both pass.
 * The intake is sealed (AES-256-GCM) before it reaches the database.
 */
export async function createBooking(patient: CurrentUser, request: BookingRequest, now: Date = new Date()): Promise<CreateBookingResult> {
  assertRole(patient, ["patient"], "only patients request consultations");
  const start = new Date(request.start);
  if (Number.isNaN(start.getTime())) return { ok: false, reason: "invalid", message: "Choose a time from the list.", fieldErrors: { start: "Choose a time from the list." } };
  const catalog = await getCatalog();
  if (!catalog.conditions.some((c) => c.slug === request.intake.condition)) {
    return { ok: false, reason: "invalid", message: "Check the highlighted fields.", fieldErrors: { "intake.condition": "Choose what you want treated." } };
  }
  if (request.intake.payment === "insurance" && !catalog.carriers.some((c) => c.slug === request.intake.insuranceCarrier)) {
    return { ok: false, reason: "invalid", message: "Check the highlighted fields.", fieldErrors: { "intake.insuranceCarrier": "Choose your insurance carrier." } };
  }

  const db = await getDb();
  try {
    return await scheduleTransaction(db, now, async (tx): Promise<CreateBookingResult> => {
      // One patient's requests are serialised on their account row, so the cap holds under races.
      const [account] = await tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, patient.id)).for("update");
      // A request reaches a provider under the patient's address, which anyone can type: it must
      // be one the patient showed they read (lib/auth/email-verification.ts).
      if (!account?.verifiedAt) return { ok: false, reason: "unverified", message: EMAIL_UNVERIFIED };
      const open = await tx.$count(
        bookings,
        and(
          eq(bookings.patientId, patient.id),
          inArray(bookings.status, [...OPEN_REQUEST_STATUSES]),
          eq(bookings.waitlistHold, false),
          notLapsed(now),
        ),
      );
      if (open >= MAX_OPEN_REQUESTS) {
        return { ok: false, reason: "limit", message: `You already have ${MAX_OPEN_REQUESTS} open requests. Wait for a provider to answer, or cancel one, before asking for another.` };
      }
      const held = request.waitlistOfferId
        ? await takeWaitlistHold(tx, patient.id, { offerId: request.waitlistOfferId, appointmentTypeId: request.appointmentTypeId, locationId: request.locationId, start }, now)
        : null;
      const { from, to } = daysAround(start);
      // The patient's own waitlist hold does not keep the time from them.
      const schedule = await loadSchedule({ slug: request.providerSlug }, request.appointmentTypeId, rangeCovering(from, to), now, tx, held?.holdBookingId);
      if (!schedule) return { ok: false, reason: "not_found", message: "This provider is not taking bookings, or that appointment type is not theirs." };
      const location = schedule.locations.find((l) => l.id === request.locationId);
      if (!location) return { ok: false, reason: "invalid", message: "Choose one of the provider's locations.", fieldErrors: { locationId: "Choose one of the provider's locations." } };
      const refusal = await refuseVideoVisit(tx, request, schedule, now);
      if (refusal) return { ok: false, ...refusal };
      let overrideId: string | null = null;
      if (schedule.type.kind === "treatment") {
        const interval = await checkTreatmentInterval(tx, { patientId: patient.id, providerId: schedule.providerId, start, zone: location.timeZone }, now);
        if (!interval.ok) return { ok: false, reason: "too_soon", message: interval.message, earliest: interval.earliest };
        overrideId = interval.overrideId;
      }
      await releaseLapsed(tx, schedule.providerId, now);
      if (!isOffered(schedule, location.id, start, now)) throw new SlotTaken();
      if (held) await releaseTakenHold(tx, held);
      const created = await insertBooking(tx, patient, request, schedule, location, start, now);
      if (overrideId && created.ok) await spendOverride(tx, overrideId, created.id);
      if (held && created.ok) await completeClaim(tx, held, patient.id, created.id, now);
      // What the sweep above freed goes to the waitlist now that this booking has its time.
      await offerFreedTimes(tx, schedule.providerId, now);
      return created;
    });
  } catch (error) {
    if (!(error instanceof SlotTaken) && !isExclusionViolation(error, "bookings_no_overlap")) throw error;
    const check = await checkSlot(request.providerSlug, request.appointmentTypeId, request.locationId, request.start, now);
    return { ok: false, reason: "taken", message: SLOT_TAKEN, alternatives: check.free ? [] : check.alternatives };
  }
}

async function insertBooking(
  tx: Tx,
  patient: CurrentUser,
  request: BookingRequest,
  schedule: Schedule,
  location: Schedule["locations"][number],
  start: Date,
  now: Date,
): Promise<CreateBookingResult> {
  const { type } = schedule;
  const depositDue = type.depositCents > 0;
  const instant = type.confirmsAutomatically;
  // Without a deposit the booking reaches the provider now: as a request, or confirmed at once.
  const reached = depositDue ? null : arrival({ instant, startsAt: start }, now);
  const status = reached?.status ?? "pending_payment";
  const row = newBookingRow({
    providerId: schedule.providerId,
    patientId: patient.id,
    location,
    type,
    start,
    status,
    intake: request.intake,
    // ./video-visit.ts has refused a video visit the type or the provider's licenses do not allow.
    telehealth: request.telehealth,
    patientState: request.telehealth ? (request.patientState ?? null) : null,
    holdExpiresAt: depositDue ? new Date(now.getTime() + HOLD_MINUTES * 60_000) : null,
    // The terms as they stand now become this booking's; the payment page shows them before paying.
    cancellationWindowHours: schedule.cancellationWindowHours,
    instant,
  });
  const { id } = row;
  // A booking waiting for its deposit reaches the provider when paid (lib/payments/webhook.ts).
  await tx.insert(bookings).values({ ...row, createdAt: now, updatedAt: now, ...(reached ?? {}) });
  if (depositDue) await createDeposit(tx, id, type.depositCents);
  if (request.shareDiary) await shareOnBooking(tx, patient.id, schedule.providerId);
  // Identifiers and the new status only: the audit log never holds health information.
  await recordAudit(tx, { actorId: patient.id, action: "booking.requested", subjectType: "booking", subjectId: id, details: { providerId: schedule.providerId, status } });
  if (reached) await notifyArrival(tx, id, reached.status, now);
  return { ok: true, id, status };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const paymentColumns = { id: true, status: true, amountCents: true, paidAt: true, paymentIntentId: true, refundedAt: true, lastPaymentError: true } as const;

export function toPaymentSummary(p: { id: string; status: PaymentSummary["status"]; amountCents: number; paidAt: Date | null; paymentIntentId: string | null; refundedAt: Date | null; lastPaymentError: string | null } | null | undefined): PaymentSummary | null {
  if (!p) return null;
  return { id: p.id, status: p.status, amountCents: p.amountCents, paidAt: iso(p.paidAt), receipt: p.paymentIntentId, refundedAt: iso(p.refundedAt), lastPaymentError: p.lastPaymentError };
}

/**
 * The signed-in patient's own bookings, soonest first, with the notes either side wrote opened for
 * them (they are about the patient, and every one was written to or by them); never the intake,
 * which they wrote and the page never shows back.
 */
export async function listPatientBookings(patient: CurrentUser, only?: SQL, now: Date = new Date()): Promise<PatientBooking[]> {
  assertRole(patient, ["patient"], "only patients have bookings");
  const db = await getDb();
  // A waitlist hold is not a booking yet: the dashboard shows it with the waitlist (lib/waitlist).
  const mine = and(eq(bookings.patientId, patient.id), eq(bookings.waitlistHold, false));
  const rows = await db.query.bookings.findMany({
    where: only ? and(mine, only) : mine,
    columns: { intakeCiphertext: false, patientId: false, providerId: false, blockedUntil: false, reminderSentAt: false, createdAt: false, updatedAt: false, waitlistHold: false },
    with: {
      provider: { columns: { slug: true, name: true, credentials: true, cancellationPolicy: true, videoVisitUrl: true } },
      payment: { columns: paymentColumns },
    },
    orderBy: [asc(bookings.startsAt)],
  });
  return rows.map(({ declineReasonCiphertext, cancelReasonCiphertext, proposalNoteCiphertext, authorizationStatus, authorizationSubmittedOn, authorizationDecidedOn, provider: { videoVisitUrl, ...provider }, ...r }) => {
    const status = currentStatus(r, now);
    // What the sweep (./lapses.ts) will record: a lapsed hold's deposit can no longer be paid, and
    // a lapsed request's paid deposit is being refunded.
    const lapsedPayment: PaymentSummary["status"] | null =
      !r.payment || status !== "expired" ? null : r.payment.status === "awaiting_payment" ? "canceled" : r.status === "requested" && r.payment.status === "paid" ? "refund_pending" : null;
    const payment = lapsedPayment ? { ...r.payment!, status: lapsedPayment } : r.payment;
    return {
      ...r,
      ...openNotes(r.id, { declineReasonCiphertext, cancelReasonCiphertext, proposalNoteCiphertext }),
      status,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      holdExpiresAt: iso(r.holdExpiresAt),
      answerBy: status === "requested" ? iso(r.answerBy) : null,
      proposedStartsAt: iso(r.proposedStartsAt),
      freeCancellationUntil: new Date(r.startsAt.getTime() - r.cancellationWindowHours * 3_600_000).toISOString(),
      authorization: authorizationStatus ? { status: authorizationStatus, submittedOn: authorizationSubmittedOn, decidedOn: authorizationDecidedOn } : null,
      videoVisitUrl: videoRoomFor({ telehealth: r.telehealth, status }, videoVisitUrl),
      payment: toPaymentSummary(payment),
      provider,
    };
  });
}

/** One of the signed-in patient's bookings, or null (someone else's id finds nothing). */
export async function getPatientBooking(patient: CurrentUser, bookingId: string, now: Date = new Date()): Promise<PatientBooking | null> {
  if (!isUuid(bookingId)) return null;
  const [booking] = await listPatientBookings(patient, eq(bookings.id, bookingId), now);
  return booking ?? null;
}

/** The patient's bookings split for their dashboard: upcoming ones soonest first, the rest newest first. */
export async function getPatientBookingsOverview(patient: CurrentUser, now: Date = new Date()): Promise<{ upcoming: PatientBooking[]; past: PatientBooking[] }> {
  const all = await listPatientBookings(patient, undefined, now);
  const upcoming = all.filter((b) => isActive(b.status) && new Date(b.endsAt).getTime() > now.getTime());
  return { upcoming, past: all.filter((b) => !upcoming.includes(b)).reverse() };
}

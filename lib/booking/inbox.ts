import "server-only";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointmentTypes, bookings, payments, users } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudits, type AuditEntry } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { getCatalog } from "@/lib/catalog/queries";
import { openJson, SealedDataError } from "@/lib/crypto/sealed-json";
import { getOwnProvider } from "@/lib/listing/owner";
import { PREVENTIVE_CLASSES, PREVENTIVE_OUTCOMES, TREATMENTS, SYMPTOM_DURATIONS } from "./intake-options";
import { safetyFlags, type Intake } from "./intake";
import { openNotes, patientWrittenNotes, type BookingNotes } from "./notes";
import { toPaymentSummary, type PaymentSummary } from "./queries";
import { notLapsed } from "./held";
import { currentStatus, type BookingStatus } from "./state";

// The provider's side: their requests and appointments, with each patient's intake opened for
// them. Opening an intake is a read of health information, so each one writes an audit row; so
// does opening a note the patient wrote (their reason for cancelling).

export type IntakeSummary = {
  condition: string;
  symptoms: string;
  duration: string;
  painScore: number;
  headacheDaysPerMonth: number | null;
  treatmentsTried: string[];
  /** "A beta-blocker…: taken for at least 60 days", the classes tried; null when the intake did not ask. */
  preventivesTried: string[] | null;
  earlierBotox: string;
  medicines: string;
  allergies: string;
  payment: string;
  /** The safety answers that were "yes", to be shown first and loudly. */
  safetyFlags: string[];
};

export type InboxBooking = {
  id: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  typeName: string;
  /** The kind of its appointment type; null when the type was deleted. A treatment is completed with its record. */
  kind: "initial_consultation" | "treatment" | "follow_up" | null;
  locationName: string;
  telehealth: boolean;
  feeCents: number;
  depositCents: number;
  proposedStartsAt: string | null;
  /** While requested: when it lapses unanswered (./answer-by.ts). */
  answerBy: string | null;
  cancelledBy: "patient" | "provider" | null;
  /** An insurer's prior authorization of a treatment, as the provider recorded it (lib/treatments/authorization.ts). */
  authorization: { status: "submitted" | "approved" | "denied"; submittedOn: string | null; decidedOn: string | null } | null;
  /** Opened with the intake, on the booking's own page; null in the inbox's lists. */
  notes: BookingNotes | null;
  patient: { name: string; email: string };
  intake: IntakeSummary | null;
  /** The stored intake could not be opened (the encryption key changed, or the row was altered). */
  intakeUnreadable: boolean;
  payment: PaymentSummary | null;
};

const LIMIT = 50;

async function summarise(intake: Intake): Promise<IntakeSummary> {
  const catalog = await getCatalog();
  const label = <T extends { value: string; label: string }>(list: readonly T[], value: string) => list.find((x) => x.value === value)?.label ?? value;
  return {
    condition: catalog.conditions.find((c) => c.slug === intake.condition)?.name ?? intake.condition,
    symptoms: intake.symptoms,
    duration: label(SYMPTOM_DURATIONS, intake.duration),
    painScore: intake.painScore,
    headacheDaysPerMonth: intake.headacheDaysPerMonth,
    treatmentsTried: intake.treatmentsTried.map((t) => label(TREATMENTS, t)),
    preventivesTried: intake.preventives
      ? PREVENTIVE_CLASSES.filter((c) => intake.preventives![c.key] !== "").map((c) => `${c.label}: ${label(PREVENTIVE_OUTCOMES, intake.preventives![c.key]).toLowerCase()}`)
      : null,
    earlierBotox: intake.earlierBotox,
    medicines: intake.medicines,
    allergies: intake.allergies,
    payment: intake.payment === "self-pay" ? "Self-pay" : `Insurance (${catalog.carriers.find((c) => c.slug === intake.insuranceCarrier)?.name ?? intake.insuranceCarrier})`,
    safetyFlags: safetyFlags(intake),
  };
}

/** One intake opened for its provider; one that cannot be opened is said so, not an error page. */
async function openIntake(sealed: string, bookingId: string): Promise<{ intake: IntakeSummary | null; intakeUnreadable: boolean }> {
  try {
    return { intake: await summarise(openJson(sealed, bookingId) as Intake), intakeUnreadable: false };
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return { intake: null, intakeUnreadable: true };
  }
}

const columns = {
  id: bookings.id,
  status: bookings.status,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  timeZone: bookings.timeZone,
  typeName: bookings.typeName,
  kind: appointmentTypes.kind,
  locationName: bookings.locationName,
  telehealth: bookings.telehealth,
  feeCents: bookings.feeCents,
  depositCents: bookings.depositCents,
  proposedStartsAt: bookings.proposedStartsAt,
  answerBy: bookings.answerBy,
  holdExpiresAt: bookings.holdExpiresAt,
  cancelledBy: bookings.cancelledBy,
  authorizationStatus: bookings.authorizationStatus,
  authorizationSubmittedOn: bookings.authorizationSubmittedOn,
  authorizationDecidedOn: bookings.authorizationDecidedOn,
  intakeCiphertext: bookings.intakeCiphertext,
  declineReasonCiphertext: bookings.declineReasonCiphertext,
  cancelReasonCiphertext: bookings.cancelReasonCiphertext,
  proposalNoteCiphertext: bookings.proposalNoteCiphertext,
  patientName: users.name,
  patientEmail: users.email,
  payment: {
    id: payments.id,
    status: payments.status,
    amountCents: payments.amountCents,
    paidAt: payments.paidAt,
    paymentIntentId: payments.paymentIntentId,
    refundedAt: payments.refundedAt,
    lastPaymentError: payments.lastPaymentError,
  },
};

type Db = Awaited<ReturnType<typeof getDb>>;
const selectBookings = (db: Db) =>
  db
    .select(columns)
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.patientId))
    .leftJoin(payments, eq(payments.bookingId, bookings.id))
    .leftJoin(appointmentTypes, eq(appointmentTypes.id, bookings.appointmentTypeId));
type Row = Awaited<ReturnType<ReturnType<typeof selectBookings>["where"]>>[number];

type Open = { intake: boolean; notes: boolean };

/** A booking as the inbox shows it, with what `open` names opened (each read audited by the caller). */
async function toInboxBooking(row: Row, open: Open, now: Date): Promise<InboxBooking> {
  const { intakeCiphertext, declineReasonCiphertext, cancelReasonCiphertext, proposalNoteCiphertext, patientName, patientEmail, payment, holdExpiresAt: _hold, authorizationStatus, authorizationSubmittedOn, authorizationDecidedOn, ...rest } = row;
  const status = currentStatus(row, now);
  return {
    ...rest,
    status,
    answerBy: status === "requested" ? (rest.answerBy?.toISOString() ?? null) : null,
    notes: open.notes ? openNotes(row.id, { declineReasonCiphertext, cancelReasonCiphertext, proposalNoteCiphertext }) : null,
    payment: toPaymentSummary(payment),
    authorization: authorizationStatus ? { status: authorizationStatus, submittedOn: authorizationSubmittedOn, decidedOn: authorizationDecidedOn } : null,
    startsAt: rest.startsAt.toISOString(),
    endsAt: rest.endsAt.toISOString(),
    proposedStartsAt: rest.proposedStartsAt?.toISOString() ?? null,
    patient: { name: patientName, email: patientEmail },
    ...(open.intake ? await openIntake(intakeCiphertext, row.id) : { intake: null, intakeUnreadable: false }),
  };
}

const intakeRead = (provider: CurrentUser, providerId: string, id: string): AuditEntry => ({ actorId: provider.id, action: "intake.read", subjectType: "booking", subjectId: id, details: { providerId } });

export type ProviderInbox = {
  /** Set while an admin has suspended the listing: the inbox is closed and every list is empty. */
  suspension: { reason: string | null } | null;
  requests: InboxBooking[];
  upcoming: InboxBooking[];
  past: InboxBooking[];
};

/**
 * The signed-in provider's requests (the one to answer soonest first), upcoming appointments (soonest first) and
 * recent past ones. Only the requests, which the provider must judge, come with their intakes,
 * each read audited; an upcoming appointment's intake is opened on its own page when wanted
 * (getInboxBooking), so a visit to the inbox does not read every patient's history. A suspended
 * provider reads none of it.
 */
export async function getProviderInbox(provider: CurrentUser, now: Date = new Date()): Promise<ProviderInbox> {
  assertRole(provider, ["provider"], "only providers have an inbox");
  const db = await getDb();
  const own = await getOwnProvider(provider, db);
  if (!own) return { suspension: null, requests: [], upcoming: [], past: [] };
  if (own.suspendedAt) return { suspension: { reason: own.suspensionReason }, requests: [], upcoming: [], past: [] };
  const mine = eq(bookings.providerId, own.id);
  const [requests, upcoming, past] = await Promise.all([
    // The one to answer soonest first; a lapsed request is no longer theirs to answer.
    selectBookings(db).where(and(mine, eq(bookings.status, "requested"), notLapsed(now))).orderBy(asc(bookings.answerBy), desc(bookings.createdAt)).limit(LIMIT),
    selectBookings(db).where(and(mine, eq(bookings.status, "confirmed"), gte(bookings.endsAt, now))).orderBy(asc(bookings.startsAt)).limit(LIMIT),
    selectBookings(db)
      .where(
        and(
          mine,
          sql`not (${bookings.status} = 'pending_payment' or (${bookings.status} = 'requested' and ${notLapsed(now)}) or (${bookings.status} = 'confirmed' and ${bookings.endsAt} >= ${now.toISOString()}::timestamptz))`,
        ),
      )
      .orderBy(desc(bookings.startsAt))
      .limit(LIMIT),
  ]);
  await recordAudits(
    db,
    requests.map((b) => intakeRead(provider, own.id, b.id)),
  );
  return {
    suspension: null,
    requests: await Promise.all(requests.map((r) => toInboxBooking(r, { intake: true, notes: false }, now))),
    upcoming: await Promise.all(upcoming.map((r) => toInboxBooking(r, { intake: false, notes: false }, now))),
    past: await Promise.all(past.map((r) => toInboxBooking(r, { intake: false, notes: false }, now))),
  };
}

/**
 * One of the provider's own bookings with its intake and notes opened, each read of what the
 * patient wrote audited; null otherwise, and null for every booking while the provider is suspended.
 */
export async function getInboxBooking(provider: CurrentUser, bookingId: string, now: Date = new Date()): Promise<InboxBooking | null> {
  assertRole(provider, ["provider"], "only providers read intakes");
  if (!isUuid(bookingId)) return null;
  const db = await getDb();
  const own = await getOwnProvider(provider, db);
  if (!own || own.suspendedAt) return null;
  const [row] = await selectBookings(db).where(and(eq(bookings.id, bookingId), eq(bookings.providerId, own.id)));
  if (!row) return null;
  await recordAudits(db, [
    intakeRead(provider, own.id, row.id),
    ...patientWrittenNotes(row).map((note) => ({ actorId: provider.id, action: "booking_note.read", subjectType: "booking", subjectId: row.id, details: { providerId: own.id, note } })),
  ]);
  return toInboxBooking(row, { intake: true, notes: true }, now);
}

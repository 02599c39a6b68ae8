import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb, type Database } from "@/db/client";
import { isExclusionViolation } from "@/db/errors";
import { bookings, paymentAnomalies, payments, stripeEvents } from "@/db/schema";
import { arrival, notifyArrival } from "@/lib/booking/instant-booking";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { stripeWebhookSecret } from "@/lib/env";
import { notifyHoldExpired, notifyRefund } from "@/lib/notifications/booking-emails";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { verifyWebhook } from "./gateway";
import { cancelLapsedDeposits, markForRefund } from "./deposits";
import { depositMismatch, type PaidSession } from "./session-match";

// Stripe's webhook: the signature is checked on the raw body, each event id is recorded once, and
// the event's work commits in the same transaction as that record. Events may arrive late, twice,
// or out of order; every handler reads the current state and moves it only forward, so any order
// ends in the same place.

export type WebhookOutcome = "handled" | "duplicate" | "ignored";
export type WebhookResponse = { status: 200 | 400; body: { received?: true; outcome?: WebhookOutcome; error?: { message: string } } };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The route's whole job: verify the raw body, then hand the event over. */
export async function processWebhook(rawBody: string, signature: string | null, now: Date = new Date()): Promise<WebhookResponse> {
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing signature");
    event = verifyWebhook(rawBody, signature, stripeWebhookSecret(), now);
  } catch {
    return { status: 400, body: { error: { message: "The webhook signature did not match." } } };
  }
  return { status: 200, body: { received: true, outcome: await handleStripeEvent(event, now) } };
}

/** Records the event once and does its work in the same transaction. */
async function handleStripeEvent(event: Stripe.Event, now: Date): Promise<WebhookOutcome> {
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<WebhookOutcome> => {
    const recorded = await tx.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing().returning({ id: stripeEvents.id });
    if (recorded.length === 0) return "duplicate";
    switch (event.type) {
      case "checkout.session.completed":
        await sessionCompleted(tx, event, event.data.object, now);
        return "handled";
      case "checkout.session.expired":
        await sessionExpired(tx, event.data.object, now);
        return "handled";
      case "payment_intent.payment_failed":
        await paymentFailed(tx, event.data.object, now);
        return "handled";
      case "charge.refunded":
        await chargeRefunded(tx, event.data.object, now);
        return "handled";
      case "refund.failed":
        await refundFailed(tx, event.data.object, now);
        return "handled";
      default:
        return "ignored";
    }
  });
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

/** The booking id our Checkout Session put in the metadata, if it looks like one. */
const bookingIdOf = (metadata: Stripe.Metadata | null | undefined) => {
  const id = metadata?.bookingId;
  return id && isUuid(id) ? id : null;
};

async function lockDeposit(tx: Tx, bookingId: string | null) {
  if (!bookingId) return null;
  const [row] = await tx
    .select({ booking: bookings, payment: payments })
    .from(bookings)
    .innerJoin(payments, eq(payments.bookingId, bookings.id))
    .where(eq(bookings.id, bookingId))
    .for("update");
  return row ?? null;
}

async function sessionCompleted(tx: Tx, event: Stripe.Event, session: Stripe.Checkout.Session, now: Date) {
  if (session.payment_status !== "paid") return;
  const row = await lockDeposit(tx, bookingIdOf(session.metadata));
  const paid: PaidSession = { id: session.id, amountTotal: session.amount_total, currency: session.currency, paymentIntentId: idOf(session.payment_intent) };
  const mismatch = depositMismatch(row?.payment ?? null, paid);
  if (mismatch === "duplicate") return;
  if (mismatch) {
    await recordAnomaly(tx, event, mismatch, row?.booking.id ?? null, paid);
    return;
  }
  const { booking, payment } = row!;
  await tx
    .update(payments)
    .set({ status: "paid", paidAt: now, checkoutSessionId: session.id, paymentIntentId: idOf(session.payment_intent), lastPaymentError: null, updatedAt: now })
    .where(eq(payments.id, payment.id));

  if (booking.status === "pending_payment" || (booking.status === "expired" && booking.startsAt.getTime() > now.getTime())) {
    // Paid in time, or after the hold lapsed while the time is still free: the request goes ahead,
    // or an instant booking is confirmed. A savepoint lets the exclusion constraint refuse a time
    // someone else took meanwhile.
    const reached = arrival(booking, now);
    try {
      await tx.transaction(async (sp) => {
        await sp.update(bookings).set({ ...reached, holdExpiresAt: null, updatedAt: now }).where(eq(bookings.id, booking.id));
      });
      await recordAudit(tx, { actorId: null, action: "booking.paid", subjectType: "booking", subjectId: booking.id, details: { from: booking.status, to: reached.status } });
      await notifyArrival(tx, booking.id, reached.status, now);
      return;
    } catch (error) {
      if (!isExclusionViolation(error, "bookings_no_overlap")) throw error;
    }
  }
  // The time went to someone else (or the patient cancelled): the money goes straight back.
  await markForRefund(tx, booking.id, "paid after the hold ended and the time was taken", now);
  await recordAudit(tx, { actorId: null, action: "payment.late_refund", subjectType: "booking", subjectId: booking.id, details: { status: booking.status } });
}

/** Keeps what the event claimed, bounded, for an admin; the payment and booking stay as they were. */
async function recordAnomaly(tx: Tx, event: Stripe.Event, reason: Exclude<ReturnType<typeof depositMismatch>, null | "duplicate">, bookingId: string | null, session: PaidSession) {
  const bounded = (value: string | null, max: number) => (value === null ? null : value.replaceAll("\0", "").slice(0, max));
  const [anomaly] = await tx.insert(paymentAnomalies).values({
    stripeEventId: bounded(event.id, 255)!,
    eventType: bounded(event.type, 100)!,
    reason,
    bookingId,
    checkoutSessionId: bounded(session.id, 255),
    amountCents: Number.isSafeInteger(session.amountTotal) ? session.amountTotal : null,
    currency: bounded(session.currency, 10),
  }).returning({ id: paymentAnomalies.id });
  const subject = bookingId ? { subjectType: "booking", subjectId: bookingId } : { subjectType: "payment_anomaly", subjectId: anomaly!.id };
  await recordAudit(tx, { actorId: null, action: "payment.anomaly", ...subject, details: { reason, eventId: bounded(event.id, 255) } });
}

async function sessionExpired(tx: Tx, session: Stripe.Checkout.Session, now: Date) {
  const row = await lockDeposit(tx, bookingIdOf(session.metadata));
  // Only an unpaid hold ends here; a booking already paid for (events out of order) is left alone.
  if (!row || row.booking.status !== "pending_payment") return;
  await tx.update(bookings).set({ status: "expired", updatedAt: now }).where(and(eq(bookings.id, row.booking.id), eq(bookings.status, "pending_payment")));
  await cancelLapsedDeposits(tx, [row.booking.id], now);
  await notifyHoldExpired(tx, row.booking.id);
  await recordAudit(tx, { actorId: null, action: "booking.expire", subjectType: "booking", subjectId: row.booking.id, details: { from: "pending_payment", to: "expired" } });
}

async function paymentFailed(tx: Tx, intent: Stripe.PaymentIntent, now: Date) {
  const bookingId = bookingIdOf(intent.metadata);
  if (!bookingId) return;
  const message = intent.last_payment_error?.message ?? "The payment was declined.";
  await tx
    .update(payments)
    .set({ lastPaymentError: message.slice(0, 300), updatedAt: now })
    .where(and(eq(payments.bookingId, bookingId), eq(payments.status, "awaiting_payment")));
}

async function chargeRefunded(tx: Tx, charge: Stripe.Charge, now: Date) {
  const intentId = idOf(charge.payment_intent);
  if (!intentId || !charge.refunded) return;
  const refunded = await tx
    .update(payments)
    .set({ status: "refunded", refundedAt: now, refundError: null, updatedAt: now })
    .where(and(eq(payments.paymentIntentId, intentId), sql`${payments.status} in ('refund_pending', 'refund_failed', 'paid', 'kept')`))
    .returning({ bookingId: payments.bookingId, amountCents: payments.amountCents });
  for (const { bookingId, amountCents } of refunded) {
    await recordAudit(tx, { actorId: null, action: "payment.refunded", subjectType: "booking", subjectId: bookingId, details: { paymentIntentId: intentId } });
    await notifyRefund(tx, bookingId, amountCents);
  }
}

/** A refund Stripe accepted as pending and later failed: shown for a retry, never left pending. */
async function refundFailed(tx: Tx, refund: Stripe.Refund, now: Date) {
  const failed = await tx
    .update(payments)
    .set({ status: "refund_failed", refundError: `Stripe could not complete the refund (${refund.failure_reason ?? "no reason given"}).`, updatedAt: now })
    .where(and(eq(payments.refundId, refund.id), eq(payments.status, "refund_pending")))
    .returning({ id: payments.id, bookingId: payments.bookingId });
  for (const { id, bookingId } of failed) {
    await recordAudit(tx, { actorId: null, action: "payment.refund_failed", subjectType: "booking", subjectId: bookingId, details: { paymentId: id, refundId: refund.id } });
  }
}

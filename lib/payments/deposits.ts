import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { bookings, payments, providers, users, type Booking } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { ownBookings } from "@/lib/booking/ownership";
import type { BookingAction, Party } from "@/lib/booking/state";
import { env } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { notifyRefund } from "@/lib/notifications/booking-emails";
import { createCheckoutSession, createRefund, openCheckoutSession } from "./gateway";
import { depositOutcome, keepsDepositAsIs } from "./refund-policy";

// Deposits follow their booking: created with it, paid through Checkout, refunded or kept as the
// booking ends, by the policy the patient saw before paying.

type Writer = Pick<Database, "insert" | "update" | "select">;

// Stripe requires a Checkout Session to stay open at least 30 minutes.
const MIN_CHECKOUT_MINUTES = 31;

/** The deposit owed for a new booking, in the booking's own transaction. */
export async function createDeposit(tx: Pick<Database, "insert">, bookingId: string, amountCents: number): Promise<void> {
  await tx.insert(payments).values({ bookingId, amountCents });
}

export type CheckoutStart = { ok: true; url: string } | { ok: false; error: string };

/**
 * Sends the patient to pay the deposit of their own booking while its hold lasts: a Stripe
 * Checkout Session (amount from our database, the booking id as metadata, expiring with the hold;
 * nothing about the provider or the visit, see gateway.ts), or the test-payment page when no
 * Stripe key is configured.
 */
export async function startDepositCheckout(patient: CurrentUser, bookingId: string, now: Date = new Date()): Promise<CheckoutStart> {
  assertRole(patient, ["patient"], "only patients pay deposits");
  if (!isUuid(bookingId)) return { ok: false, error: "That booking no longer exists." };
  const db = await getDb();
  const [row] = await db
    .select({ booking: bookings, payment: payments, email: users.email })
    .from(bookings)
    .innerJoin(payments, eq(payments.bookingId, bookings.id))
    .innerJoin(users, eq(users.id, bookings.patientId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.patientId, patient.id)));
  if (!row) return { ok: false, error: "That booking no longer exists." };
  const { booking, payment } = row;
  if (booking.status !== "pending_payment" || payment.status !== "awaiting_payment") return { ok: false, error: "This deposit is not waiting to be paid." };
  if (!booking.holdExpiresAt || booking.holdExpiresAt.getTime() <= now.getTime()) return { ok: false, error: "The hold on this time has ended. Choose a time again." };
  try {
    // A reload, a second tab or "try again" returns to the session already open: a new one would
    // let the patient pay twice.
    const open = payment.checkoutSessionId ? await openCheckoutSession(payment.checkoutSessionId, booking.id) : null;
    if (open) return { ok: true, url: open.url };
    const session = await createCheckoutSession({
      bookingId: booking.id,
      amountCents: payment.amountCents,
      currency: payment.currency,
      // Stripe keeps a session open at least 30 minutes, so it may outlive the hold; a payment
      // after the hold lapsed is honoured if the time is still free, refunded if not.
      expiresAt: new Date(Math.max(booking.holdExpiresAt.getTime(), now.getTime() + MIN_CHECKOUT_MINUTES * 60_000)),
      successUrl: new URL(`/patient?paid=${booking.id}`, env.SITE_URL).toString(),
      cancelUrl: new URL(`/pay/${booking.id}?cancelled=1`, env.SITE_URL).toString(),
      customerEmail: row.email,
      replaces: payment.checkoutSessionId,
    });
    await db.update(payments).set({ checkoutSessionId: session.id, updatedAt: now }).where(and(eq(payments.id, payment.id), eq(payments.bookingId, booking.id)));
    return { ok: true, url: session.url };
  } catch (error) {
    log.error("stripe_checkout_failed", error);
    return { ok: false, error: "The payment service did not answer. Try again in a moment; your time is held until the hold ends." };
  }
}

/** Marks a paid deposit for refund; the refund itself is made after the transaction commits. */
export async function markForRefund(tx: Writer, bookingId: string, reason: string, now: Date): Promise<void> {
  await tx
    .update(payments)
    .set({ status: "refund_pending", refundReason: reason, refundRequestedAt: now, updatedAt: now })
    .where(and(eq(payments.bookingId, bookingId), eq(payments.status, "paid")));
}

/** What a booking change does to its deposit, applied in the change's own transaction. */
export async function settleDeposit(tx: Writer, booking: Booking, action: BookingAction, by: Party, now: Date): Promise<void> {
  // Most changes (confirm, propose, move) and bookings without a deposit need no payment work.
  if (booking.depositCents === 0 || keepsDepositAsIs(action)) return;
  // Cancelling before paying: there is nothing to refund, and the checkout no longer applies.
  if (booking.status === "pending_payment") {
    await tx.update(payments).set({ status: "canceled", updatedAt: now }).where(and(eq(payments.bookingId, booking.id), eq(payments.status, "awaiting_payment")));
    return;
  }
  const outcome = depositOutcome({ action, by, startsAt: booking.startsAt, now, cancellationWindowHours: booking.cancellationWindowHours, authorizationDenied: booking.authorizationStatus === "denied" });
  if (outcome === "refund") await markForRefund(tx, booking.id, action === "decline" ? "declined by the provider" : `cancelled by the ${by}`, now);
  if (outcome === "keep") {
    await tx.update(payments).set({ status: "kept", updatedAt: now }).where(and(eq(payments.bookingId, booking.id), eq(payments.status, "paid")));
  }
}

/** Marks the deposits of bookings whose hold lapsed as no longer payable. */
export async function cancelLapsedDeposits(tx: Pick<Database, "update">, bookingIds: string[], now: Date): Promise<void> {
  if (bookingIds.length === 0) return;
  await tx.update(payments).set({ status: "canceled", updatedAt: now }).where(and(inArray(payments.bookingId, bookingIds), eq(payments.status, "awaiting_payment")));
}

/**
 * Makes the refunds that changes asked for. Each payment is claimed with SKIP LOCKED and refunded
 * with an idempotency key, so retries and parallel runs never refund twice. A failure is recorded
 * as refund_failed, visible to the provider and admins with a retry, never dropped.
 */
export async function processPendingRefunds(now: Date = new Date()): Promise<{ refunded: number; failed: number }> {
  const db = await getDb();
  let refunded = 0;
  let failed = 0;
  for (let i = 0; i < 50; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [payment] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.status, "refund_pending"), sql`${payments.refundId} is null`))
        .orderBy(asc(payments.refundRequestedAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!payment) return null;
      if (!payment.paymentIntentId) {
        await tx.update(payments).set({ status: "refund_failed", refundError: "No payment to refund against.", updatedAt: now }).where(eq(payments.id, payment.id));
        return "failed" as const;
      }
      try {
        const refund = await createRefund({
          paymentId: payment.id,
          paymentIntentId: payment.paymentIntentId,
          amountCents: payment.amountCents,
          bookingId: payment.bookingId,
          requestedAt: payment.refundRequestedAt ?? payment.createdAt,
        });
        const done = refund.status === "succeeded";
        await tx
          .update(payments)
          .set({ refundId: refund.id, refundError: null, updatedAt: now, ...(done ? { status: "refunded" as const, refundedAt: now } : {}) })
          .where(eq(payments.id, payment.id));
        if (done) await notifyRefund(tx, payment.bookingId, payment.amountCents);
        return "refunded" as const;
      } catch (error) {
        await tx
          .update(payments)
          .set({ status: "refund_failed", refundError: error instanceof Error ? error.message.slice(0, 300) : "refund failed", updatedAt: now })
          .where(eq(payments.id, payment.id));
        await recordAudit(tx, { actorId: null, action: "payment.refund_failed", subjectType: "booking", subjectId: payment.bookingId, details: { paymentId: payment.id } });
        return "failed" as const;
      }
    });
    if (outcome === null) break;
    if (outcome === "refunded") refunded++;
    else failed++;
  }
  return { refunded, failed };
}

/** Puts a failed refund back in line; for the booking's provider (not while suspended) or an admin. */
export async function retryRefund(user: CurrentUser, paymentId: string, now: Date = new Date()): Promise<{ ok: true; message: string } | { ok: false; error: string }> {
  assertRole(user, ["provider", "admin"], "only the provider or an admin retries a refund");
  if (!isUuid(paymentId)) return { ok: false, error: "That payment no longer exists." };
  const db = await getDb();
  const own =
    user.role === "admin"
      ? sql`true`
      : sql`${payments.bookingId} in (select ${bookings.id} from ${bookings} where ${ownBookings(user)})`;
  const retried = await db
    .update(payments)
    .set({ status: "refund_pending", refundError: null, refundId: null, refundRequestedAt: now, updatedAt: now })
    .where(and(eq(payments.id, paymentId), eq(payments.status, "refund_failed"), own))
    .returning({ bookingId: payments.bookingId });
  if (retried.length === 0) return { ok: false, error: "That refund is not waiting for a retry. Reload the page." };
  await recordAudit(db, { actorId: user.id, action: "payment.refund_retried", subjectType: "booking", subjectId: retried[0]!.bookingId, details: { paymentId } });
  return { ok: true, message: "Refund queued again." };
}

export type FailedRefund = { paymentId: string; bookingId: string; amountCents: number; refundError: string | null; refundRequestedAt: string | null; providerName: string; patientEmail: string };

/** Refunds that failed, oldest first, for the admin's payments page. */
export async function listFailedRefunds(admin: CurrentUser): Promise<FailedRefund[]> {
  assertRole(admin, ["admin"], "only admins see every failed refund");
  const db = await getDb();
  const rows = await db
    .select({
      paymentId: payments.id,
      bookingId: payments.bookingId,
      amountCents: payments.amountCents,
      refundError: payments.refundError,
      refundRequestedAt: payments.refundRequestedAt,
      providerName: providers.name,
      patientEmail: users.email,
    })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .innerJoin(users, eq(users.id, bookings.patientId))
    .where(eq(payments.status, "refund_failed"))
    .orderBy(asc(payments.refundRequestedAt));
  return rows.map((r) => ({ ...r, refundRequestedAt: r.refundRequestedAt?.toISOString() ?? null }));
}

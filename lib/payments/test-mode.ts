import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, payments } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { stripeWebhookSecret } from "@/lib/env";
import { isTestPaymentMode, signPayload } from "./gateway";
import { processWebhook, type WebhookResponse } from "./webhook";

// Test-payment mode: with no Stripe key, "Pay test deposit" and "Cancel" on the stand-in checkout
// page become real Stripe event payloads, signed with the webhook secret and passed through the
// same handler a Stripe delivery reaches. Nothing downstream can tell the difference.

type Choice = "pay" | "cancel";

/** Builds, signs and processes the event Stripe would send for the patient's own checkout. */
export async function completeTestCheckout(patient: CurrentUser, bookingId: string, choice: Choice, now: Date = new Date()): Promise<{ ok: true } | { ok: false; error: string }> {
  assertRole(patient, ["patient"], "only patients pay deposits");
  if (!isTestPaymentMode()) return { ok: false, error: "Payments go through Stripe Checkout here." };
  if (!isUuid(bookingId)) return { ok: false, error: "That booking no longer exists." };
  const db = await getDb();
  const [row] = await db
    .select({ amountCents: payments.amountCents, currency: payments.currency, sessionId: payments.checkoutSessionId, status: payments.status })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.patientId, patient.id)));
  if (!row) return { ok: false, error: "That booking no longer exists." };
  // The pay page opened this session through startDepositCheckout, as Checkout would have been.
  if (!row.sessionId || row.status !== "awaiting_payment") return { ok: false, error: "This deposit is not waiting to be paid. Reload the page." };
  const event = checkoutEvent(choice, { bookingId, sessionId: row.sessionId, amountCents: row.amountCents, currency: row.currency }, now);
  const result: WebhookResponse = await processWebhook(event.payload, event.signature, now);
  return result.status === 200 ? { ok: true } : { ok: false, error: "The test payment could not be processed." };
}

/** A signed checkout.session.completed / .expired event, shaped as Stripe sends it. */
export function checkoutEvent(choice: Choice, session: { bookingId: string; sessionId: string; amountCents: number; currency: string }, now: Date) {
  const created = Math.floor(now.getTime() / 1000);
  const object = {
    id: session.sessionId,
    object: "checkout.session",
    mode: "payment",
    amount_total: session.amountCents,
    currency: session.currency,
    metadata: { bookingId: session.bookingId },
    status: choice === "pay" ? "complete" : "expired",
    payment_status: choice === "pay" ? "paid" : "unpaid",
    payment_intent: choice === "pay" ? `pi_test_local_${randomUUID().replaceAll("-", "").slice(0, 24)}` : null,
  };
  return signedEvent(choice === "pay" ? "checkout.session.completed" : "checkout.session.expired", object, created);
}

export function signedEvent(type: string, object: Record<string, unknown>, created: number, secret: string = stripeWebhookSecret()) {
  const payload = JSON.stringify({
    id: `evt_test_local_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  return { payload, signature: signPayload(payload, secret, created) };
}

import "server-only";
import Stripe from "stripe";
import { env, isTestPaymentMode as testPaymentModeOf } from "@/lib/env";

// The one module that talks to Stripe. With STRIPE_SECRET_KEY it calls the real API; without it
// (the demo and the tests) it answers as Stripe would, and the test-payment page and refunds send
// signed stand-in events through the same webhook handler. Tests replace this module.

export type CheckoutRequest = {
  bookingId: string;
  amountCents: number;
  currency: string;
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
  customerEmail: string;
  /** The booking's earlier session, now closed, that this one replaces (null for the first). */
  replaces: string | null;
};

export type CheckoutSession = { id: string; url: string };

export type RefundRequest = {
  paymentId: string;
  paymentIntentId: string;
  amountCents: number;
  bookingId: string;
  /** When this refund was asked for: a retry after a failure is a new request with a new key. */
  requestedAt: Date;
};

let client: Stripe | undefined;
function stripe(): Stripe {
  // Outside the demo there is no stand-in: without a key, a deposit cannot be taken at all (and a
  // production server refuses to start without one).
  if (!env.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set and this is not the demo (DEMO_MODE=1)");
  client ??= new Stripe(env.STRIPE_SECRET_KEY);
  return client;
}

export const isTestPaymentMode = (): boolean => testPaymentModeOf(env);

// What Stripe shows on its page, the receipt and the card statement, and keeps in its dashboard
// and exports: a fixed line item name, so no provider's name, appointment type (which can name a
// treatment) or condition ever leaves for Stripe. The booking id is the only metadata.
export const DEPOSIT_LINE_ITEM = "Appointment deposit";

/** The Checkout Session's parameters for a deposit: nothing from the request but amounts, URLs, the payer's email and the booking id. */
export function checkoutSessionParams(request: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: request.currency, unit_amount: request.amountCents, product_data: { name: DEPOSIT_LINE_ITEM } } }],
    metadata: { bookingId: request.bookingId },
    payment_intent_data: { metadata: { bookingId: request.bookingId } },
    customer_email: request.customerEmail,
    expires_at: Math.floor(request.expiresAt.getTime() / 1000),
    success_url: request.successUrl,
    cancel_url: request.cancelUrl,
  };
}

/**
 * A Checkout Session for the deposit. The idempotency key names the booking and the session it
 * replaces, so a retried request gets the same session back and a booking never has two open.
 */
export async function createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
  if (isTestPaymentMode()) return { id: `cs_test_local_${request.bookingId}`, url: `/pay/${request.bookingId}` };
  const session = await stripe().checkout.sessions.create(checkoutSessionParams(request), {
    idempotencyKey: `checkout-${request.bookingId}-after-${request.replaces ?? "none"}`,
  });
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
  return { id: session.id, url: session.url };
}

/** The session `id` if the patient can still pay through it; null once it is paid or expired. */
export async function openCheckoutSession(id: string, bookingId: string): Promise<CheckoutSession | null> {
  // The test-payment page stands in for a session that stays open while the deposit is unpaid.
  if (isTestPaymentMode()) return { id, url: `/pay/${bookingId}` };
  const session = await stripe().checkout.sessions.retrieve(id);
  return session.status === "open" && session.url ? { id: session.id, url: session.url } : null;
}

/**
 * Refunds a deposit in full. The idempotency key names the payment and the request, so repeating
 * one request never refunds twice, while a retry after Stripe failed a refund asks anew (Stripe
 * itself never refunds more than was charged).
 */
export async function createRefund(request: RefundRequest): Promise<{ id: string; status: string }> {
  if (isTestPaymentMode()) return { id: `re_test_local_${request.paymentId}`, status: "succeeded" };
  const refund = await stripe().refunds.create(
    { payment_intent: request.paymentIntentId, amount: request.amountCents, metadata: { bookingId: request.bookingId } },
    { idempotencyKey: `refund-${request.paymentId}-${request.requestedAt.getTime()}` },
  );
  return { id: refund.id, status: refund.status ?? "pending" };
}

/** Verifies a webhook's signature over its raw body and parses it; throws on any mismatch. */
export function verifyWebhook(rawBody: string, signature: string, secret: string, now?: Date): Stripe.Event {
  // The SDK's verification needs no API key; a placeholder keeps test-payment mode offline.
  const verifier = env.STRIPE_SECRET_KEY ? stripe() : new Stripe("sk_test_offline_verification_only");
  // The SDK takes the receive time in milliseconds; tests pass a frozen clock, the app the real one.
  return verifier.webhooks.constructEvent(rawBody, signature, secret, undefined, undefined, now?.getTime());
}

/** Signs a payload as Stripe would, for test-payment mode's stand-in events and for tests. */
export function signPayload(payload: string, secret: string, timestamp?: number): string {
  return new Stripe("sk_test_offline_signing_only").webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });
}

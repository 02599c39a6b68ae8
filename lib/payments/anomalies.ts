import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentAnomalies, payments } from "@/db/schema";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import type { DepositMismatch } from "./session-match";

export type PaymentAnomaly = {
  id: string;
  reason: DepositMismatch;
  eventType: string;
  stripeEventId: string;
  bookingId: string | null;
  checkoutSessionId: string | null;
  /** What the event claimed was paid, and what the deposit asked for (when its booking is ours). */
  received: { amountCents: number | null; currency: string | null };
  expected: { amountCents: number; currency: string; checkoutSessionId: string | null } | null;
  receivedAt: string;
};

/** The newest payment events that matched no deposit, for admins to look into. */
export async function listPaymentAnomalies(admin: CurrentUser, limit = 50): Promise<PaymentAnomaly[]> {
  assertRole(admin, ["admin"], "only admins see unmatched payments");
  const db = await getDb();
  const rows = await db
    .select({
      id: paymentAnomalies.id,
      reason: paymentAnomalies.reason,
      eventType: paymentAnomalies.eventType,
      stripeEventId: paymentAnomalies.stripeEventId,
      bookingId: paymentAnomalies.bookingId,
      checkoutSessionId: paymentAnomalies.checkoutSessionId,
      amountCents: paymentAnomalies.amountCents,
      currency: paymentAnomalies.currency,
      receivedAt: paymentAnomalies.receivedAt,
      expectedAmount: payments.amountCents,
      expectedCurrency: payments.currency,
      expectedSession: payments.checkoutSessionId,
    })
    .from(paymentAnomalies)
    .leftJoin(payments, eq(payments.bookingId, paymentAnomalies.bookingId))
    .orderBy(desc(paymentAnomalies.receivedAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason as DepositMismatch,
    eventType: r.eventType,
    stripeEventId: r.stripeEventId,
    bookingId: r.bookingId,
    checkoutSessionId: r.checkoutSessionId,
    received: { amountCents: r.amountCents, currency: r.currency },
    expected: r.expectedAmount === null ? null : { amountCents: r.expectedAmount, currency: r.expectedCurrency ?? "usd", checkoutSessionId: r.expectedSession },
    receivedAt: r.receivedAt.toISOString(),
  }));
}

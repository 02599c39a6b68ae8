// Whether a paid Checkout Session is the deposit we asked for. A valid signature only proves the
// event came from whoever holds the webhook secret; the session must still be the one created for
// this booking, for the stored amount and currency, before it may change anything.

export type PaidSession = { id: string; amountTotal: number | null; currency: string | null; paymentIntentId: string | null };
export type StoredDeposit = { checkoutSessionId: string | null; amountCents: number; currency: string; status: string; paymentIntentId: string | null };
export type DepositMismatch = "unknown_booking" | "session_mismatch" | "amount_mismatch" | "currency_mismatch" | "already_paid";

/** Null when the session pays this deposit; "duplicate" for a payment already recorded; else why not. */
export function depositMismatch(stored: StoredDeposit | null, session: PaidSession): DepositMismatch | "duplicate" | null {
  if (!stored) return "unknown_booking";
  if (!stored.checkoutSessionId || session.id !== stored.checkoutSessionId) return "session_mismatch";
  if (session.amountTotal !== stored.amountCents) return "amount_mismatch";
  if (session.currency?.toLowerCase() !== stored.currency.toLowerCase()) return "currency_mismatch";
  // Awaiting payment, or lapsed unpaid (a late payment is honoured or refunded by the caller).
  if (stored.status === "awaiting_payment" || stored.status === "canceled") return null;
  return session.paymentIntentId !== null && session.paymentIntentId === stored.paymentIntentId ? "duplicate" : "already_paid";
}

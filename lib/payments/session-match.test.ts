import { describe, expect, it } from "vitest";
import { depositMismatch, type StoredDeposit } from "./session-match";

const stored: StoredDeposit = { checkoutSessionId: "cs_1", amountCents: 7500, currency: "usd", status: "awaiting_payment", paymentIntentId: null };
const session = { id: "cs_1", amountTotal: 7500, currency: "usd", paymentIntentId: "pi_1" };

describe("depositMismatch", () => {
  it("accepts the session created for the deposit, for its amount and currency", () => {
    expect(depositMismatch(stored, session)).toBeNull();
    expect(depositMismatch({ ...stored, status: "canceled" }, session)).toBeNull();
    expect(depositMismatch(stored, { ...session, currency: "USD" })).toBeNull();
  });

  it("refuses anything else, saying why", () => {
    expect(depositMismatch(null, session)).toBe("unknown_booking");
    expect(depositMismatch(stored, { ...session, id: "cs_other" })).toBe("session_mismatch");
    expect(depositMismatch({ ...stored, checkoutSessionId: null }, session)).toBe("session_mismatch");
    expect(depositMismatch(stored, { ...session, amountTotal: 1 })).toBe("amount_mismatch");
    expect(depositMismatch(stored, { ...session, amountTotal: null })).toBe("amount_mismatch");
    expect(depositMismatch(stored, { ...session, currency: "eur" })).toBe("currency_mismatch");
    expect(depositMismatch(stored, { ...session, currency: null })).toBe("currency_mismatch");
  });

  it("tells a repeat of the recorded payment from a second payment", () => {
    const paid = { ...stored, status: "paid", paymentIntentId: "pi_1" };
    expect(depositMismatch(paid, session)).toBe("duplicate");
    expect(depositMismatch(paid, { ...session, paymentIntentId: "pi_2" })).toBe("already_paid");
    expect(depositMismatch({ ...paid, status: "refunded" }, { ...session, paymentIntentId: "pi_2" })).toBe("already_paid");
  });
});

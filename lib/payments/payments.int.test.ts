import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, bookings, emailOutbox, payments, providers, stripeEvents } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { releaseAllLapsed } from "@/lib/booking/lapses";
import { createBooking, listPatientBookings } from "@/lib/booking/queries";
import { cancelBooking, confirmBooking, declineBooking, markNoShow, rescheduleBooking } from "@/lib/booking/transitions";
import { stripeWebhookSecret } from "@/lib/env";
import { listFailedRefunds, processPendingRefunds, retryRefund, startDepositCheckout } from "./deposits";
import { listPaymentAnomalies } from "./anomalies";
import { checkoutSessionParams, createCheckoutSession, createRefund, openCheckoutSession } from "./gateway";
import { checkoutEvent, completeTestCheckout, signedEvent } from "./test-mode";
import { processWebhook } from "./webhook";

// Stripe itself is replaced: refunds are recorded (or made to fail) instead of sent. Signatures
// are made and checked by the real SDK.
vi.mock("./gateway", async (importOriginal) => {
  const original = await importOriginal<typeof import("./gateway")>();
  return {
    ...original,
    createRefund: vi.fn(async (request: { paymentId: string }) => ({ id: `re_${request.paymentId.slice(0, 8)}`, status: "succeeded" })),
    createCheckoutSession: vi.fn(original.createCheckoutSession),
    openCheckoutSession: vi.fn(original.openCheckoutSession),
  };
});

const NOW = new Date("2026-12-01T12:00:00Z");
const at = (day: number, localHour: number) => new Date(Date.UTC(2026, 11, day, localHour + 5)).toISOString();
const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);

const intake = validIntake();

beforeAll(async () => {
  await seedReferenceData();
});

beforeEach(() => {
  vi.mocked(createRefund).mockClear();
});

async function depositBooking(name: string, start = at(3, 10), { openCheckout = true } = {}) {
  const providerUser = await createUser("provider");
  const provider = await createProvider({ name, provider: { userId: providerUser.id, cancellationWindowHours: 24 }, appointmentTypes: [{ depositCents: 5_000 }] });
  const patient = await createUser("patient");
  const result = await createBooking(patient, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake }, NOW);
  if (!result.ok) throw new Error(result.message);
  // The patient opens the checkout, which records the session the webhook must then name.
  if (openCheckout) {
    const checkout = await startDepositCheckout(patient, result.id, NOW);
    if (!checkout.ok) throw new Error(checkout.error);
  }
  return { providerUser, provider, patient, bookingId: result.id };
}

async function state(bookingId: string) {
  const db = await getDb();
  const [row] = await db.select({ booking: bookings.status, payment: payments.status, intent: payments.paymentIntentId }).from(bookings).innerJoin(payments, eq(payments.bookingId, bookings.id)).where(eq(bookings.id, bookingId));
  return row!;
}

const session = (bookingId: string) => ({ bookingId, sessionId: `cs_test_local_${bookingId}`, amountCents: 5_000, currency: "usd" });
const pay = (bookingId: string, when = minutesLater(5)) => checkoutEvent("pay", session(bookingId), when);
const expire = (bookingId: string, when = minutesLater(40)) => checkoutEvent("cancel", session(bookingId), when);

describe("the webhook's signature", () => {
  it("refuses a wrong secret, a tampered body, a stale timestamp or no signature, and changes nothing", async () => {
    const { bookingId } = await depositBooking("Sig Checks");
    const good = pay(bookingId);
    const wrongSecret = signedEvent("checkout.session.completed", JSON.parse(good.payload).data.object, Math.floor(minutesLater(5).getTime() / 1000), "whsec_not_the_secret");
    expect((await processWebhook(wrongSecret.payload, wrongSecret.signature, minutesLater(5))).status).toBe(400);
    expect((await processWebhook(good.payload.replace('"amount_total":5000', '"amount_total":1'), good.signature, minutesLater(5))).status).toBe(400);
    expect((await processWebhook(good.payload, good.signature, minutesLater(5 + 10))).status).toBe(400);
    expect((await processWebhook(good.payload, null, minutesLater(5))).status).toBe(400);
    expect(await state(bookingId)).toMatchObject({ booking: "pending_payment", payment: "awaiting_payment" });
    const db = await getDb();
    expect(await db.$count(stripeEvents)).toBe(0);
    expect((await processWebhook(good.payload, good.signature, minutesLater(5))).status).toBe(200);
    expect(await state(bookingId)).toMatchObject({ booking: "requested", payment: "paid", intent: expect.stringMatching(/^pi_/) });
  });
});

describe("a signed event that does not match the deposit", () => {
  const forged = (bookingId: string, changes: Partial<ReturnType<typeof session>>) => checkoutEvent("pay", { ...session(bookingId), ...changes }, minutesLater(5));

  it("changes nothing for 1 cent, another currency, another session or an unknown booking, and shows each to admins", async () => {
    const { bookingId } = await depositBooking("Forged Payments");
    const cases = [
      forged(bookingId, { amountCents: 1 }),
      forged(bookingId, { currency: "jpy" }),
      forged(bookingId, { sessionId: "cs_test_someone_elses" }),
      forged("7c6f0a1e-3b7d-4c5e-9f00-000000000000", {}),
    ];
    for (const event of cases) {
      expect(await processWebhook(event.payload, event.signature, minutesLater(5))).toMatchObject({ status: 200, body: { outcome: "handled" } });
    }
    expect(await state(bookingId)).toMatchObject({ booking: "pending_payment", payment: "awaiting_payment", intent: null });
    const anomalies = await listPaymentAnomalies(await createUser("admin"));
    const mine = anomalies.filter((a) => a.bookingId === bookingId || a.reason === "unknown_booking");
    expect(mine.map((a) => a.reason).sort()).toEqual(["amount_mismatch", "currency_mismatch", "session_mismatch", "unknown_booking"]);
    expect(mine.find((a) => a.reason === "amount_mismatch")).toMatchObject({ received: { amountCents: 1, currency: "usd" }, expected: { amountCents: 5_000, currency: "usd" } });
    const db = await getDb();
    const audits = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, bookingId));
    expect(audits.filter((a) => a.action === "payment.anomaly")).toHaveLength(3);
    await expect(listPaymentAnomalies(await createUser("patient"))).rejects.toThrow(/Not allowed/);
  });

  it("records a second, different payment of a paid deposit instead of taking it as the first", async () => {
    const { bookingId } = await depositBooking("Paid Twice");
    const first = pay(bookingId);
    await processWebhook(first.payload, first.signature, minutesLater(5));
    const again = pay(bookingId, minutesLater(6));
    await processWebhook(again.payload, again.signature, minutesLater(6));
    const { intent } = await state(bookingId);
    expect(intent).toBe(JSON.parse(first.payload).data.object.payment_intent);
    const anomalies = await listPaymentAnomalies(await createUser("admin"));
    expect(anomalies.filter((a) => a.bookingId === bookingId).map((a) => a.reason)).toEqual(["already_paid"]);
  });
});

describe("a hold nobody pays", () => {
  it("ends at the daily sweep even if nothing else touches the provider, and the patient is told once", async () => {
    const { bookingId, patient } = await depositBooking("Unpaid Hold");
    await releaseAllLapsed(minutesLater(10));
    expect((await state(bookingId)).booking).toBe("pending_payment");
    await releaseAllLapsed(minutesLater(31));
    await releaseAllLapsed(minutesLater(60));
    expect(await state(bookingId)).toMatchObject({ booking: "expired", payment: "canceled" });
    const db = await getDb();
    const told = await db.select().from(emailOutbox).where(and(eq(emailOutbox.bookingId, bookingId), eq(emailOutbox.kind, "hold_expired")));
    expect(told.map((e) => e.toAddress)).toEqual([patient.email]);
    expect(told[0]!.bodyText).toContain("nothing was charged");
  });
});

describe("events", () => {
  it("have one effect however many times they arrive, even at once", async () => {
    const { bookingId, providerUser, patient } = await depositBooking("Same Event");
    const event = pay(bookingId);
    const results = await Promise.all(Array.from({ length: 10 }, () => processWebhook(event.payload, event.signature, minutesLater(5))));
    expect(results.map((r) => r.body.outcome).sort()).toEqual([...Array(9).fill("duplicate"), "handled"]);
    const db = await getDb();
    expect(await db.$count(auditEvents, eq(auditEvents.subjectId, bookingId))).toBe(2); // requested, paid
    const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
    expect(emails.map((e) => [e.kind, e.toAddress]).sort()).toEqual([
      ["request_received", providerUser.email],
      ["request_sent", patient.email],
    ]);
  });

  it("end right when expiry arrives after completion", async () => {
    const { bookingId } = await depositBooking("Expired After");
    const completed = pay(bookingId);
    const expired = expire(bookingId);
    await processWebhook(completed.payload, completed.signature, minutesLater(5));
    await processWebhook(expired.payload, expired.signature, minutesLater(40));
    expect(await state(bookingId)).toMatchObject({ booking: "requested", payment: "paid" });
  });

  it("end right when completion arrives after an expiry with the time still free", async () => {
    const { bookingId } = await depositBooking("Completed Late");
    const expired = expire(bookingId);
    await processWebhook(expired.payload, expired.signature, minutesLater(31));
    expect(await state(bookingId)).toMatchObject({ booking: "expired", payment: "canceled" });
    const completed = pay(bookingId, minutesLater(32));
    await processWebhook(completed.payload, completed.signature, minutesLater(32));
    expect(await state(bookingId)).toMatchObject({ booking: "requested", payment: "paid" });
  });

  it("refund a payment that arrives after the hold lapsed and the time went to someone else, and tell the patient", async () => {
    const { bookingId, provider, patient } = await depositBooking("Late Payment");
    const other = await createUser("patient");
    const later = minutesLater(31);
    const taken = await createBooking(other, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start: at(3, 10), telehealth: false, intake }, later);
    expect(taken).toMatchObject({ ok: true });
    const late = pay(bookingId, minutesLater(33));
    await processWebhook(late.payload, late.signature, minutesLater(33));
    expect(await state(bookingId)).toMatchObject({ booking: "expired", payment: "refund_pending" });
    expect(await processPendingRefunds(minutesLater(34))).toEqual({ refunded: 1, failed: 0 });
    expect(vi.mocked(createRefund)).toHaveBeenCalledWith(expect.objectContaining({ amountCents: 5_000, bookingId }));
    expect(await state(bookingId)).toMatchObject({ payment: "refunded" });
    const db = await getDb();
    const mail = await db.select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
    expect(mail.find((e) => e.kind === "refunded")?.toAddress).toBe(patient.email);
  });

  it("record a failed card payment for the patient to see, without ending the hold", async () => {
    const { bookingId } = await depositBooking("Card Declined");
    const failed = signedEvent("payment_intent.payment_failed", { id: "pi_x", object: "payment_intent", metadata: { bookingId }, last_payment_error: { message: "Your card was declined." } }, Math.floor(minutesLater(3).getTime() / 1000));
    await processWebhook(failed.payload, failed.signature, minutesLater(3));
    const db = await getDb();
    const [row] = await db.select({ error: payments.lastPaymentError, status: payments.status }).from(payments).where(eq(payments.bookingId, bookingId));
    expect(row).toEqual({ error: "Your card was declined.", status: "awaiting_payment" });
  });

  it("answer 200 and change nothing for a booking id that is not one of ours, or an event we do not handle", async () => {
    const when = Math.floor(minutesLater(3).getTime() / 1000);
    for (const metadata of [{ bookingId: "not-a-booking" }, {}]) {
      const failed = signedEvent("payment_intent.payment_failed", { id: "pi_y", object: "payment_intent", metadata, last_payment_error: { message: "Declined." } }, when);
      expect(await processWebhook(failed.payload, failed.signature, minutesLater(3))).toEqual({ status: 200, body: { received: true, outcome: "handled" } });
    }
    const other = signedEvent("customer.created", { id: "cus_1", object: "customer" }, when);
    expect(await processWebhook(other.payload, other.signature, minutesLater(3))).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
  });
});

describe("refunds follow the policy", () => {
  async function paidBooking(name: string) {
    const setup = await depositBooking(name);
    const event = pay(setup.bookingId);
    await processWebhook(event.payload, event.signature, minutesLater(5));
    return setup;
  }

  it("refund in full when the provider declines", async () => {
    const { bookingId, providerUser } = await paidBooking("Policy Decline");
    await declineBooking(providerUser, bookingId, "Not a good fit for me", minutesLater(10));
    expect(await state(bookingId)).toMatchObject({ booking: "declined", payment: "refund_pending" });
    await processPendingRefunds();
    expect(await state(bookingId)).toMatchObject({ payment: "refunded" });
  });

  it("refund in full a request the provider never answered, counting from when it was paid", async () => {
    const { bookingId, patient } = await paidBooking("Policy Lapse");
    const db = await getDb();
    const [paid] = await db.select({ answerBy: bookings.answerBy }).from(bookings).where(eq(bookings.id, bookingId));
    // Paid 5 minutes in, for a visit two days out: the provider has until a day before it.
    expect(paid!.answerBy).toEqual(new Date(Date.parse(at(3, 10)) - 24 * 3_600_000));
    expect((await listPatientBookings(patient, undefined, paid!.answerBy!))[0]).toMatchObject({ status: "expired", payment: { status: "refund_pending" } });
    await releaseAllLapsed(paid!.answerBy!);
    expect(await state(bookingId)).toMatchObject({ booking: "expired", payment: "refund_pending" });
    await processPendingRefunds();
    expect(await state(bookingId)).toMatchObject({ payment: "refunded" });
    const kinds = (await db.select({ kind: emailOutbox.kind }).from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["request_lapsed", "refunded"]));
  });

  it("refund a patient who cancels in time, and keep the deposit of one who cancels late", async () => {
    const early = await paidBooking("Policy Early");
    await cancelBooking(early.patient, early.bookingId, "", minutesLater(10));
    expect((await state(early.bookingId)).payment).toBe("refund_pending");

    const late = await paidBooking("Policy Late");
    await confirmBooking(late.providerUser, late.bookingId, minutesLater(10));
    await cancelBooking(late.patient, late.bookingId, "", new Date(new Date(at(3, 10)).getTime() - 3 * 3_600_000));
    expect(await state(late.bookingId)).toMatchObject({ booking: "cancelled", payment: "kept" });
  });

  it("hold to the window the patient booked under when the provider changes it later", async () => {
    const { bookingId, patient, provider } = await paidBooking("Policy Terms");
    const db = await getDb();
    await db.update(providers).set({ cancellationWindowHours: 72 }).where(eq(providers.id, provider.id));
    const [shown] = await listPatientBookings(patient, eq(bookings.id, bookingId), minutesLater(10));
    expect(shown).toMatchObject({ cancellationWindowHours: 24, freeCancellationUntil: new Date(new Date(at(3, 10)).getTime() - 24 * 3_600_000).toISOString() });
    // 27 hours before the start: in time under the booked 24-hour window, late under today's 72.
    await cancelBooking(patient, bookingId, "", new Date(new Date(at(3, 10)).getTime() - 27 * 3_600_000));
    expect(await state(bookingId)).toMatchObject({ booking: "cancelled", payment: "refund_pending" });
  });

  it("keep the deposit with a rescheduled booking, never charging twice", async () => {
    const { bookingId, patient } = await paidBooking("Policy Reschedule");
    expect(await rescheduleBooking(patient, bookingId, new Date(at(4, 11)), minutesLater(10))).toMatchObject({ ok: true });
    const db = await getDb();
    const rows = await db.select({ status: payments.status, amount: payments.amountCents }).from(payments).where(eq(payments.bookingId, bookingId));
    expect(rows).toEqual([{ status: "paid", amount: 5_000 }]);
    expect(await state(bookingId)).toMatchObject({ booking: "requested", payment: "paid" });
  });

  it("cannot be got round by moving a late booking out and then cancelling it", async () => {
    const { bookingId, patient, providerUser } = await paidBooking("Policy Move Then Cancel");
    await confirmBooking(providerUser, bookingId, minutesLater(10));
    // 20 hours before a visit with a 24-hour window: too late to move it online.
    const late = new Date(new Date(at(3, 10)).getTime() - 20 * 3_600_000);
    const moved = await rescheduleBooking(patient, bookingId, new Date(at(10, 11)), late);
    expect(moved).toEqual({ ok: false, error: expect.stringMatching(/^Less than 24 hours before the visit it can no longer be moved online\. To change it, contact the clinic \(/) });
    const db = await getDb();
    const [row] = await db.select({ startsAt: bookings.startsAt }).from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.startsAt.toISOString()).toBe(at(3, 10));
    await cancelBooking(patient, bookingId, "", late);
    expect(await state(bookingId)).toMatchObject({ booking: "cancelled", payment: "kept" });
  });

  it("keep the deposit of a no-show", async () => {
    const { bookingId, providerUser } = await paidBooking("Policy No Show");
    await confirmBooking(providerUser, bookingId, minutesLater(10));
    await markNoShow(providerUser, bookingId, new Date(at(3, 11)));
    expect(await state(bookingId)).toMatchObject({ booking: "no_show", payment: "kept" });
  });

  it("keep a failed refund visible until a retry succeeds", async () => {
    const { bookingId, providerUser } = await paidBooking("Policy Failed Refund");
    await processPendingRefunds();
    await declineBooking(providerUser, bookingId, "Cannot take new patients", minutesLater(10));
    vi.mocked(createRefund).mockRejectedValueOnce(new Error("Stripe is down"));
    expect(await processPendingRefunds()).toEqual({ refunded: 0, failed: 1 });
    expect((await state(bookingId)).payment).toBe("refund_failed");
    expect(await processPendingRefunds()).toEqual({ refunded: 0, failed: 0 });
    const db = await getDb();
    const [payment] = await db.select({ id: payments.id }).from(payments).where(eq(payments.bookingId, bookingId));
    expect(await retryRefund(await createUser("patient"), payment!.id).catch((e: Error) => e.name)).toBe("ForbiddenError");
    expect(await retryRefund(providerUser, payment!.id)).toMatchObject({ ok: true });
    expect(await processPendingRefunds()).toEqual({ refunded: 1, failed: 0 });
    expect((await state(bookingId)).payment).toBe("refunded");
  });

  it("show a refund Stripe failed after accepting it, and retry it as a new request", async () => {
    const { bookingId, providerUser } = await paidBooking("Policy Refund Fails Later");
    await declineBooking(providerUser, bookingId, "Cannot take new patients", minutesLater(10));
    vi.mocked(createRefund).mockClear();
    vi.mocked(createRefund).mockResolvedValueOnce({ id: "re_later_fails", status: "pending" });
    expect(await processPendingRefunds(minutesLater(11))).toEqual({ refunded: 1, failed: 0 });
    expect((await state(bookingId)).payment).toBe("refund_pending");

    const failed = signedEvent("refund.failed", { id: "re_later_fails", object: "refund", status: "failed", failure_reason: "expired_or_canceled_card" }, Math.floor(minutesLater(60).getTime() / 1000));
    expect((await processWebhook(failed.payload, failed.signature, minutesLater(60))).body.outcome).toBe("handled");
    expect((await state(bookingId)).payment).toBe("refund_failed");
    const [shown] = (await listFailedRefunds(await createUser("admin"))).filter((r) => r.bookingId === bookingId);
    expect(shown!.refundError).toMatch(/expired_or_canceled_card/);

    expect(await retryRefund(providerUser, shown!.paymentId, minutesLater(90))).toMatchObject({ ok: true });
    expect(await processPendingRefunds(minutesLater(91))).toEqual({ refunded: 1, failed: 0 });
    expect((await state(bookingId)).payment).toBe("refunded");
    const requests = vi.mocked(createRefund).mock.calls.map(([request]) => request.requestedAt.getTime());
    expect(requests).toEqual([minutesLater(10).getTime(), minutesLater(90).getTime()]);
  });

  it("mark a refund made in Stripe's dashboard when charge.refunded arrives", async () => {
    const { bookingId } = await paidBooking("Dashboard Refund");
    const { intent } = await state(bookingId);
    const refunded = signedEvent("charge.refunded", { id: "ch_1", object: "charge", payment_intent: intent, refunded: true }, Math.floor(minutesLater(20).getTime() / 1000));
    await processWebhook(refunded.payload, refunded.signature, minutesLater(20));
    expect((await state(bookingId)).payment).toBe("refunded");
  });
});

describe("test-payment mode", () => {
  it("pays through the same signed webhook path, for the patient's own booking only", async () => {
    const { bookingId, patient } = await depositBooking("Test Mode");
    expect(await startDepositCheckout(patient, bookingId, NOW)).toEqual({ ok: true, url: `/pay/${bookingId}` });
    expect(await completeTestCheckout(await createUser("patient"), bookingId, "pay", minutesLater(2))).toMatchObject({ ok: false });
    expect(await completeTestCheckout(patient, bookingId, "pay", minutesLater(2))).toEqual({ ok: true });
    expect(await state(bookingId)).toMatchObject({ booking: "requested", payment: "paid" });
    const db = await getDb();
    expect(await db.$count(stripeEvents)).toBeGreaterThan(0);
    expect(stripeWebhookSecret()).toMatch(/^whsec_/);
  });
});

describe("Checkout with a Stripe key (Stripe replaced)", () => {
  it("names the line item \"Appointment deposit\" and tells Stripe nothing of the provider, the visit or the intake", async () => {
    const providerUser = await createUser("provider");
    const provider = await createProvider({
      name: "Dr. Stripe Canary",
      provider: { userId: providerUser.id },
      locations: [{ name: "Migraine Botox Center" }],
      appointmentTypes: [{ name: "Botox for chronic migraine", depositCents: 5_000 }],
    });
    const patient = await createUser("patient");
    const booked = await createBooking(
      patient,
      { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start: at(3, 10), telehealth: false, intake: validIntake({ symptoms: "STRIPE-CANARY symptoms" }) },
      NOW,
    );
    if (!booked.ok) throw new Error(booked.message);
    const sent: Parameters<typeof createCheckoutSession>[0][] = [];
    vi.mocked(createCheckoutSession).mockImplementation(async (request) => {
      sent.push(request);
      return { id: "cs_live_params", url: "https://checkout.stripe.test/cs_live_params" };
    });
    try {
      expect(await startDepositCheckout(patient, booked.id, NOW)).toMatchObject({ ok: true });
    } finally {
      vi.mocked(createCheckoutSession).mockReset();
    }
    expect(sent).toHaveLength(1);
    const params = checkoutSessionParams(sent[0]!);
    expect(params.line_items).toEqual([{ quantity: 1, price_data: { currency: "usd", unit_amount: 5_000, product_data: { name: "Appointment deposit" } } }]);
    expect(params.metadata).toEqual({ bookingId: booked.id });
    expect(params.payment_intent_data).toEqual({ metadata: { bookingId: booked.id } });
    expect(params.customer_email).toBe(patient.email);
    const everything = JSON.stringify(params);
    for (const word of [/canary/i, /migraine/i, /botox/i, /consultation/i, /neurology/i]) expect(everything).not.toMatch(word);
  });

  it("sends every later visit to the session already open, and makes a new one only once it closed", async () => {
    const { bookingId, patient } = await depositBooking("Checkout Reuse", at(3, 10), { openCheckout: false });
    // Stripe as the gateway sees it: sessions by id, each open until told otherwise.
    const open = new Map<string, boolean>();
    const keys: string[] = [];
    vi.mocked(createCheckoutSession).mockClear();
    vi.mocked(createCheckoutSession).mockImplementation(async (request) => {
      keys.push(`${request.bookingId}-after-${request.replaces ?? "none"}`);
      const id = `cs_live_${keys.length}`;
      open.set(id, true);
      return { id, url: `https://checkout.stripe.test/${id}` };
    });
    vi.mocked(openCheckoutSession).mockImplementation(async (id) => (open.get(id) ? { id, url: `https://checkout.stripe.test/${id}` } : null));
    try {
      expect(await startDepositCheckout(patient, bookingId, NOW)).toEqual({ ok: true, url: "https://checkout.stripe.test/cs_live_1" });
      // A reload a minute later, and "try again" after cancelling on Stripe's page: the same session.
      expect(await startDepositCheckout(patient, bookingId, minutesLater(1))).toEqual({ ok: true, url: "https://checkout.stripe.test/cs_live_1" });
      expect(await startDepositCheckout(patient, bookingId, minutesLater(3))).toEqual({ ok: true, url: "https://checkout.stripe.test/cs_live_1" });
      expect(createCheckoutSession).toHaveBeenCalledTimes(1);

      open.set("cs_live_1", false);
      expect(await startDepositCheckout(patient, bookingId, minutesLater(5))).toEqual({ ok: true, url: "https://checkout.stripe.test/cs_live_2" });
      expect(keys).toEqual([`${bookingId}-after-none`, `${bookingId}-after-cs_live_1`]);

      vi.mocked(openCheckoutSession).mockRejectedValueOnce(new Error("Stripe is unreachable"));
      const failed = await startDepositCheckout(patient, bookingId, minutesLater(6));
      expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/payment service did not answer/) });
      const db = await getDb();
      const [row] = await db.select({ session: payments.checkoutSessionId }).from(payments).where(eq(payments.bookingId, bookingId));
      expect(row!.session).toBe("cs_live_2");
    } finally {
      vi.mocked(createCheckoutSession).mockReset();
      vi.mocked(openCheckoutSession).mockReset();
    }
  });
});

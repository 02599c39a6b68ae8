import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, payments } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { createBooking, getPatientBooking } from "@/lib/booking/queries";
import { cancelBooking, confirmBooking } from "@/lib/booking/transitions";
import { startDepositCheckout } from "@/lib/payments/deposits";
import { checkoutEvent } from "@/lib/payments/test-mode";
import { processWebhook } from "@/lib/payments/webhook";
import { recordAuthorization } from "./authorization";

// Issue 14, part 5: the provider records the insurer's prior authorization of a treatment; the
// patient sees it, and a denial lets them cancel for a full refund inside the window.

const NOW = new Date("2026-12-01T12:00:00Z");
// Wednesday 10:00 in New York: less than 48 hours away, so inside the clinic's window.
const SOON = new Date(Date.UTC(2026, 11, 2, 15)).toISOString();

beforeAll(async () => {
  await seedReferenceData();
});

async function treatmentWithDeposit() {
  const user = await createUser("provider");
  const clinic = await createProvider({
    provider: { userId: user.id, minNoticeMinutes: 0, cancellationWindowHours: 48 },
    appointmentTypes: [{ kind: "treatment", name: "Treatment session", minutes: 30, feeCents: 60_000, depositCents: 10_000 }, { kind: "initial_consultation", minutes: 30 }],
  });
  const patient = await createUser("patient");
  const booked = await createBooking(patient, { providerSlug: clinic.slug, appointmentTypeId: clinic.typeIds[0]!, locationId: clinic.locationIds[0]!, start: SOON, telehealth: false, intake: validIntake() }, NOW);
  if (!booked.ok) throw new Error(booked.message);
  expect((await startDepositCheckout(patient, booked.id, NOW)).ok).toBe(true);
  const paid = checkoutEvent("pay", { bookingId: booked.id, sessionId: `cs_test_local_${booked.id}`, amountCents: 10_000, currency: "usd" }, NOW);
  expect((await processWebhook(paid.payload, paid.signature, NOW)).status).toBe(200);
  expect(await confirmBooking(user, booked.id, NOW)).toMatchObject({ ok: true });
  return { user, clinic, patient, id: booked.id };
}

const input = (id: string, status: "submitted" | "approved" | "denied", on: string) => ({ id, status, on });

describe("prior authorization", () => {
  it("shows the patient a treatment awaiting authorization, then the answer, and emails only the answer", async () => {
    const { user, patient, id } = await treatmentWithDeposit();
    expect(await recordAuthorization(user, input(id, "submitted", "2026-11-28"), NOW)).toEqual({ ok: true, message: "Recorded as submitted to the insurer." });
    expect((await getPatientBooking(patient, id))?.authorization).toEqual({ status: "submitted", submittedOn: "2026-11-28", decidedOn: null });
    const db = await getDb();
    const decided = () => db.$count(emailOutbox, and(eq(emailOutbox.bookingId, id), eq(emailOutbox.kind, "authorization_decided")));
    expect(await decided()).toBe(0);

    expect(await recordAuthorization(user, input(id, "approved", "2026-11-27"), NOW)).toEqual({ ok: false, error: "The insurer's answer cannot come before the request was submitted." });
    expect(await recordAuthorization(user, input(id, "approved", "2026-12-02"), NOW)).toEqual({ ok: false, error: "Give a date within the last year, not in the future." });
    expect(await recordAuthorization(user, input(id, "approved", "2026-11-30"), NOW)).toMatchObject({ ok: true });
    expect((await getPatientBooking(patient, id))?.authorization).toEqual({ status: "approved", submittedOn: "2026-11-28", decidedOn: "2026-11-30" });
    expect(await decided()).toBe(1);
  });

  it("once denied, lets the patient cancel inside the window for a full refund of the deposit", async () => {
    const { user, patient, id } = await treatmentWithDeposit();
    await recordAuthorization(user, input(id, "denied", "2026-11-30"), NOW);
    expect(await cancelBooking(patient, id, "", NOW)).toMatchObject({ ok: true });
    const db = await getDb();
    const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.bookingId, id));
    expect(payment).toEqual({ status: "refund_pending" });
  });

  it("without a denial, cancelling inside the window keeps the deposit as the policy says", async () => {
    const { user, patient, id } = await treatmentWithDeposit();
    await recordAuthorization(user, input(id, "approved", "2026-11-30"), NOW);
    await cancelBooking(patient, id, "", NOW);
    const db = await getDb();
    const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.bookingId, id));
    expect(payment).toEqual({ status: "kept" });
  });

  it("is for the treating provider's upcoming treatments only", async () => {
    const { user, clinic, patient, id } = await treatmentWithDeposit();
    const stranger = await createUser("provider");
    await createProvider({ provider: { userId: stranger.id } });
    expect(await recordAuthorization(stranger, input(id, "submitted", "2026-11-30"), NOW)).toEqual({ ok: false, error: "This booking no longer exists, or is not yours. Reload the page." });
    const consult = await createBooking(patient, { providerSlug: clinic.slug, appointmentTypeId: clinic.typeIds[1]!, locationId: clinic.locationIds[0]!, start: new Date(Date.UTC(2026, 11, 3, 15)).toISOString(), telehealth: false, intake: validIntake() }, NOW);
    if (!consult.ok) throw new Error(consult.message);
    expect(await recordAuthorization(user, input(consult.id, "submitted", "2026-11-30"), NOW)).toEqual({ ok: false, error: "Prior authorization is recorded for treatment visits only." });
    const afterVisit = new Date(Date.UTC(2026, 11, 2, 16));
    expect(await recordAuthorization(user, input(id, "submitted", "2026-12-02"), afterVisit)).toEqual({ ok: false, error: "Only an upcoming treatment that is requested or confirmed can wait for authorization." });
    await expect(recordAuthorization(patient, input(id, "submitted", "2026-11-30"), NOW)).rejects.toThrow();
  });
});

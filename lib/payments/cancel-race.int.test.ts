import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, payments } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { createBooking } from "@/lib/booking/queries";
import { cancelBooking } from "@/lib/booking/transitions";
import { startDepositCheckout } from "./deposits";
import { checkoutEvent } from "./test-mode";
import { processWebhook } from "./webhook";

// The patient cancels while Stripe's webhook for their deposit arrives. Whichever transaction takes
// the booking's row lock first, the patient ends with the booking cancelled and the deposit on its
// way back in full: never charged for a cancelled visit, never a visit confirmed after cancelling.

const NOW = new Date("2026-12-01T12:00:00Z");
const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);
// Four days out, 10:00 in New York: well before the 24-hour window, so a cancel is refunded in full.
const START = (hour: number) => new Date(Date.UTC(2026, 11, 7, hour + 5)).toISOString();

beforeAll(async () => {
  await seedReferenceData();
});

async function heldAndCheckingOut(confirmsAutomatically: boolean) {
  const provider = await createProvider({ provider: { userId: (await createUser("provider")).id }, appointmentTypes: [{ depositCents: 5_000, confirmsAutomatically }] });
  const patients = await Promise.all(Array.from({ length: 4 }, () => createUser("patient")));
  const held = [];
  for (const [i, patient] of patients.entries()) {
    const result = await createBooking(patient, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start: START(10 + i), telehealth: false, intake: validIntake() }, NOW);
    if (!result.ok) throw new Error(result.message);
    const checkout = await startDepositCheckout(patient, result.id, NOW);
    if (!checkout.ok) throw new Error(checkout.error);
    held.push({ patient, id: result.id });
  }
  return held;
}

describe.each([
  ["a request", false],
  ["an instant booking", true],
])("a cancel racing the payment webhook for %s", (_label, instant) => {
  it("always ends cancelled with the deposit refunded in full", async () => {
    const held = await heldAndCheckingOut(instant);
    await Promise.all(
      held.map(async ({ patient, id }) => {
        const event = checkoutEvent("pay", { bookingId: id, sessionId: `cs_test_local_${id}`, amountCents: 5_000, currency: "usd" }, minutesLater(5));
        const [cancelled, webhook] = await Promise.all([cancelBooking(patient, id, "", minutesLater(5)), processWebhook(event.payload, event.signature, minutesLater(5))]);
        expect(cancelled.ok).toBe(true);
        expect(webhook.status).toBe(200);
      }),
    );
    const db = await getDb();
    for (const { id } of held) {
      const [row] = await db.select({ booking: bookings.status, payment: payments.status, amount: payments.amountCents }).from(bookings).innerJoin(payments, eq(payments.bookingId, bookings.id)).where(eq(bookings.id, id));
      expect(row).toEqual({ booking: "cancelled", payment: "refund_pending", amount: 5_000 });
    }
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointmentTypes, bookings, emailOutbox } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { checkoutEvent } from "@/lib/payments/test-mode";
import { startDepositCheckout } from "@/lib/payments/deposits";
import { processWebhook } from "@/lib/payments/webhook";
import { saveAppointmentType } from "@/lib/scheduling/settings";
import { parseSearchFilters, searchProviders } from "@/lib/search/queries";
import { getProviderInbox } from "./inbox";
import { createBooking, getPatientBooking } from "./queries";
import { rescheduleBooking } from "./transitions";

const NOW = new Date("2026-12-01T12:00:00Z");
// 10:00 in New York on a December day.
const at = (day: number, localHour: number) => new Date(Date.UTC(2026, 11, day, localHour + 5)).toISOString();
const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);
const intake = validIntake();

beforeAll(async () => {
  await seedReferenceData();
});

async function instantClinic(name: string, { depositCents = 0 } = {}) {
  const providerUser = await createUser("provider");
  const provider = await createProvider({ name, provider: { userId: providerUser.id }, appointmentTypes: [{ confirmsAutomatically: true, depositCents }] });
  const patient = await createUser("patient");
  const book = async (start: string) => {
    const result = await createBooking(patient, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake }, NOW);
    if (!result.ok) throw new Error(result.message);
    return result;
  };
  return { providerUser, provider, patient, book };
}

async function emailKinds(bookingId: string) {
  const db = await getDb();
  const rows = await db.select({ kind: emailOutbox.kind, to: emailOutbox.toAddress, body: emailOutbox.bodyText }).from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
  return rows;
}

describe("an instant booking without a deposit", () => {
  it("is confirmed the moment it is made, tells both sides so, and waits for no answer", async () => {
    const { providerUser, patient, book } = await instantClinic("Dr. Instant Free");
    const { id, status } = await book(at(3, 10));
    expect(status).toBe("confirmed");

    const seen = await getPatientBooking(patient, id);
    expect(seen).toMatchObject({ status: "confirmed", instant: true, answerBy: null });
    const emails = await emailKinds(id);
    expect(emails.map((e) => e.kind).sort()).toEqual(["booked_instantly", "instant_booking_received"]);
    const toPatient = emails.find((e) => e.kind === "booked_instantly")!;
    expect(toPatient.to).toBe(patient.email);
    expect(toPatient.body).toContain("is booked and confirmed");
    expect(toPatient.body).toMatch(/Eastern/);
    expect(toPatient.body).not.toContain(intake.symptoms);
    expect(emails.find((e) => e.kind === "instant_booking_received")!.to).toBe(providerUser.email);

    // Nothing for the provider to answer: it is among the confirmed visits, not the requests.
    const inbox = await getProviderInbox(providerUser, NOW);
    expect(inbox.requests.map((b) => b.id)).not.toContain(id);
    expect(inbox.upcoming.map((b) => b.id)).toContain(id);
  });

  it("moved by the patient to another free time, is confirmed again at once", async () => {
    const { patient, book } = await instantClinic("Dr. Instant Move");
    const { id } = await book(at(8, 10));
    const moved = await rescheduleBooking(patient, id, new Date(at(9, 11)), NOW);
    expect(moved).toEqual({ ok: true, message: "Booking moved and confirmed." });
    expect(await getPatientBooking(patient, id)).toMatchObject({ status: "confirmed", startsAt: at(9, 11), answerBy: null });
    expect((await emailKinds(id)).map((e) => e.kind)).toEqual(expect.arrayContaining(["moved", "moved_confirmed"]));
  });
});

describe("an instant booking with a deposit", () => {
  const payFor = async (bookingId: string) => {
    const event = checkoutEvent("pay", { bookingId, sessionId: `cs_test_local_${bookingId}`, amountCents: 5_000, currency: "usd" }, minutesLater(5));
    return processWebhook(event.payload, event.signature, minutesLater(5));
  };

  it("holds the time until paid, and the payment confirms it", async () => {
    const { patient, book } = await instantClinic("Dr. Instant Deposit", { depositCents: 5_000 });
    const { id, status } = await book(at(4, 10));
    expect(status).toBe("pending_payment");
    expect(await emailKinds(id)).toEqual([]);
    expect((await startDepositCheckout(patient, id, NOW)).ok).toBe(true);

    expect((await payFor(id)).status).toBe(200);
    expect(await getPatientBooking(patient, id)).toMatchObject({ status: "confirmed", answerBy: null, payment: { status: "paid" } });
    expect((await emailKinds(id)).map((e) => e.kind).sort()).toEqual(["booked_instantly", "instant_booking_received"]);
  });

  it("keeps the promise made at booking when the provider switches instant booking off before the payment", async () => {
    const { providerUser, provider, patient, book } = await instantClinic("Dr. Instant Switched", { depositCents: 5_000 });
    const { id } = await book(at(4, 11));
    expect((await startDepositCheckout(patient, id, NOW)).ok).toBe(true);
    const saved = await saveAppointmentType(providerUser, {
      id: provider.typeIds[0]!,
      kind: "initial_consultation",
      name: "Initial consultation",
      minutes: 30,
      bufferAfterMinutes: 0,
      feeCents: 20_000,
      depositCents: 5_000,
      telehealthAllowed: false,
      confirmsAutomatically: false,
    });
    expect(saved.ok).toBe(true);
    await payFor(id);
    expect(await getPatientBooking(patient, id)).toMatchObject({ status: "confirmed" });

    // A new booking of the same type is an ordinary request again.
    const later = await book(at(7, 10));
    const db = await getDb();
    const [row] = await db.select({ status: bookings.status, instant: bookings.instant }).from(bookings).where(eq(bookings.id, later.id));
    expect(row).toEqual({ status: "pending_payment", instant: false });
  });
});

describe("search and profile", () => {
  const search = async () => {
    const parsed = await parseSearchFilters(new URLSearchParams("near=10016&radiusMi=5"));
    if (!parsed.ok) throw new Error("bad query");
    return searchProviders(parsed.filters, { now: NOW });
  };
  const card = async (slug: string) => (await search()).results.find((c) => c.slug === slug);

  it("says Instant booking on the card of a provider whose consultation confirms automatically, and follows the switch", async () => {
    const providerUser = await createUser("provider");
    const plain = await createProvider({ name: "Dr. Waits For Answer", provider: { userId: providerUser.id } });
    const instant = await createProvider({ name: "Dr. Books Instantly", appointmentTypes: [{ confirmsAutomatically: true }] });
    expect(await card(instant.slug)).toMatchObject({ instantBooking: true });
    expect(await card(plain.slug)).toMatchObject({ instantBooking: false });

    // The remembered search sees the change to the type at once.
    const db = await getDb();
    await db.update(appointmentTypes).set({ confirmsAutomatically: true }).where(and(eq(appointmentTypes.providerId, plain.id)));
    expect(await card(plain.slug)).toMatchObject({ instantBooking: true });
  });
});

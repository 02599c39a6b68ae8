import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, bookings, emailOutbox, locations, payments } from "@/db/schema";
import { createProvider, createUser, npiLicense, seedReferenceData, stateLicense, validIntake, type TestUser } from "@/db/testing/fixtures";
import { removeLocation, upcomingBookingsByLocation } from "@/lib/listing/queries";
import { createBooking } from "./queries";
import { cancelBookingsWithoutLicense } from "./provider-side-cancel";
import { confirmBooking } from "./transitions";

// What the provider's side changes must not leave patients holding appointments nobody will keep.

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const at = (day: number, localHour: number) => new Date(Date.UTC(2026, 11, day, localHour + 5)).toISOString();

beforeAll(async () => {
  await seedReferenceData();
});

async function clinic(spec: Parameters<typeof createProvider>[0] = {}) {
  const providerUser = await createUser("provider");
  const provider = await createProvider({ ...spec, provider: { userId: providerUser.id, ...spec.provider } });
  const book = async (start: string, locationId = provider.locationIds[0]!, patient?: TestUser) => {
    const who = patient ?? (await createUser("patient"));
    const result = await createBooking(who, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId, start, telehealth: false, intake: validIntake() }, NOW);
    if (!result.ok) throw new Error(result.message);
    return { id: result.id, patient: who };
  };
  return { providerUser, provider, book };
}

async function statusOf(id: string) {
  const db = await getDb();
  const [row] = await db.select({ status: bookings.status, cancelledBy: bookings.cancelledBy }).from(bookings).where(eq(bookings.id, id));
  return row;
}

async function cancelMail(id: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(and(eq(emailOutbox.bookingId, id), eq(emailOutbox.kind, "cancelled")));
}

describe("a provider removing a location with bookings", () => {
  it("is told how many first, and a booking made since stops the removal", async () => {
    const { providerUser, provider, book } = await clinic({ name: "Two Sites", locations: [{ name: "Uptown" }, { name: "Downtown" }] });
    const [uptown, downtown] = provider.locationIds as [string, string];
    const first = await book(at(3, 10), uptown);
    await book(at(3, 11), downtown);
    expect((await upcomingBookingsByLocation(providerUser, NOW)).get(uptown)).toBe(1);
    await book(at(3, 12), uptown);

    expect(await removeLocation(providerUser, uptown, 1, NOW)).toEqual({ ok: false, error: expect.stringContaining("2 upcoming bookings are at this location now, not 1") });
    const db = await getDb();
    expect(await db.$count(locations, eq(locations.id, uptown))).toBe(1);
    expect(await statusOf(first.id)).toMatchObject({ status: "requested" });
  });

  it("cancels the bookings there as the provider, refunds in full, emails the patients, and keeps the others", async () => {
    const { providerUser, provider, book } = await clinic({ name: "Closing Site", locations: [{ name: "Closing" }, { name: "Staying", zip: "10001" }] });
    const [closing, staying] = provider.locationIds as [string, string];
    const there = await book(at(3, 10), closing);
    const elsewhere = await book(at(3, 11), staying);
    const db = await getDb();
    await db.insert(payments).values({ bookingId: there.id, amountCents: 5000, status: "paid", paymentIntentId: "pi_closing", paidAt: NOW });

    expect(await removeLocation(providerUser, closing, 1, NOW)).toEqual({ ok: true });
    expect(await statusOf(there.id)).toEqual({ status: "cancelled", cancelledBy: "provider" });
    expect(await statusOf(elsewhere.id)).toEqual({ status: "requested", cancelledBy: null });
    const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.bookingId, there.id));
    expect(payment!.status).toBe("refund_pending");
    const [mail] = await cancelMail(there.id);
    expect(mail!.toAddress).toBe(there.patient.email);
    expect(mail!.bodyText).toMatch(/no longer sees patients at this address[^]*\/providers\?near=10016/);
    expect(await cancelMail(elsewhere.id)).toEqual([]);
    const [audit] = await db.select({ actorId: auditEvents.actorId, details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.subjectId, there.id), eq(auditEvents.action, "booking.cancel")));
    expect(audit).toEqual({ actorId: providerUser.id, details: { from: "requested", to: "cancelled", by: "provider", cause: "location_removed" } });
    expect(await db.$count(locations, eq(locations.id, closing))).toBe(0);
  });
});

describe("a license lapsing for a booked state", () => {
  it("cancels the upcoming bookings in that state the day after it expires, and no others", async () => {
    const { providerUser, provider, book } = await clinic({
      name: "Lapsing License",
      locations: [{ name: "New York" }, { name: "Newark", city: "Newark", state: "NJ", zip: "07102" }],
      licenses: [npiLicense(), stateLicense("NY", { expiresOn: "2026-12-05" }), stateLicense("NJ")],
    });
    const [ny, nj] = provider.locationIds as [string, string];
    const inNewYork = await book(at(8, 10), ny);
    const inNewJersey = await book(at(8, 11), nj);
    for (const { id } of [inNewYork, inNewJersey]) expect(await confirmBooking(providerUser, id, NOW)).toMatchObject({ ok: true });

    expect(await cancelBookingsWithoutLicense(new Date("2026-12-05T20:00:00Z"))).toBe(0);
    expect(await statusOf(inNewYork.id)).toMatchObject({ status: "confirmed" });
    await cancelBookingsWithoutLicense(new Date("2026-12-06T01:00:00Z"));
    expect(await statusOf(inNewYork.id)).toEqual({ status: "cancelled", cancelledBy: "provider" });
    expect(await statusOf(inNewJersey.id)).toMatchObject({ status: "confirmed" });
    const [mail] = await cancelMail(inNewYork.id);
    expect(mail!.bodyText).toContain("license for the state of this appointment is not current");
    // Run again: nothing more, nobody emailed twice.
    await cancelBookingsWithoutLicense(new Date("2026-12-06T02:00:00Z"));
    expect(await cancelMail(inNewYork.id)).toHaveLength(1);
  });
});

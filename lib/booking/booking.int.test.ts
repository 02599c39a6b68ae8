import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { createProvider, createUser, npiLicense, seedReferenceData, stateLicense, validIntake } from "@/db/testing/fixtures";
import { ForbiddenError } from "@/lib/auth/authorize";
import { openJson } from "@/lib/crypto/sealed-json";
import { getAvailability, getNextAvailable } from "@/lib/scheduling/queries";
import { parseSearchFilters, searchProviders } from "@/lib/search/queries";
import { createBooking, listPatientBookings, MAX_OPEN_REQUESTS, SLOT_TAKEN, type BookingRequest } from "./queries";

// Tuesday 1 December 2026, noon UTC; Thursday the 3rd is bookable (24 h notice), 9:00 to 17:00 New York time.
const NOW = new Date("2026-12-01T12:00:00Z");
const THURSDAY_10AM = "2026-12-03T15:00:00.000Z";
const at = (localHour: number, minute = 0) => new Date(Date.UTC(2026, 11, 3, localHour + 5, minute)).toISOString();

const intake = validIntake({ symptoms: "SECRET-SYMPTOM: headaches most days", painScore: 7, headacheDaysPerMonth: 16 });

type Listed = Awaited<ReturnType<typeof createProvider>>;

function requestFor(provider: Listed, start: string, typeIndex = 0): BookingRequest {
  return { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[typeIndex]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake };
}

const patient = () => createUser("patient");

beforeAll(async () => {
  await seedReferenceData();
});

describe("free slots", () => {
  it("answers 400 for bad or too-wide ranges and 404 for an unknown or unlisted provider", async () => {
    const provider = await createProvider({ name: "Slots Range" });
    const type = provider.typeIds[0]!;
    expect(await getAvailability(provider.slug, { from: "2026-12-40", to: "2026-12-31", type }, NOW)).toMatchObject({ ok: false, status: 400, field: "from" });
    expect(await getAvailability(provider.slug, { from: "2026-12-01", to: null, type }, NOW)).toMatchObject({ ok: false, status: 400, field: "to" });
    expect(await getAvailability(provider.slug, { from: "2026-12-05", to: "2026-12-01", type }, NOW)).toMatchObject({ ok: false, status: 400, field: "to" });
    expect(await getAvailability(provider.slug, { from: "2026-12-01", to: "2027-02-02", type }, NOW)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/62 days/) });
    expect(await getAvailability(provider.slug, { from: "2026-12-01", to: "2026-12-02", type: "x'; drop" }, NOW)).toMatchObject({ ok: false, status: 400, field: "type" });
    expect(await getAvailability("nobody-here", { from: "2026-12-01", to: "2026-12-02", type }, NOW)).toMatchObject({ ok: false, status: 404 });
    const pending = await createProvider({ name: "Slots Pending", licenses: [npiLicense(), stateLicense("NY", { status: "pending", verifiedAt: null })] });
    expect(await getAvailability(pending.slug, { from: "2026-12-01", to: "2026-12-07", type: pending.typeIds[0]! }, NOW)).toMatchObject({ ok: false, status: 404 });
  });

  it("offers weekday times after the minimum notice, as UTC instants with their location", async () => {
    const provider = await createProvider({ name: "Slots Week" });
    const result = await getAvailability(provider.slug, { from: "2026-12-01", to: "2026-12-07", type: provider.typeIds[0]! }, NOW);
    if (!result.ok) throw new Error(result.message);
    // The 24 h notice ends Wednesday 7:00 New York time, before opening: Wednesday, Thursday, Friday
    // and Monday the 7th, 16 half-hour slots each; Tuesday is within the notice, the weekend closed.
    expect(result.slots).toHaveLength(64);
    expect(result.slots[0]).toEqual({ start: "2026-12-02T14:00:00.000Z", end: "2026-12-02T14:30:00.000Z", locationId: provider.locationIds[0] });
    expect(await getNextAvailable(provider.slug, NOW)).toEqual(result.slots[0]);
  });
});

describe("next available times for a results page", () => {
  it("carries each card's first free consultation, exactly the profile's, moved by a booking", async () => {
    // Alone in Buffalo, so the card is on the first page whatever else this file lists.
    const open = await createProvider({ name: "Next Open", locations: [{ city: "Buffalo", zip: "14202", latitude: 42.8864, longitude: -78.8784 }] });
    const filters = await parseSearchFilters(new URLSearchParams({ near: "14202", radiusMi: "5" }));
    if (!filters.ok) throw new Error(filters.error.message);
    const card = async () => (await searchProviders(filters.filters, { now: NOW, confirmFirst: true })).results.find((r) => r.slug === open.slug);
    expect((await card())?.nextAvailable).toBe("2026-12-02T14:00:00.000Z");
    await createBooking(await patient(), requestFor(open, "2026-12-02T14:00:00.000Z"), NOW);
    expect((await card())?.nextAvailable).toBe("2026-12-02T14:30:00.000Z");
    expect((await card())?.nextAvailable).toBe((await getNextAvailable(open.slug, NOW))?.start);
  });
});

describe("requesting a consultation", () => {
  it("stores a request with the intake sealed, and takes the slot away", async () => {
    const provider = await createProvider({ name: "Book Basic" });
    const me = await patient();
    const result = await createBooking(me, requestFor(provider, THURSDAY_10AM), NOW);
    expect(result).toEqual({ ok: true, id: expect.any(String), status: "requested" });
    const db = await getDb();
    const [row] = await db.select().from(bookings).where(eq(bookings.id, (result as { id: string }).id));
    expect(row!.intakeCiphertext).not.toContain("SECRET-SYMPTOM");
    expect(openJson(row!.intakeCiphertext, row!.id)).toMatchObject({ symptoms: "SECRET-SYMPTOM: headaches most days" });
    expect(row).toMatchObject({ typeName: "Initial consultation", timeZone: "America/New_York", feeCents: 20_000, holdExpiresAt: null });

    const slots = await getAvailability(provider.slug, { from: "2026-12-03", to: "2026-12-03", type: provider.typeIds[0]! }, NOW);
    expect(slots.ok && slots.slots.map((s) => s.start)).not.toContain(THURSDAY_10AM);
    expect((await listPatientBookings(me, undefined, NOW)).map((b) => [b.status, b.startsAt])).toEqual([["requested", THURSDAY_10AM]]);
  });

  it("holds the slot for 30 minutes awaiting a deposit, and a lapsed hold frees it", async () => {
    const provider = await createProvider({ name: "Book Deposit", appointmentTypes: [{ depositCents: 5_000 }] });
    const first = await patient();
    expect(await createBooking(first, requestFor(provider, THURSDAY_10AM), NOW)).toMatchObject({ ok: true, status: "pending_payment" });
    const [hold] = await listPatientBookings(first, undefined, NOW);
    expect(hold!.holdExpiresAt).toBe("2026-12-01T12:30:00.000Z");
    expect(await createBooking(await patient(), requestFor(provider, THURSDAY_10AM), new Date("2026-12-01T12:29:00Z"))).toMatchObject({ ok: false, reason: "taken" });

    const later = new Date("2026-12-01T12:31:00Z");
    expect(await createBooking(await patient(), requestFor(provider, THURSDAY_10AM), later)).toMatchObject({ ok: true, status: "pending_payment" });
    expect((await listPatientBookings(first))[0]!.status).toBe("expired");
  });

  it("answers a taken slot with the next free times instead of an error", async () => {
    const provider = await createProvider({ name: "Book Taken" });
    await createBooking(await patient(), requestFor(provider, THURSDAY_10AM), NOW);
    const result = await createBooking(await patient(), requestFor(provider, THURSDAY_10AM), NOW);
    expect(result).toMatchObject({ ok: false, reason: "taken", message: SLOT_TAKEN });
    const alternatives = (result as { alternatives: { start: string }[] }).alternatives.map((a) => a.start);
    expect(alternatives).toEqual([at(10, 30), at(11), at(11, 30), at(12), at(12, 30)]);
  });

  it("refuses an overlapping booking of another length, accepts back-to-back ones, and honours buffers", async () => {
    const provider = await createProvider({
      name: "Book Overlap",
      appointmentTypes: [{}, { kind: "treatment", name: "Treatment", minutes: 60, bufferAfterMinutes: 15 }],
    });
    await createBooking(await patient(), requestFor(provider, at(10)), NOW);
    // A 60-minute treatment at 9:30 would run into the 10:00 consultation.
    expect(await createBooking(await patient(), requestFor(provider, at(9, 30), 1), NOW)).toMatchObject({ ok: false, reason: "taken" });
    // Back to back: 9:30 consultation ending at 10:00, and 10:30 after the first.
    expect(await createBooking(await patient(), requestFor(provider, at(9, 30)), NOW)).toMatchObject({ ok: true });
    expect(await createBooking(await patient(), requestFor(provider, at(10, 30)), NOW)).toMatchObject({ ok: true });
    // A treatment at 11:00 blocks until 12:15 with its buffer, so a consultation at 12:00 is refused.
    expect(await createBooking(await patient(), requestFor(provider, at(11), 1), NOW)).toMatchObject({ ok: true });
    expect(await createBooking(await patient(), requestFor(provider, at(12)), NOW)).toMatchObject({ ok: false, reason: "taken" });
    expect(await createBooking(await patient(), requestFor(provider, at(12, 30)), NOW)).toMatchObject({ ok: true });
  });

  it("refuses times outside the hours, inside the notice period or at another provider's location", async () => {
    const provider = await createProvider({ name: "Book Outside" });
    const other = await createProvider({ name: "Book Other" });
    const me = await patient();
    expect(await createBooking(me, requestFor(provider, at(8)), NOW)).toMatchObject({ ok: false, reason: "taken" });
    expect(await createBooking(me, requestFor(provider, at(10, 10)), NOW)).toMatchObject({ ok: false, reason: "taken" });
    expect(await createBooking(me, requestFor(provider, "2026-12-01T15:00:00.000Z"), NOW)).toMatchObject({ ok: false, reason: "taken" });
    expect(await createBooking(me, { ...requestFor(provider, THURSDAY_10AM), locationId: other.locationIds[0]! }, NOW)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await createBooking(me, { ...requestFor(provider, THURSDAY_10AM), appointmentTypeId: other.typeIds[0]! }, NOW)).toMatchObject({ ok: false, reason: "not_found" });
    expect(await listPatientBookings(me)).toEqual([]);
  });

  it(`caps a patient at ${MAX_OPEN_REQUESTS} open requests`, async () => {
    const provider = await createProvider({ name: "Book Cap" });
    const me = await patient();
    for (const hour of [9, 10, 11]) expect(await createBooking(me, requestFor(provider, at(hour)), NOW)).toMatchObject({ ok: true });
    expect(await createBooking(me, requestFor(provider, at(12)), NOW)).toMatchObject({ ok: false, reason: "limit", message: expect.stringMatching(/3 open requests/) });
  });

  it("is for patients only, and each patient sees only their own bookings", async () => {
    const provider = await createProvider({ name: "Book Roles" });
    await expect(createBooking(await createUser("provider"), requestFor(provider, THURSDAY_10AM), NOW)).rejects.toThrow(ForbiddenError);
    const mine = await patient();
    const theirs = await patient();
    await createBooking(mine, requestFor(provider, THURSDAY_10AM), NOW);
    expect(await listPatientBookings(theirs)).toEqual([]);
  });
});

describe("fifty patients asking for one slot", () => {
  // The database's exclusion constraint decides. On PGlite (one connection) the requests run one
  // after another; on a PostgreSQL server they race for real.
  it("stores exactly one booking and refuses the rest cleanly", async () => {
    const provider = await createProvider({ name: "Book Race" });
    const patients = await Promise.all(Array.from({ length: 50 }, () => patient()));
    const results = await Promise.allSettled(patients.map((p) => createBooking(p, requestFor(provider, THURSDAY_10AM), NOW)));
    const errors = results.filter((r) => r.status === "rejected");
    expect(errors).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof createBooking>>>).value);
    expect(values.filter((v) => v.ok)).toHaveLength(1);
    expect(values.filter((v) => !v.ok && v.reason === "taken")).toHaveLength(49);
    const db = await getDb();
    expect(await db.$count(bookings, eq(bookings.providerId, provider.id))).toBe(1);
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { createBooking } from "@/lib/booking/queries";
import { getListedProvider } from "@/lib/providers/queries";
import { archiveAppointmentType, saveAppointmentType } from "@/lib/scheduling/settings";
import { appointmentTypeSchema } from "@/lib/scheduling/validation";
import { physicianJsonLd } from "@/lib/ui/json-ld";
import { parseSearchFilters, searchProviders } from "./queries";

// One price: the initial consultation type is what search, the profile, its JSON-LD and a booking
// all read, so a provider who changes it there changes it everywhere at once.

// Tuesday 1 December 2026; Thursday the 3rd at 10:00 New York time is free (24 h notice).
const NOW = new Date("2026-12-01T12:00:00Z");
const THURSDAY_10AM = "2026-12-03T15:00:00.000Z";

async function names(query: string) {
  const parsed = await parseSearchFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return (await searchProviders(parsed.filters, { now: NOW })).results;
}

const consultation = (id: string, fee: string, deposit: string) =>
  appointmentTypeSchema.parse({ id, kind: "initial_consultation", name: "Initial consultation", minutes: "30", bufferAfterMinutes: "0", feeCents: fee, depositCents: deposit });

beforeAll(async () => {
  await seedReferenceData();
});

describe("the consultation's price", () => {
  it("follows the initial consultation type into the card, the filter, the sort, the profile, its JSON-LD and a new booking", async () => {
    const owner = await createUser("provider");
    const provider = await createProvider({ name: "Price Changer", consultFeeCents: 20_000, provider: { userId: owner.id }, conditions: [{ slug: "tmj-jaw-pain" }] });
    await createProvider({ name: "Price Steady", consultFeeCents: 15_000, conditions: [{ slug: "tmj-jaw-pain" }] });
    const search = "condition=tmj-jaw-pain";

    expect((await names(`${search}&sort=fee`)).map((c) => [c.name, c.consultFeeCents])).toEqual([["Price Steady", 15_000], ["Price Changer", 20_000]]);
    expect((await names(`${search}&maxFee=150`)).map((c) => c.name)).toEqual(["Price Steady"]);

    expect(await saveAppointmentType(owner, consultation(provider.typeIds[0]!, "120", "30"))).toMatchObject({ ok: true });

    expect((await names(`${search}&sort=fee`)).map((c) => [c.name, c.consultFeeCents])).toEqual([["Price Changer", 12_000], ["Price Steady", 15_000]]);
    expect((await names(`${search}&maxFee=120`)).map((c) => c.name)).toEqual(["Price Changer"]);
    const profile = await getListedProvider(provider.slug, NOW);
    expect(profile).toMatchObject({ consultFeeCents: 12_000, depositCents: 3_000 });
    expect(physicianJsonLd(profile!, "https://relief.example").priceRange).toBe("$120 consultation");

    const patient = await createUser("patient");
    const request = { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start: THURSDAY_10AM, telehealth: false, intake: validIntake() };
    const booked = await createBooking(patient, request, NOW);
    expect(booked).toMatchObject({ ok: true, status: "pending_payment" });
    const db = await getDb();
    const [row] = await db.select({ feeCents: bookings.feeCents, depositCents: bookings.depositCents }).from(bookings).where(eq(bookings.patientId, patient.id));
    expect(row).toEqual({ feeCents: 12_000, depositCents: 3_000 });
  });

  it("is the cheapest unarchived initial consultation when there are several", async () => {
    const owner = await createUser("provider");
    const provider = await createProvider({ name: "Price Several", consultFeeCents: 20_000, provider: { userId: owner.id }, conditions: [{ slug: "cervical-dystonia" }] });
    const fee = async () => (await names("condition=cervical-dystonia")).map((c) => c.consultFeeCents);

    expect(await saveAppointmentType(owner, consultation("", "90", "0"))).toMatchObject({ ok: true });
    expect(await fee()).toEqual([9_000]);
    expect(await getListedProvider(provider.slug, NOW)).toMatchObject({ consultFeeCents: 9_000, depositCents: 0 });

    const added = (await getListedProvider(provider.slug, NOW))!.appointmentTypes.find((t) => t.feeCents === 9_000)!;
    expect(await archiveAppointmentType(owner, added.id)).toMatchObject({ ok: true });
    expect(await fee()).toEqual([20_000]);
    expect(await getListedProvider(provider.slug, NOW)).toMatchObject({ consultFeeCents: 20_000 });
  });
});

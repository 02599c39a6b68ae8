import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { bookings, locations, treatments } from "@/db/schema";
import { API_INTAKE, createProvider, createUser, seedReferenceData } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { newBookingRow } from "@/lib/booking/booking-row";
import { getAvailability } from "@/lib/scheduling/queries";
import { addDays } from "@/lib/ui/time-zone";
import { POST } from "@/app/api/bookings/route";
import { sealTreatment } from "./records";

// POST /api/bookings for a treatment inside the 84 days: 409 with the first allowed date.

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));
vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));

const post = (body: unknown) => POST(new NextRequest("http://localhost:3000/api/bookings", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));

beforeAll(async () => {
  await seedReferenceData();
});

describe("POST /api/bookings for a treatment", () => {
  it("answers 409 too_soon_for_treatment with the earliest date, and books nothing", async () => {
    const provider = await createProvider({ name: "Api Cycle", appointmentTypes: [{ kind: "treatment", name: "Treatment session", minutes: 30 }, { kind: "initial_consultation" }] });
    const patient = await createUser("patient");
    // Treated ten days ago (New York), as the provider's completion would have recorded it.
    const db = await getDb();
    const [location] = await db.select().from(locations).where(eq(locations.providerId, provider.id));
    const start = DateTime.now().setZone("America/New_York").minus({ days: 10 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const row = newBookingRow({ providerId: provider.id, patientId: patient.id, location: location!, type: { id: provider.typeIds[0]!, name: "Treatment session", minutes: 30, bufferAfterMinutes: 0, feeCents: 20_000, depositCents: 0 }, start: start.toJSDate(), status: "completed", intake: API_INTAKE, cancellationWindowHours: 24 });
    await db.insert(bookings).values(row);
    const treatedOn = start.toISODate()!;
    await db.insert(treatments).values({ bookingId: row.id, patientId: patient.id, providerId: provider.id, treatedOn, detailsCiphertext: sealTreatment(row.id, { product: "botox", units: 155, regions: "head and neck", lot: "" }) });

    const today = new Date().toISOString().slice(0, 10);
    const free = await getAvailability(provider.slug, { from: today, to: addDays(today, 20), type: provider.typeIds[0]! });
    if (!free.ok) throw new Error(free.message);
    const slot = free.slots[0]!;
    await actAs(patient);
    const response = await post({ providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0], locationId: slot.locationId, start: slot.start, intake: API_INTAKE });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "too_soon_for_treatment", message: expect.stringMatching(/next treatment can be booked from/), earliest: addDays(treatedOn, 84) } });
    expect(await db.$count(bookings, eq(bookings.patientId, patient.id))).toBe(1);
  });
});

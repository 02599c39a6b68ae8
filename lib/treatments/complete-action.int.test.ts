import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { bookings, treatments } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { createBooking } from "@/lib/booking/queries";
import { completeBookingAction } from "@/app/provider/requests/complete-booking-action";

// The provider's "Completed" form for a treatment, as the browser posts it: field errors named by
// field, nothing stored; then the record with the booking completed.

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

beforeAll(async () => {
  await seedReferenceData();
});

describe("completing a treatment from the provider's form", () => {
  it("names the bad field and stores nothing, then records what was given", async () => {
    const user = await createUser("provider");
    const provider = await createProvider({ name: "Action Cycle", provider: { userId: user.id, minNoticeMinutes: 0 }, appointmentTypes: [{ kind: "treatment", name: "Treatment session", minutes: 30 }, { kind: "initial_consultation" }] });
    const patient = await createUser("patient");
    // Booked for the next weekday at 10:00 New York, then moved into the past as if the visit happened.
    let day = DateTime.now().setZone("America/New_York").plus({ days: 1 });
    while (day.weekday > 5) day = day.plus({ days: 1 });
    const start = day.set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const booked = await createBooking(patient, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start: start.toUTC().toISO()!, telehealth: false, intake: validIntake() });
    if (!booked.ok) throw new Error(booked.message);
    const db = await getDb();
    const past = start.minus({ days: 7 });
    await db.update(bookings).set({ status: "confirmed", startsAt: past.toJSDate(), endsAt: past.plus({ minutes: 30 }).toJSDate(), blockedUntil: past.plus({ minutes: 30 }).toJSDate() }).where(eq(bookings.id, booked.id));

    await actAs(user);
    const bad = await completeBookingAction({}, form({ id: booked.id, product: "botox", units: "1.5", regions: "", lot: "" }));
    expect(bad).toMatchObject({ fieldErrors: { "treatment.units": "Give the total units as a whole number.", "treatment.regions": "Name the regions or sites injected." } });
    const button = await completeBookingAction({}, form({ id: booked.id }));
    expect(button).toMatchObject({ error: expect.stringMatching(/Record what was given/) });
    expect(await db.$count(treatments, eq(treatments.bookingId, booked.id))).toBe(0);

    expect(await completeBookingAction({}, form({ id: booked.id, product: "daxxify", units: "40", regions: "Masseters", lot: "" }))).toMatchObject({ ok: true });
    const [row] = await db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, booked.id));
    expect(row!.status).toBe("completed");
    expect(await db.$count(treatments, eq(treatments.bookingId, booked.id))).toBe(1);
    await actAs(null);
  });
});

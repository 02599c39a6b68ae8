import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createProvider, createUser, seedReferenceData, type TestUser } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { getAvailability } from "@/lib/scheduling/queries";
import { GET } from "@/app/api/bookings/[id]/route";
import { POST as CANCEL } from "@/app/api/bookings/[id]/cancel/route";
import { POST as RESCHEDULE } from "@/app/api/bookings/[id]/reschedule/route";
import { POST as BOOK } from "@/app/api/bookings/route";
import { bookingChangeResponseSchema, bookingResponseSchema } from "./patient-booking-schema";

// after() needs a live request; what runs after the response is tested on its own.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));
vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));

const INTAKE = {
  condition: "tmj-jaw-pain",
  symptoms: "Clicking jaw secret",
  duration: "3-12-months",
  painScore: 5,
  safety: { neuromuscularDisease: "no", pregnantOrBreastfeeding: "no", infectionAtSite: "no", priorReaction: "no" },
  payment: "self-pay",
  consent: "yes",
};

const url = (path: string) => `http://localhost:3000${path}`;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (id: string) => GET(new NextRequest(url(`/api/bookings/${id}`)), ctx(id));
const post = (handler: typeof CANCEL, id: string, action: string, body: unknown) =>
  handler(new NextRequest(url(`/api/bookings/${id}/${action}`), { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }), ctx(id));

let provider: Awaited<ReturnType<typeof createProvider>>;
let slots: { start: string; locationId: string }[];
let next = 0;

beforeAll(async () => {
  await seedReferenceData();
  provider = await createProvider({ name: "Api Booking Id", conditions: [{ slug: "tmj-jaw-pain" }] });
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const result = await getAvailability(provider.slug, { from, to, type: provider.typeIds[0]! });
  if (!result.ok) throw new Error(result.message);
  slots = result.slots;
});

/** A new patient with a fresh request, booked through the API as a patient would. */
async function patientWithBooking(): Promise<{ patient: TestUser; id: string }> {
  const patient = await createUser("patient");
  await actAs(patient);
  const slot = slots[next++]!;
  const response = await BOOK(
    new NextRequest(url("/api/bookings"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0], locationId: slot.locationId, start: slot.start, intake: INTAKE }),
    }),
  );
  expect(response.status).toBe(201);
  return { patient, id: (await response.json()).id };
}

describe("GET /api/bookings/[id]", () => {
  it("answers the patient's own booking in the documented shape, without the intake", async () => {
    const { id } = await patientWithBooking();
    const response = await get(id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(bookingResponseSchema.parse(body).booking).toMatchObject({ id, status: "requested", provider: { slug: provider.slug } });
    expect(JSON.stringify(body)).not.toContain("Clicking jaw");
    expect(Object.keys(body.booking)).not.toContain("intake");
  });

  it("answers 401 signed out, 403 to a provider, and 404 to another patient or for an unknown id", async () => {
    const { id } = await patientWithBooking();
    await actAs(null);
    expect((await get(id)).status).toBe(401);
    await actAs(await createUser("provider"));
    expect((await get(id)).status).toBe(403);
    await actAs(await createUser("patient"));
    const stranger = await get(id);
    const unknown = await get("00000000-0000-4000-8000-000000000000");
    // The same answer either way: nobody learns that someone else's booking exists.
    expect([stranger.status, unknown.status]).toEqual([404, 404]);
    expect(await stranger.json()).toEqual(await unknown.json());
    expect((await get("not-an-id")).status).toBe(404);
  });
});

describe("POST /api/bookings/[id]/cancel", () => {
  const statusOf = async (patient: TestUser, id: string) => {
    await actAs(patient);
    return bookingResponseSchema.parse(await (await get(id)).json()).booking.status;
  };

  it("cancels with or without a reason, then refuses a second cancel with 409", async () => {
    const { id } = await patientWithBooking();
    const done = await post(CANCEL, id, "cancel", { reason: "Feeling better" });
    expect(done.status).toBe(200);
    const body = bookingChangeResponseSchema.parse(await done.json());
    expect(body.booking).toMatchObject({ id, status: "cancelled", cancelledBy: "patient", cancelReason: "Feeling better" });
    const again = await post(CANCEL, id, "cancel", {});
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/is cancelled/);
  });

  it("answers 400 for a bad body and 404 for another patient's booking, changing nothing", async () => {
    const { patient, id } = await patientWithBooking();
    expect((await post(CANCEL, id, "cancel", { reason: "x".repeat(501) })).status).toBe(400);
    expect((await post(CANCEL, id, "cancel", "{nope")).status).toBe(400);
    expect((await post(CANCEL, id, "cancel", { reason: 12 })).status).toBe(400);
    await actAs(await createUser("patient"));
    expect((await post(CANCEL, id, "cancel", {})).status).toBe(404);
    await actAs(null);
    expect((await post(CANCEL, id, "cancel", {})).status).toBe(401);
    expect(await statusOf(patient, id)).toBe("requested");
  });
});

describe("POST /api/bookings/[id]/reschedule", () => {
  it("moves the booking to a free time, and refuses a bad time with 400 and a taken one with 409", async () => {
    const { patient, id } = await patientWithBooking();
    const before = bookingResponseSchema.parse(await (await get(id)).json()).booking;
    expect((await post(RESCHEDULE, id, "reschedule", { start: "tomorrow" })).status).toBe(400);
    expect((await post(RESCHEDULE, id, "reschedule", { start: "9999-01-01T00:00:00Z" })).status).toBe(400);
    // Another patient's booked time is not free.
    const taken = slots[next - 2]!;
    const refused = await post(RESCHEDULE, id, "reschedule", { start: taken.start });
    expect(refused.status).toBe(409);
    expect(bookingResponseSchema.parse(await (await get(id)).json()).booking.startsAt).toBe(before.startsAt);

    const free = slots[next++]!;
    await actAs(patient);
    const moved = await post(RESCHEDULE, id, "reschedule", { start: free.start });
    expect(moved.status).toBe(200);
    expect(bookingChangeResponseSchema.parse(await moved.json()).booking).toMatchObject({ id, status: "requested", startsAt: free.start });
  });

  it("answers 404 for another patient's booking and 409 once it is cancelled", async () => {
    const { patient, id } = await patientWithBooking();
    const free = slots[next++]!;
    await actAs(await createUser("patient"));
    expect((await post(RESCHEDULE, id, "reschedule", { start: free.start })).status).toBe(404);
    await actAs(patient);
    expect((await post(CANCEL, id, "cancel", {})).status).toBe(200);
    expect((await post(RESCHEDULE, id, "reschedule", { start: free.start })).status).toBe(409);
  });
});

import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createProvider, createUser, seedReferenceData } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { getAvailability } from "@/lib/scheduling/queries";
import { GET, POST } from "@/app/api/bookings/route";

// after() needs a live request; what runs after the response is tested on its own.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));
vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));

const INTAKE = {
  condition: "tmj-jaw-pain",
  symptoms: "Jaw aches every morning",
  duration: "3-12-months",
  painScore: 5,
  safety: { neuromuscularDisease: "no", pregnantOrBreastfeeding: "no", infectionAtSite: "no", priorReaction: "yes" },
  payment: "self-pay",
  consent: "yes",
};

const post = (body: unknown) =>
  POST(new NextRequest("http://localhost:3000/api/bookings", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }));

let provider: Awaited<ReturnType<typeof createProvider>>;
let slots: { start: string; locationId: string }[];

beforeAll(async () => {
  await seedReferenceData();
  provider = await createProvider({ name: "Api Booking", conditions: [{ slug: "tmj-jaw-pain" }] });
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const result = await getAvailability(provider.slug, { from, to, type: provider.typeIds[0]! });
  if (!result.ok) throw new Error(result.message);
  slots = result.slots;
});

const booking = (slot: { start: string; locationId: string }, intake: unknown = INTAKE) => ({
  providerSlug: provider.slug,
  appointmentTypeId: provider.typeIds[0],
  locationId: slot.locationId,
  start: slot.start,
  intake,
});

describe("POST /api/bookings", () => {
  it("answers 401 without a session and 403 for a provider account", async () => {
    await actAs(null);
    expect((await post(booking(slots[0]!))).status).toBe(401);
    await actAs(await createUser("provider"));
    expect((await post(booking(slots[0]!))).status).toBe(403);
  });

  it("answers 400 with field errors for malformed JSON or a bad intake", async () => {
    await actAs(await createUser("patient"));
    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    const bad = await post(booking(slots[0]!, { ...INTAKE, painScore: 12, consent: "no" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toMatchObject({ "intake.painScore": expect.stringMatching(/between 0 and 10/), "intake.consent": expect.any(String) });
  });

  it("answers 201 with the id and status, lists it with GET, and 409 with alternatives for a taken slot", async () => {
    await actAs(await createUser("patient"));
    const created = await post(booking(slots[1]!));
    expect(created.status).toBe(201);
    const { id, status } = await created.json();
    expect(status).toBe("requested");
    const mine = await (await GET(new NextRequest("http://localhost:3000/api/bookings"))).json();
    expect(mine.bookings).toEqual([expect.objectContaining({ id, status: "requested", startsAt: slots[1]!.start })]);
    expect(JSON.stringify(mine)).not.toContain("Jaw aches");

    await actAs(await createUser("patient"));
    const taken = await post(booking(slots[1]!));
    expect(taken.status).toBe(409);
    const body = await taken.json();
    expect(body.error).toEqual({ message: "This time was just taken. Here are the next free times.", code: "slot_taken" });
    expect(body.alternatives.length).toBeGreaterThan(0);
  });

  it("answers 403 email_unverified for a patient who has not confirmed their address, and books nothing", async () => {
    const patient = await createUser("patient", "Not Yet Confirmed", { verified: false });
    await actAs(patient);
    const refused = await post(booking(slots[2]!));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "email_unverified", message: expect.stringMatching(/^Confirm your email address/) } });
    const mine = await (await GET(new NextRequest("http://localhost:3000/api/bookings"))).json();
    expect(mine.bookings).toEqual([]);
    // The slot stays free for someone else.
    await actAs(await createUser("patient"));
    expect((await post(booking(slots[2]!))).status).toBe(201);
  });

  it("answers 409 not_licensed_in_state naming the licensed states for a video visit from elsewhere, 400 without a state or with one for an in-person visit", async () => {
    const video = await createProvider({ name: "Dr. Api Video", conditions: [{ slug: "tmj-jaw-pain" }], provider: { telehealth: true }, appointmentTypes: [{ telehealthAllowed: true }] });
    const from = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const free = await getAvailability(video.slug, { from, to, type: video.typeIds[0]! });
    if (!free.ok) throw new Error(free.message);
    const ask = (extra: object) => post({ providerSlug: video.slug, appointmentTypeId: video.typeIds[0], locationId: free.slots[0]!.locationId, start: free.slots[0]!.start, intake: INTAKE, telehealth: true, ...extra });
    await actAs(await createUser("patient"));

    const noState = await ask({});
    expect(noState.status).toBe(400);
    expect((await noState.json()).error.fields).toEqual({ patientState: "Choose the state you will be in for the video visit." });
    const inPerson = await ask({ telehealth: false, patientState: "NY" });
    expect(inPerson.status).toBe(400);
    expect((await inPerson.json()).error.fields).toEqual({ patientState: "Name a state only for a video visit." });
    const refused = await ask({ patientState: "CA" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: { code: "not_licensed_in_state", message: "Dr. Api Video can see patients by video in New York." }, licensedStates: ["NY"] });
    const made = await ask({ patientState: "NY" });
    expect(made.status).toBe(201);
    const mine = await (await GET(new NextRequest("http://localhost:3000/api/bookings"))).json();
    expect(mine.bookings).toEqual([expect.objectContaining({ telehealth: true, patientState: "NY" })]);
  });
});
